import SearchableMap from 'minisearch/SearchableMap';
import type { Chunk, SourceDocument } from '../types.ts';
import { EVIDENCE_KINDS, type EvidenceKind, FULL } from './annotate.ts';
import type { IndexParts } from './build-index.ts';
import { MONTHS, tokenize } from './text.ts';

/**
 * Read access to the indexed documents for ranking: each chunk's terms (in order and as a set),
 * each document's headline terms, term and word statistics, the kinds of answer each chunk holds,
 * and lookups for reading chat spelling.
 */
export interface Corpus {
  documents: readonly SourceDocument[];
  docById: ReadonlyMap<string, SourceDocument>;
  chunks: readonly Chunk[];
  /** Per index term, how many chunks hold it. */
  df: ReadonlyMap<string, number>;
  /** Per normalised word of the documents, how often it occurs. */
  words: ReadonlyMap<string, number>;
  /** Index terms of a chunk in text order (computed on first use and kept). */
  termListOf(chunkId: number): readonly string[];
  /** Index terms of a chunk as a set. */
  termsOf(chunkId: number): ReadonlySet<string>;
  /** Index terms of a document's title and date. */
  docTermsOf(docId: string): ReadonlySet<string>;
  /** Inverse document frequency of a term among chunks (BM25's form, never negative). */
  idf(term: string): number;
  /** The IDF a term found in no chunk would have. */
  maxIdf: number;
  /** Level (0 to 1) of one kind of answer in a chunk. */
  evidence(chunkId: number, kind: EvidenceKind): number;
  /** Words of the documents within `maxDistance` edits of `word`. */
  nearWords(word: string, maxDistance: number): ReadonlyMap<string, number>;
  /** Words of the documents starting with a letter. */
  wordsStartingWith(letter: string): readonly string[];
  /** The `count` newest documents, newest first (undated last). */
  newest(count: number): readonly SourceDocument[];
}

/** Date metadata as words ("2024-10-24" → "October 2024 24"), so "the October 2024 storm" matches. */
function dateWords(date: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const month = MONTHS[Number(match?.[2]) - 1];
  return match && month ? `${month} ${match[1]} ${Number(match[3])}` : '';
}

/**
 * The `count` newest documents (ISO dates compare as strings; undated ones last, in corpus
 * order), in one pass.
 */
export function newestDocuments(
  documents: readonly SourceDocument[],
  count: number,
): SourceDocument[] {
  const newest: SourceDocument[] = [];
  for (const doc of documents) {
    const date = doc.date ?? '';
    let at = newest.length;
    while (at > 0 && (newest[at - 1]?.date ?? '') < date) at--;
    if (at < count) {
      newest.splice(at, 0, doc);
      if (newest.length > count) newest.pop();
    }
  }
  return newest;
}

/** Builds the {@link Corpus} view of indexed documents. */
export function buildCorpus(
  documents: readonly SourceDocument[],
  parts: Omit<IndexParts, 'index'>,
): Corpus {
  const { chunks, df, words, evidence } = parts;
  const lists: (string[] | undefined)[] = new Array(chunks.length);
  const sets: (Set<string> | undefined)[] = new Array(chunks.length);
  const termListOf = (id: number): readonly string[] => {
    let list = lists[id];
    if (!list) {
      list = tokenize(chunks[id]?.text ?? '');
      lists[id] = list;
    }
    return list;
  };
  const docById = new Map(documents.map((d) => [d.id, d]));
  const docTerms = new Map<string, Set<string>>();
  const n = chunks.length;
  let fuzzy: SearchableMap<number> | undefined;
  let byLetter: Map<string, string[]> | undefined;
  const newestCache = new Map<number, SourceDocument[]>();
  const kinds = EVIDENCE_KINDS.length;
  return {
    documents,
    docById,
    chunks,
    df,
    words,
    termListOf,
    termsOf: (id) => {
      let set = sets[id];
      if (!set) {
        set = new Set(termListOf(id));
        sets[id] = set;
      }
      return set;
    },
    docTermsOf: (docId) => {
      let terms = docTerms.get(docId);
      if (!terms) {
        const doc = docById.get(docId);
        terms = new Set(doc ? tokenize(`${doc.title} ${dateWords(doc.date)}`) : []);
        docTerms.set(docId, terms);
      }
      return terms;
    },
    idf: (term) => {
      const f = df.get(term) ?? 0;
      return Math.log(1 + (n - f + 0.5) / (f + 0.5));
    },
    maxIdf: Math.log(1 + (n + 0.5) / 0.5),
    evidence: (id, kind) => (evidence[id * kinds + EVIDENCE_KINDS.indexOf(kind)] ?? 0) / FULL,
    nearWords: (word, maxDistance) => {
      if (!fuzzy) {
        fuzzy = new SearchableMap<number>();
        for (const [w, c] of words) fuzzy.set(w, c);
      }
      const found = new Map<string, number>();
      for (const [w, [, distance]] of fuzzy.fuzzyGet(word, maxDistance)) found.set(w, distance);
      return found;
    },
    wordsStartingWith: (letter) => {
      if (!byLetter) {
        byLetter = new Map();
        for (const w of words.keys()) {
          const list = byLetter.get(w[0] as string) ?? [];
          list.push(w);
          byLetter.set(w[0] as string, list);
        }
      }
      return byLetter.get(letter) ?? [];
    },
    newest: (count) => {
      let list = newestCache.get(count);
      if (!list) {
        list = newestDocuments(documents, count);
        newestCache.set(count, list);
      }
      return list;
    },
  };
}
