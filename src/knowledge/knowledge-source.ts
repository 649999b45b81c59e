/**
 * What the running bot reads from the knowledge folder: the engine serving now and the state
 * `/sources` lists. {@link watchKnowledge} keeps one that follows the folder; {@link fixedKnowledge}
 * is one that never changes (hot reload turned off, one-shot commands, tests).
 */
import type { Engine } from '../core/engine.ts';
import type { SourceDocument } from '../core/types.ts';
import type { RefusedFile } from './load-knowledge.ts';

/** What the knowledge folder holds now, for `/sources`. */
export interface KnowledgeState {
  /** The documents of the engine serving now. */
  documents: readonly SourceDocument[];
  /** Chunks (sentences, list items, headings) per document id. */
  sentences: ReadonlyMap<string, number>;
  /** When the serving engine was built or loaded. */
  rebuiltAt: Date;
  /** Files that fail to load now (the engine serving predates them). */
  refused: readonly RefusedFile[];
}

/** An engine over the knowledge folder, and what `/sources` says about it. */
export interface KnowledgeSource {
  /** The engine serving now: ask for it at each question, since hot reload replaces it. */
  current(): Engine;
  /** The documents, sentence counts, last rebuild time and refused files, for `/sources`. */
  state(): KnowledgeState;
}

/**
 * Counts the chunks of each document of `engine`.
 *
 * @example
 * countSentences(engine).get('2024-10-14-socal-strike'); // 37
 */
export function countSentences(engine: Pick<Engine, 'chunks'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const chunk of engine.chunks) counts.set(chunk.docId, (counts.get(chunk.docId) ?? 0) + 1);
  return counts;
}

/**
 * A knowledge source that always serves `engine`, loaded at `loadedAt`, with no file refused.
 *
 * @example
 * const knowledge = fixedKnowledge(loaded.engine, new Date());
 * knowledge.current().answer('When did the strike start?');
 */
export function fixedKnowledge(engine: Engine, loadedAt: Date): KnowledgeSource {
  const state: KnowledgeState = {
    documents: engine.documents,
    sentences: countSentences(engine),
    rebuiltAt: loadedAt,
    refused: [],
  };
  return { current: () => engine, state: () => state };
}
