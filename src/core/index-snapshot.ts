/**
 * The engine's index snapshot: the chunk table, the term counts and MiniSearch's own maps, in
 * V8's structured-clone format (`node:v8` serialize). Loading it skips chunking, tokenising and
 * MiniSearch's `loadJS`, which rebuilds every posting from JSON objects and string keys: at 100k
 * sentences that rebuild took seconds, while deserialising the maps takes a fraction of that.
 *
 * MiniSearch has no public API for its maps, so this module reads and writes its private fields.
 * A snapshot records the field names it found; a MiniSearch whose fields differ (another version)
 * makes the snapshot invalid, and the caller rebuilds the index from the documents.
 */
import { deserialize, serialize } from 'node:v8';
import MiniSearch from 'minisearch';
import { StrikebotError } from './errors.ts';
import type { Chunk, SourceDocument } from './types.ts';

/** Version of the snapshot layout and of everything that shapes index terms. */
export const SNAPSHOT_VERSION = 'strikebot-index-2';

/** The MiniSearch fields a snapshot carries (the rest are options and vacuum state). */
const STATE_FIELDS = [
  '_documentCount',
  '_documentIds',
  '_idToShortId',
  '_fieldLength',
  '_avgFieldLength',
  '_nextId',
  '_storedFields',
  '_dirtCount',
] as const;

type Internals = Record<string, unknown> & { _index: { _tree: Map<string, unknown> } };

const KINDS: readonly Chunk['kind'][] = ['sentence', 'bullet', 'heading'];

/** Numbers per chunk in the chunk table: document index, start, end, paragraph * 4 + kind. */
const CHUNK_COLUMNS = 4;

/** What a snapshot holds. */
interface SnapshotData {
  version: string;
  /** Own property names of the MiniSearch instance that was saved. */
  fields: string[];
  documents: number;
  /** Per chunk: document index, start, end, and paragraph * 4 + kind. */
  chunks: Int32Array;
  terms: string[];
  counts: Int32Array;
  state: Record<string, unknown>;
  tree: Map<string, unknown>;
}

/** The parts of an engine a snapshot saves and restores. */
export interface IndexParts<T> {
  chunks: Chunk[];
  df: ReadonlyMap<string, number>;
  index: MiniSearch<T>;
}

/**
 * Serialises the chunk table, term counts and MiniSearch index.
 *
 * @example
 * const bytes = encodeSnapshot(documents, { chunks, df, index });
 */
export function encodeSnapshot<T>(
  documents: readonly SourceDocument[],
  parts: IndexParts<T>,
): Uint8Array {
  const docIndex = new Map(documents.map((d, i) => [d.id, i]));
  const table = new Int32Array(parts.chunks.length * CHUNK_COLUMNS);
  parts.chunks.forEach((c, i) => {
    const row = i * CHUNK_COLUMNS;
    table[row] = docIndex.get(c.docId) ?? -1;
    table[row + 1] = c.start;
    table[row + 2] = c.end;
    table[row + 3] = c.paragraph * 4 + KINDS.indexOf(c.kind);
  });
  const internals = parts.index as unknown as Internals;
  const state = Object.fromEntries(STATE_FIELDS.map((f) => [f, internals[f]]));
  const data: SnapshotData = {
    version: SNAPSHOT_VERSION,
    fields: Object.keys(internals).sort(),
    documents: documents.length,
    chunks: table,
    terms: [...parts.df.keys()],
    counts: Int32Array.from(parts.df.values()),
    state,
    tree: internals._index._tree,
  };
  return serialize(data);
}

function invalid(message: string, cause?: unknown): StrikebotError {
  return new StrikebotError('SNAPSHOT_INVALID', `index snapshot ${message}`, { cause });
}

/**
 * Restores what {@link encodeSnapshot} saved, over the same documents, into a MiniSearch created
 * with `options`. Throws `SNAPSHOT_INVALID` when the bytes are not a snapshot of this format, were
 * taken over other documents, or come from another MiniSearch.
 */
export function decodeSnapshot<T>(
  documents: readonly SourceDocument[],
  bytes: Uint8Array,
  options: ConstructorParameters<typeof MiniSearch<T>>[0],
): IndexParts<T> {
  let data: SnapshotData;
  try {
    data = deserialize(bytes) as SnapshotData;
  } catch (error) {
    throw invalid('cannot be read (truncated or not a snapshot)', error);
  }
  if (data?.version !== SNAPSHOT_VERSION) {
    throw invalid(`has format ${String(data?.version)}, expected ${SNAPSHOT_VERSION}`);
  }
  if (data.documents !== documents.length) {
    throw invalid(`was taken over ${data.documents} documents, not ${documents.length}`);
  }
  const index = new MiniSearch<T>(options);
  const internals = index as unknown as Internals;
  if (Object.keys(internals).sort().join() !== data.fields.join()) {
    throw invalid('was written by another MiniSearch version');
  }
  const chunks: Chunk[] = [];
  const table = data.chunks;
  let position = 0;
  for (let row = 0; row < table.length; row += CHUNK_COLUMNS) {
    const doc = documents[table[row] as number];
    const start = table[row + 1] as number;
    const end = table[row + 2] as number;
    const packed = table[row + 3] as number;
    if (!doc || end > doc.body.length || start > end) {
      throw invalid(`does not fit the documents (chunk ${chunks.length})`);
    }
    const previous = chunks[chunks.length - 1];
    position = previous && previous.docId === doc.id ? position + 1 : 0;
    chunks.push({
      id: chunks.length,
      docId: doc.id,
      position,
      paragraph: packed >> 2,
      start,
      end,
      text: doc.body.slice(start, end),
      kind: KINDS[packed & 3] ?? 'sentence',
    });
  }
  Object.assign(internals, data.state);
  internals._index._tree = data.tree;
  const df = new Map<string, number>();
  data.terms.forEach((term, i) => {
    df.set(term, data.counts[i] as number);
  });
  return { chunks, df, index };
}
