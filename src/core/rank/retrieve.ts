import type MiniSearch from 'minisearch';
import type { IndexedChunk } from '../index/build-index.ts';
import type { Corpus } from '../index/corpus.ts';
import { termOverlap } from '../index/text.ts';
import type { Chunk } from '../types.ts';
import { matchConcepts, type WeighedQuestion } from './concept-match.ts';
import type { Candidate } from './features.ts';

/**
 * Retrieval: asks MiniSearch for the sentences that share the question's rarest terms (its own
 * words first, then their alternatives), and wraps the best ones as {@link Candidate}s for the
 * features to read. When too few sentences hold the rare terms, a second query with the
 * question's own common words fills the rest (in a small folder, "strike" and "patients" are in
 * most sentences, and a question whose other words are rare would otherwise get a handful).
 */

/** Options for {@link retrieve}. */
export interface RetrieveOptions {
  /** Candidates kept for ranking. */
  candidates: number;
  /** Most terms (rarest first) sent to the index per question. */
  maxQueryTerms: number;
  /** Most postings (sum of the sent terms' chunk counts) one query may make the index score. */
  maxPostings: number;
}

/** Boost of the question's own terms in the index query; alternatives get {@link ALTERNATIVE_BOOST}. */
const OWN_BOOST = 1;
const ALTERNATIVE_BOOST = 0.6;
/** Boost of terms of concepts carried over from earlier questions. */
const CARRIED_BOOST = 0.5;
/** Terms in more than this share of all chunks are left out when rarer ones remain. */
const COMMON_SHARE = 0.1;
/** ...but a term is never called common in fewer than this many chunks. */
const MIN_COMMON_CHUNKS = 50;
/** Share of candidates' terms two sentences must share to count as saying the same thing. */
const AGREEMENT_OVERLAP = 0.6;

/** Each query term and its boost: own words highest, alternatives and carried concepts lower. */
function queryWeights(question: WeighedQuestion): Map<string, number> {
  const weights = new Map<string, number>();
  for (const concept of question.concepts) {
    concept.alternatives.forEach((alt, i) => {
      const base = i === 0 ? OWN_BOOST : ALTERNATIVE_BOOST;
      const w = concept.carried ? base * CARRIED_BOOST : base;
      for (const term of alt.terms) weights.set(term, Math.max(weights.get(term) ?? 0, w));
    });
  }
  return weights;
}

/**
 * The terms sent to MiniSearch, at most `limit`: the question's own words first, then the rest,
 * each group rarest first, while the postings they cost fit in `budget`. The rarest own word is
 * always sent. MiniSearch scores every posting of every term it is sent, so common terms cost the
 * most and tell the least; the features still count every concept on the candidates found.
 * `withCommon` adds the question's own common words last (still within the budget).
 */
function selectQueryTerms(
  df: ReadonlyMap<string, number>,
  chunkCount: number,
  weights: ReadonlyMap<string, number>,
  limit: number,
  budget: number,
  withCommon = false,
): string[] {
  const freq = (t: string) => df.get(t) ?? 0;
  const known = [...weights.keys()].filter((t) => df.has(t));
  known.sort((a, b) => freq(a) - freq(b) || (a < b ? -1 : a > b ? 1 : 0));
  const common = Math.max(MIN_COMMON_CHUNKS, chunkCount * COMMON_SHARE);
  const isOwn = (t: string) => (weights.get(t) ?? 0) >= OWN_BOOST;
  const selective = known.filter((t) => freq(t) <= common);
  const pool = selective.length > 0 ? selective : known.slice(0, 2);
  const groups = [pool.filter(isOwn), pool.filter((t) => !isOwn(t))];
  // The question's own common words, sent only to find more candidates (see retrieve).
  if (withCommon)
    groups.push(known.filter((t) => freq(t) > common && isOwn(t) && !pool.includes(t)));
  const chosen: string[] = [];
  let postings = 0;
  for (const group of groups) {
    for (const term of group) {
      if (chosen.length >= limit) return chosen;
      if (chosen.length > 0 && postings + freq(term) > budget) break;
      chosen.push(term);
      postings += freq(term);
    }
  }
  return chosen;
}

/** Records, for each candidate, the candidates of other documents that say much the same. */
function countAgreement(corpus: Corpus, candidates: Candidate[]): void {
  for (const candidate of candidates) {
    const terms = corpus.termsOf(candidate.chunk.id);
    const docs = new Set<string>();
    for (const other of candidates) {
      if (other.chunk.docId === candidate.chunk.docId) continue;
      if (termOverlap(terms, corpus.termsOf(other.chunk.id)) < AGREEMENT_OVERLAP) continue;
      candidate.sameClaim.push(other.chunk.id);
      docs.add(other.chunk.docId);
    }
    candidate.agreeing = docs.size;
  }
}

/**
 * The best candidates the index finds for a question, with `budgetScale` times the usual postings
 * budget (a wider second try when the first finds nothing convincing).
 */
export function retrieve(
  corpus: Corpus,
  index: MiniSearch<IndexedChunk>,
  question: WeighedQuestion,
  options: RetrieveOptions,
  budgetScale = 1,
): Candidate[] {
  const weights = queryWeights(question);
  const terms = selectQueryTerms(
    corpus.df,
    corpus.chunks.length,
    weights,
    options.maxQueryTerms,
    options.maxPostings * budgetScale,
  );
  if (terms.length === 0) return [];
  const search = (query: readonly string[]) =>
    index.search(query.join(' '), {
      combineWith: 'OR',
      tokenize: (text) => text.split(' '),
      boostTerm: (term) => weights.get(term) ?? 1,
    });
  const hits = search(terms).slice(0, options.candidates);
  const best = hits[0]?.score ?? 1;
  const scored = hits.map((hit) => ({ id: hit.id as number, indexScore: hit.score / best }));
  if (scored.length < options.candidates) {
    // Too few sentences hold the rare words: the question's common words find the rest, ranked
    // after them (a score is only comparable within one query).
    const wider = selectQueryTerms(
      corpus.df,
      corpus.chunks.length,
      weights,
      options.maxQueryTerms,
      options.maxPostings * budgetScale,
      true,
    );
    if (wider.length > terms.length) {
      const found = new Set(scored.map((s) => s.id));
      const floor = scored.at(-1)?.indexScore ?? 1;
      const more = search(wider).filter((hit) => !found.has(hit.id as number));
      const wideBest = more[0]?.score ?? 1;
      for (const hit of more.slice(0, options.candidates - scored.length)) {
        scored.push({ id: hit.id as number, indexScore: (floor * hit.score) / wideBest });
      }
    }
  }
  const candidates = scored.map(({ id, indexScore }): Candidate => {
    const chunk = corpus.chunks[id] as Chunk;
    return {
      corpus,
      question,
      chunk,
      matches: matchConcepts(corpus, question, chunk),
      indexScore,
      agreeing: 0,
      sameClaim: [],
    };
  });
  countAgreement(corpus, candidates);
  return candidates;
}

/** Whether {@link retrieve} left terms out that `widen` times the postings budget would send. */
export function wouldWiden(
  corpus: Corpus,
  question: WeighedQuestion,
  options: RetrieveOptions,
  widen: number,
): boolean {
  const weights = queryWeights(question);
  const narrow = selectQueryTerms(
    corpus.df,
    corpus.chunks.length,
    weights,
    options.maxQueryTerms,
    options.maxPostings,
  );
  const wide = selectQueryTerms(
    corpus.df,
    corpus.chunks.length,
    weights,
    options.maxQueryTerms,
    options.maxPostings * widen,
  );
  return wide.length > narrow.length;
}
