import type { Corpus } from '../index/corpus.ts';
import { typeEvidence } from '../rank/features.ts';
import type { Chunk, Citation, CitedSpeaker, SourceDocument } from '../types.ts';
import type { ScoredCandidate } from './decide.ts';
import { buildSnippet, type Snippet } from './snippet.ts';

/**
 * Passages: the distinct snippets a ranked candidate list offers, best first, and the citation
 * each becomes once an answer has chosen and ordered them.
 */

/** One candidate sentence with the snippet an answer would quote for it. */
export interface Passage {
  chunk: Chunk;
  /** The candidate's softmax probability among all candidates. */
  probability: number;
  /** Chunk ids of candidates in other documents that say much the same. */
  sameClaim: readonly number[];
  snippet: Snippet;
  doc: SourceDocument;
  /** The sentence holds the kind of fact the question asks for (a date for "when"); false for open questions. */
  holdsAnswerType: boolean;
  /** Per concept of the question, whether the sentence, its neighbours or its document's title express it. */
  expresses: readonly boolean[];
  /** The sentence itself holds a word of the question (its stem), not only a synonym or a near spelling. */
  echoes: boolean;
}

/**
 * The passages of a ranked list, best first: one per snippet (a candidate whose snippet overlaps
 * one already taken is skipped).
 *
 * @example
 * collectPassages(ranked, corpus).map((p) => p.snippet.text)
 */
export function collectPassages(
  ranked: readonly ScoredCandidate[],
  corpus: Pick<Corpus, 'chunks' | 'docById'>,
): Passage[] {
  const passages: Passage[] = [];
  const used = new Set<number>();
  for (const { candidate, probability } of ranked) {
    const { chunk } = candidate;
    if (used.has(chunk.id)) continue;
    const snippet = buildSnippet(corpus.chunks, chunk, corpus.docById);
    if (snippet.chunkIds.some((id) => used.has(id))) continue;
    for (const id of snippet.chunkIds) used.add(id);
    const doc = corpus.docById.get(chunk.docId) as SourceDocument;
    passages.push({
      chunk,
      probability,
      sameClaim: candidate.sameClaim,
      snippet,
      doc,
      holdsAnswerType: typeEvidence(candidate) > 0,
      expresses: candidate.matches.map((m) => m.sentence !== undefined || m.context || m.title),
      echoes: candidate.matches.some((m) => m.sentence === 'exact'),
    });
  }
  return passages;
}

/**
 * The citation numbered `n` for a passage: its document's title, publisher, date and URL, the
 * verbatim snippet, the probability (rounded to three places) and who makes the claim.
 */
export function citePassage(passage: Passage, n: number, speaker?: CitedSpeaker): Citation {
  const { doc } = passage;
  return {
    n,
    docId: doc.id,
    title: doc.title,
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    snippet: passage.snippet.text,
    score: Math.round(passage.probability * 1000) / 1000,
    ...(speaker ? { speaker } : {}),
  };
}
