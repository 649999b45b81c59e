/**
 * The engine's index snapshot: the chunk table, the term counts and MiniSearch's own maps, as
 * flat integer arrays in V8's structured-clone format (`node:v8` serialize). Loading it skips
 * chunking, tokenising and MiniSearch's `loadJS`, which rebuilds every posting from JSON objects
 * and string keys.
 *
 * Postings are the bulk of an index (about 900,000 at 100k sentences). Rebuilding them as Maps, or
 * letting V8 deserialise them as Maps, costs a second or more at that size, mostly in the garbage
 * collector copying young Maps. So each term's postings stay a slice of one `Int32Array` until
 * MiniSearch first reads them ({@link LazyPostings}); a question touches a few dozen terms.
 *
 * MiniSearch has no public API for its maps, so this module reads and writes its private fields.
 * A snapshot records the field names it found; a MiniSearch whose fields differ (another version)
 * makes the snapshot invalid, and the caller rebuilds the index from the documents.
 */
import { deserialize, serialize } from 'node:v8';
import MiniSearch from 'minisearch';
import { StrikebotError } from '../errors.ts';
import type { Chunk, SourceDocument } from '../types.ts';
import { EVIDENCE_KINDS } from './annotate.ts';
import { type IndexedChunk, type IndexParts, indexOptions } from './build-index.ts';

/** Version of the snapshot layout and of everything that shapes index terms. */
export const SNAPSHOT_VERSION = 'strikebot-index-4';

/** Small MiniSearch fields a snapshot carries as they are. */
const STATE_FIELDS = [
  '_documentCount',
  '_avgFieldLength',
  '_nextId',
  '_storedFields',
  '_dirtCount',
] as const;

/** A radix-tree node of MiniSearch's SearchableMap: '' holds the term's data, others children. */
type TreeNode = Map<string, TreeNode | TermData>;
/** A term's postings per field id: short document id → term frequency. */
type TermData = Map<number, Map<number, number>>;

interface Internals {
  [field: string]: unknown;
  _index: { _tree: TreeNode; _size: number | undefined };
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
}

const KINDS: readonly Chunk['kind'][] = ['sentence', 'bullet', 'heading'];

/** Numbers per chunk in the chunk table: document index, start, end, paragraph * 4 + kind. */
const CHUNK_COLUMNS = 4;

/** In the tree shape, the key length that marks a node's term data (MiniSearch's '' key). */
const LEAF = -1;

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
  /** The documents' words and how often each occurs. */
  words: string[];
  wordCounts: Int32Array;
  /** Per chunk, the level of each kind of answer it holds. */
  evidence: Uint8Array;
  state: Record<string, unknown>;
  /** Per indexed document: short id, chunk id, then its length in each field. */
  docs: Int32Array;
  /** The tree's child keys in pre-order, concatenated. */
  keys: string;
  /** Pre-order: per node its entry count, then per entry its key length or {@link LEAF}. */
  shape: Int32Array;
  /** Per term: field count, then per field its id, posting count and (short id, freq) pairs. */
  postings: Int32Array;
}

/** A growable `Int32Array`, so writing a million-sentence index does not box every number. */
class IntWriter {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The written numbers (a copy, so the spare capacity is not serialised). */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * One term's postings in one field: a slice of the snapshot's postings array, turned into a real
 * Map the first time anything but `size` reads or changes it. It is a Map (MiniSearch may add to
 * or vacuum it), only a lazy one.
 */
class LazyPostings extends Map<number, number> {
  #source: Int32Array | undefined;
  readonly #start: number;
  readonly #end: number;

  constructor(source: Int32Array, start: number, end: number) {
    super();
    this.#source = source;
    this.#start = start;
    this.#end = end;
  }

  #fill(): void {
    const source = this.#source;
    if (!source) return;
    this.#source = undefined;
    for (let i = this.#start; i < this.#end; i += 2) {
      super.set(source[i] as number, source[i + 1] as number);
    }
  }

  /** The posting count, without filling. */
  count(): number {
    return this.#source ? (this.#end - this.#start) / 2 : super.size;
  }

  override get(key: number): number | undefined {
    this.#fill();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.#fill();
    return super.has(key);
  }
  override set(key: number, value: number): this {
    this.#fill();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.#fill();
    return super.delete(key);
  }
  override clear(): void {
    this.#source = undefined;
    super.clear();
  }
  override forEach(fn: (value: number, key: number, map: Map<number, number>) => void): void {
    this.#fill();
    super.forEach(fn);
  }
  override keys(): MapIterator<number> {
    this.#fill();
    return super.keys();
  }
  override values(): MapIterator<number> {
    this.#fill();
    return super.values();
  }
  override entries(): MapIterator<[number, number]> {
    this.#fill();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
}

// `size` is an accessor on Map.prototype, which TypeScript types as a plain property.
Object.defineProperty(LazyPostings.prototype, 'size', {
  get(this: LazyPostings) {
    return this.count();
  },
});

/** Writes MiniSearch's radix tree as key text, shape and postings (pre-order). */
function flattenTree(
  node: TreeNode,
  out: { keys: string[]; shape: IntWriter; postings: IntWriter },
): void {
  out.shape.push(node.size);
  for (const [key, child] of node) {
    if (key !== '') {
      out.keys.push(key);
      out.shape.push(key.length);
      flattenTree(child as TreeNode, out);
      continue;
    }
    out.shape.push(LEAF);
    const data = child as TermData;
    out.postings.push(data.size);
    for (const [fieldId, postings] of data) {
      out.postings.push(fieldId);
      out.postings.push(postings.size);
      for (const [shortId, frequency] of postings) {
        out.postings.push(shortId);
        out.postings.push(frequency);
      }
    }
  }
}

/** Rebuilds the radix tree {@link flattenTree} wrote; term data stays lazy. */
function inflateTree(data: SnapshotData): TreeNode {
  const { keys, shape, postings } = data;
  let keyAt = 0;
  let shapeAt = 0;
  let postingAt = 0;
  const fits = (end: number, length: number): void => {
    if (end > length) throw invalid('is cut short (index tree)');
  };
  const readTermData = (): TermData => {
    const termData: TermData = new Map();
    let fields = postings[postingAt++] as number;
    while (fields-- > 0) {
      fits(postingAt + 2, postings.length);
      const fieldId = postings[postingAt] as number;
      const end = postingAt + 2 + 2 * (postings[postingAt + 1] as number);
      fits(end, postings.length);
      termData.set(fieldId, new LazyPostings(postings, postingAt + 2, end));
      postingAt = end;
    }
    return termData;
  };
  const readNode = (): TreeNode => {
    const node: TreeNode = new Map();
    fits(shapeAt + 1, shape.length);
    let entries = shape[shapeAt++] as number;
    while (entries-- > 0) {
      fits(shapeAt + 1, shape.length);
      const length = shape[shapeAt++] as number;
      if (length === LEAF) {
        node.set('', readTermData());
        continue;
      }
      fits(keyAt + length, keys.length);
      const key = keys.slice(keyAt, keyAt + length);
      keyAt += length;
      node.set(key, readNode());
    }
    return node;
  };
  return readNode();
}

/**
 * Serialises the chunk table, term counts and MiniSearch index. Document ids in the index must be
 * integers (the engine indexes chunks by number).
 *
 * @example
 * const bytes = encodeSnapshot(documents, indexDocuments(documents));
 */
export function encodeSnapshot(
  documents: readonly SourceDocument[],
  parts: IndexParts,
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
  const fieldCount = Object.keys(internals._fieldIds).length;
  const docs = new IntWriter();
  for (const [shortId, id] of internals._documentIds) {
    if (!Number.isInteger(id))
      throw new TypeError(`index snapshot: document id ${id} is not an integer`);
    docs.push(shortId);
    docs.push(id as number);
    const lengths = internals._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) docs.push(lengths[f] ?? 0);
  }
  const tree = { keys: [] as string[], shape: new IntWriter(), postings: new IntWriter() };
  flattenTree(internals._index._tree, tree);
  const data: SnapshotData = {
    version: SNAPSHOT_VERSION,
    fields: Object.keys(internals).sort(),
    documents: documents.length,
    chunks: table,
    terms: [...parts.df.keys()],
    counts: Int32Array.from(parts.df.values()),
    words: [...parts.words.keys()],
    wordCounts: Int32Array.from(parts.words.values()),
    evidence: parts.evidence,
    state: Object.fromEntries(STATE_FIELDS.map((f) => [f, internals[f]])),
    docs: docs.toArray(),
    keys: tree.keys.join(''),
    shape: tree.shape.toArray(),
    postings: tree.postings.toArray(),
  };
  return serialize(data);
}

function invalid(message: string, cause?: unknown): StrikebotError {
  return new StrikebotError('SNAPSHOT_INVALID', `index snapshot ${message}`, { cause });
}

/** Rebuilds the chunk list from the chunk table, checking every row fits its document. */
function inflateChunks(documents: readonly SourceDocument[], table: Int32Array): Chunk[] {
  const chunks: Chunk[] = [];
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
  return chunks;
}

/** Restores MiniSearch's document maps: short id ↔ chunk id, and field lengths. */
function inflateDocuments(internals: Internals, docs: Int32Array, chunkCount: number): void {
  const fieldCount = Object.keys(internals._fieldIds).length;
  const columns = 2 + fieldCount;
  if (docs.length % columns !== 0) throw invalid('has a malformed document table');
  for (let row = 0; row < docs.length; row += columns) {
    const shortId = docs[row] as number;
    const id = docs[row + 1] as number;
    if (id < 0 || id >= chunkCount) throw invalid(`indexes chunk ${id} of ${chunkCount}`);
    internals._documentIds.set(shortId, id);
    internals._idToShortId.set(id, shortId);
    const lengths: number[] = new Array(fieldCount);
    for (let f = 0; f < fieldCount; f++) lengths[f] = docs[row + 2 + f] as number;
    internals._fieldLength.set(shortId, lengths);
  }
}

/**
 * Restores what {@link encodeSnapshot} saved, over the same documents, into a MiniSearch created
 * with `options`. Throws `SNAPSHOT_INVALID` when the bytes are not a snapshot of this format, were
 * taken over other documents, or come from another MiniSearch.
 */
export function decodeSnapshot(
  documents: readonly SourceDocument[],
  bytes: Uint8Array,
): IndexParts {
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
  const index = new MiniSearch<IndexedChunk>(indexOptions);
  const internals = index as unknown as Internals;
  if (Object.keys(internals).sort().join() !== data.fields.join()) {
    throw invalid('was written by another MiniSearch version');
  }
  const chunks = inflateChunks(documents, data.chunks);
  Object.assign(internals, data.state);
  inflateDocuments(internals, data.docs, chunks.length);
  internals._index._tree = inflateTree(data);
  internals._index._size = undefined;
  const df = new Map<string, number>();
  data.terms.forEach((term, i) => {
    df.set(term, data.counts[i] as number);
  });
  const words = new Map<string, number>();
  data.words.forEach((word, i) => {
    words.set(word, data.wordCounts[i] as number);
  });
  if (data.evidence.length !== chunks.length * EVIDENCE_KINDS.length) {
    throw invalid('has a malformed evidence table');
  }
  return { chunks, df, words, evidence: data.evidence, index };
}
