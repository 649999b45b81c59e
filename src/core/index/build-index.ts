import MiniSearch from 'minisearch';
import type { Chunk, SourceDocument } from '../types.ts';
import { annotateSentence, EVIDENCE_KINDS } from './annotate.ts';
import { chunkDocument } from './chunk.ts';
import { isStopWord, normalizeText, splitWords, toTerm } from './text.ts';

/** What the MiniSearch index stores per chunk. */
export interface IndexedChunk {
  id: number;
  text: string;
}

/** MiniSearch settings shared by building and loading an index. */
export const indexOptions = {
  fields: ['text'],
  storeFields: [] as string[],
  // Chunks are indexed and searched as space-joined index terms, so text is tokenised once, by
  // strikebot's own tokenizer.
  tokenize: (terms: string) => terms.split(' '),
  processTerm: (term: string) => term || null,
};

/** Everything the engine keeps about the documents; what a snapshot saves. */
export interface IndexParts {
  chunks: Chunk[];
  /** Per index term, how many chunks hold it. */
  df: ReadonlyMap<string, number>;
  /** Per normalised word of the documents (stop words and numbers aside), how often it occurs. */
  words: ReadonlyMap<string, number>;
  /** Per chunk, {@link EVIDENCE_KINDS}.length levels from `annotateSentence`. */
  evidence: Uint8Array;
  index: MiniSearch<IndexedChunk>;
}

/**
 * Chunks the documents, counts each term's chunks and each word, annotates every chunk with the
 * kinds of answer it holds, and indexes it, reading each chunk once. `onProgress` hears how many
 * chunks are done (for long builds).
 */
export function indexDocuments(
  documents: readonly SourceDocument[],
  onProgress?: (done: number, total: number) => void,
): IndexParts {
  const chunks: Chunk[] = [];
  for (const doc of documents) chunks.push(...chunkDocument(doc, chunks.length));
  const df = new Map<string, number>();
  const words = new Map<string, number>();
  const evidence = new Uint8Array(chunks.length * EVIDENCE_KINDS.length);
  const index = new MiniSearch<IndexedChunk>(indexOptions);
  for (const chunk of chunks) {
    const terms: string[] = [];
    for (const word of splitWords(normalizeText(chunk.text))) {
      if (isStopWord(word)) continue;
      terms.push(toTerm(word));
      if (!/\d/.test(word)) words.set(word, (words.get(word) ?? 0) + 1);
    }
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    evidence.set(annotateSentence(chunk.text), chunk.id * EVIDENCE_KINDS.length);
    index.add({ id: chunk.id, text: terms.join(' ') });
    if (onProgress && chunk.id % 10_000 === 9_999) onProgress(chunk.id + 1, chunks.length);
  }
  return { chunks, df, words, evidence, index };
}
