import type { Corpus } from '../index/corpus.ts';
import { evidenceKindOf } from '../question/answer-type.ts';
import { isExpressed, type WeighedQuestion } from '../rank/concept-match.ts';
import type { Candidate } from '../rank/features.ts';
import { type RankingModel, scoreLinear, sigmoid } from '../rank/model.ts';

/**
 * The answer decision: how likely the best candidate is to answer the question, from a fitted
 * logistic model over what the ranking found, and which of three outcomes that probability gives.
 */

/** A candidate with its feature vector, model score and softmax probability among the candidates. */
export interface ScoredCandidate {
  candidate: Candidate;
  vector: number[];
  score: number;
  probability: number;
}

/** The three outcomes of a question. */
export type Outcome = 'answer' | 'unsure' | 'not-found';

/** Names of the decision features, in model order. */
export const DECISION_FEATURES = [
  'top.score',
  'top.margin',
  'top.probability',
  'top.claim-probability',
  'top.coverage',
  'top.missing',
  'top.name-missing',
  'top.type',
  'top.near-coverage',
  'top.typed-evidence',
  'question.unknown',
  'question.typed',
  'question.concepts',
] as const;

/** Own concepts at which a question counts as long. */
const LONG_QUESTION_CONCEPTS = 10;

/** Share of the question's own weight in concepts the documents never express in any way. */
function unknownShare(corpus: Corpus, question: WeighedQuestion): number {
  if (question.ownWeight <= 0) return 1;
  let unknown = 0;
  question.concepts.forEach((concept, i) => {
    if (concept.carried) return;
    if (!isExpressed(corpus, concept)) unknown += question.weights[i] ?? 0;
  });
  return unknown / question.ownWeight;
}

/** What the decision reads of a ranked candidate. */
export interface Ranked {
  vector: readonly number[];
  score: number;
  probability: number;
  chunkId: number;
  /** Chunk ids of candidates in other documents that say much the same. */
  sameClaim: readonly number[];
}

/** A scored candidate as the decision reads it. */
export function rankedView(s: ScoredCandidate): Ranked {
  return {
    vector: s.vector,
    score: s.score,
    probability: s.probability,
    chunkId: s.candidate.chunk.id,
    sameClaim: s.candidate.sameClaim,
  };
}

/** Question-level facts the decision reads besides the ranking. */
export interface QuestionFacts {
  /** See {@link unknownShare}. */
  unknown: number;
  /** 1 when the question asks for a kind of answer (number, date, person...), else 0. */
  typed: number;
  /** How many own concepts the question has, relative to a long question (capped at 1). */
  concepts: number;
}

/** The question-level facts of an analysed question. */
export function questionFacts(corpus: Corpus, question: WeighedQuestion): QuestionFacts {
  // Typed: the sentences that answer it hold a kind of evidence (a date, a number, a cause...).
  const typed = evidenceKindOf(question.type) === undefined ? 0 : 1;
  const own = question.concepts.filter((c) => !c.carried).length;
  return {
    unknown: unknownShare(corpus, question),
    typed,
    concepts: Math.min(1, own / LONG_QUESTION_CONCEPTS),
  };
}

/** Ranker features whose sum is the top candidate's coverage in the sentence itself. */
const SENTENCE_COVERAGE = [
  'coverage.exact',
  'coverage.wordnet',
  'coverage.spelling',
  'coverage.association',
];

/**
 * The decision features of a ranked candidate list (best first); `at` gives the index of a
 * ranker feature by name.
 */
export function decisionFeatures(
  ranked: readonly Ranked[],
  facts: QuestionFacts,
  at: (name: string) => number,
): number[] {
  const top = ranked[0];
  if (!top) return [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, facts.unknown, facts.typed, facts.concepts];
  const v = top.vector;
  const coverage = SENTENCE_COVERAGE.reduce((sum, name) => sum + (v[at(name)] ?? 0), 0);
  const second = ranked[1];
  const same = new Set(top.sameClaim);
  // Sources that repeat the top sentence share its probability; together they are one claim.
  const claim = ranked.reduce(
    (sum, r) => (same.has(r.chunkId) ? sum + r.probability : sum),
    top.probability,
  );
  return [
    top.score,
    second ? top.score - second.score : 0,
    top.probability,
    claim,
    coverage,
    v[at('missing.heaviest')] ?? 0,
    v[at('missing.name')] ?? 0,
    v[at('type.evidence')] ?? 0,
    // Coverage counting the neighbours and headline too: how much of the question is answered near it.
    coverage + (v[at('coverage.context')] ?? 0) + (v[at('coverage.title')] ?? 0),
    facts.typed * (v[at('type.evidence')] ?? 0),
    facts.unknown,
    facts.typed,
    facts.concepts,
  ];
}

/**
 * The outcome of a question from its decision features: a confident answer when the best
 * candidate is likely right, "not sure" with the closest passages when an answer is likely among
 * them, else not found.
 *
 * @example
 * decide(model, features) // => { outcome: 'answer', probability: 0.93 }
 */
export function decide(
  model: Pick<RankingModel, 'answer' | 'closest'>,
  features: readonly number[],
): { outcome: Outcome; probability: number } {
  const probability = sigmoid(scoreLinear(model.answer, features));
  if (probability >= model.answer.threshold) return { outcome: 'answer', probability };
  const closest = sigmoid(scoreLinear(model.closest, features));
  return { outcome: closest >= model.closest.threshold ? 'unsure' : 'not-found', probability };
}
