/**
 * One index build for hot reload, run in a worker thread: read the knowledge folder, and when
 * every file loads, build the engine's index and serialise it. The main thread then only
 * restores the engine from the snapshot bytes, so questions keep being answered meanwhile.
 */

import { StrikebotError } from '../core/errors.ts';
import { indexDocuments } from '../core/index/build-index.ts';
import { encodeSnapshot } from '../core/index/index-snapshot.ts';
import type { SourceDocument } from '../core/types.ts';
import { type RefusedFile, readKnowledgeFolder } from './load-knowledge.ts';
import { snapshotKey } from './snapshot.ts';

/** What the main thread asks for. */
export interface BuildIndexRequest {
  /** Request number, echoed in the result. */
  id: number;
  /** The knowledge folder. */
  dir: string;
}

/** What the worker answers. */
export type BuildIndexResult =
  | {
      id: number;
      kind: 'built';
      /** {@link snapshotKey} of the folder, taken before reading it. */
      key: string;
      documents: SourceDocument[];
      /** `engine.toSnapshot()` of the new index. */
      snapshot: Uint8Array;
    }
  /** Some files do not load: nothing was built. */
  | { id: number; kind: 'refused'; key: string; refused: RefusedFile[] }
  /** The folder itself is unusable (missing, empty): nothing was built. */
  | { id: number; kind: 'failed'; error: string };

/** What the worker sends once, when its modules are loaded and it can take requests. */
export interface IndexWorkerReady {
  kind: 'ready';
}

/**
 * Runs one build. Never throws for a problem with the knowledge files; reports it instead.
 *
 * @example
 * const result = await buildIndex({ id: 1, dir: 'knowledge' });
 */
export async function buildIndex(request: BuildIndexRequest): Promise<BuildIndexResult> {
  const { id, dir } = request;
  try {
    const key = await snapshotKey(dir).catch(async (error: unknown) => {
      // A missing or unreadable folder: the loader's error names KNOWLEDGE_DIR and what to do.
      await readKnowledgeFolder(dir);
      throw error;
    });
    const { reports, refused } = await readKnowledgeFolder(dir);
    if (refused.length > 0) return { id, kind: 'refused', key, refused };
    const documents = reports.map((report) => report.document);
    const snapshot = encodeSnapshot(documents, indexDocuments(documents));
    return { id, kind: 'built', key, documents, snapshot };
  } catch (error) {
    if (error instanceof StrikebotError) return { id, kind: 'failed', error: error.message };
    // The folder can change under the reader (a file removed between listing and reading).
    const message = error instanceof Error ? error.message : String(error);
    return { id, kind: 'failed', error: `${dir}: ${message}` };
  }
}
