import type { Corpus } from '../index/corpus.ts';
import type { MatchSource } from '../question/analyze.ts';
import { evidenceKindOf } from '../question/answer-type.ts';
import type { Chunk } from '../types.ts';
import { type ConceptMatch, SOURCE_ORDER, type WeighedQuestion } from './concept-match.ts';

/**
 * Ranking features: each a small named function from one candidate sentence to a number, most
 * between 0 and 1. A fitted model (`model.ts`) weighs and adds them; `explain` shows each value
 * and its contribution. Features know no corpus: only the question's concepts, their weights and
 * the sentence's terms, position and kinds of answer.
 */

/** One candidate sentence for one question, with what every feature reads. */
export interface Candidate {
  corpus: Corpus;
  question: WeighedQuestion;
  chunk: Chunk;
  /** Per concept, how it shows up around the sentence. */
  matches: readonly ConceptMatch[];
  /** The index's score relative to the best candidate's (0 to 1). */
  indexScore: number;
  /** Other documents among the candidates that say much the same (filled in after retrieval). */
  agreeing: number;
  /** Chunk ids of the candidates in other documents that say much the same. */
  sameClaim: number[];
}

/** A named feature. */
export interface Feature {
  name: string;
  /** What it measures, for `explain` and the README. */
  description: string;
  compute(candidate: Candidate): number;
}

/** Share of the question's own concept weight matched in the sentence through one source. */
export function sentenceCoverage(candidate: Candidate, source: MatchSource): number {
  const { question, matches } = candidate;
  if (question.ownWeight <= 0) return 0;
  let covered = 0;
  question.concepts.forEach((concept, i) => {
    if (!concept.carried && matches[i]?.sentence === source) covered += question.weights[i] ?? 0;
  });
  return covered / question.ownWeight;
}

/** Share of own concept weight found only in a neighbouring sentence. */
export function contextCoverage(candidate: Candidate): number {
  const { question, matches } = candidate;
  if (question.ownWeight <= 0) return 0;
  let covered = 0;
  question.concepts.forEach((concept, i) => {
    const m = matches[i];
    if (!concept.carried && m && !m.sentence && m.context) covered += question.weights[i] ?? 0;
  });
  return covered / question.ownWeight;
}

/** Share of own concept weight found only in the document's headline or date. */
export function titleCoverage(candidate: Candidate): number {
  const { question, matches } = candidate;
  if (question.ownWeight <= 0) return 0;
  let covered = 0;
  question.concepts.forEach((concept, i) => {
    const m = matches[i];
    if (!concept.carried && m && !m.sentence && !m.context && m.title) {
      covered += question.weights[i] ?? 0;
    }
  });
  return covered / question.ownWeight;
}

/** Share of the weight of concepts carried over from earlier questions found in or next to the sentence. */
export function carriedCoverage(candidate: Candidate): number {
  const { question, matches } = candidate;
  let total = 0;
  let covered = 0;
  question.concepts.forEach((concept, i) => {
    if (!concept.carried) return;
    const w = question.weights[i] ?? 0;
    total += w;
    const m = matches[i];
    if (m?.sentence || m?.context) covered += w;
  });
  return total > 0 ? covered / total : 0;
}

/** The weight of the heaviest own concept found nowhere near the sentence, relative to the rarest possible term. */
export function heaviestMissing(candidate: Candidate): number {
  const { question, matches, corpus } = candidate;
  let worst = 0;
  question.concepts.forEach((concept, i) => {
    const m = matches[i];
    if (concept.carried || !m || m.sentence || m.context || m.title) return;
    worst = Math.max(worst, question.weights[i] ?? 0);
  });
  return worst / corpus.maxIdf;
}

/** 1 when a name the question capitalises is found nowhere near the sentence. */
export function nameMissing(candidate: Candidate): number {
  const { question, matches } = candidate;
  return question.concepts.some((c, i) => {
    const m = matches[i];
    return c.capitalized && !c.carried && m !== undefined && !m.sentence && !m.context && !m.title;
  })
    ? 1
    : 0;
}

/** 1 when the thing a "how many" question counts is not in the sentence. */
export function countedMissing(candidate: Candidate): number {
  const { question, matches } = candidate;
  return question.concepts.some((c, i) => c.head && !c.carried && !matches[i]?.sentence) ? 1 : 0;
}

/** Level (0 to 1) of the kind of answer the question asks for, in the sentence. */
export function typeEvidence(candidate: Candidate): number {
  const kind = evidenceKindOf(candidate.question.type);
  return kind ? candidate.corpus.evidence(candidate.chunk.id, kind) : 0;
}

/** Number-like index terms: digits and the words that scale them. */
const QUANTITY_TERM = /^(?:\d|million$|billion$|thousand$|hundr|dozen$|half$|quarter$)/;
/** How far before the counted word a number may stand ("2,400 mental health workers"). */
const QUANTITY_WINDOW = 3;

/** Term sets of a question that several features read, worked out once per question. */
interface QuestionTerms {
  /** Every term of every alternative of every concept. */
  asked: ReadonlySet<string>;
  /** The last term of each alternative of the counted ("how many X") concepts. */
  countedLast: ReadonlySet<string>;
  /** Per own (not carried) concept, the terms of all its alternatives. */
  ownConcepts: readonly ReadonlySet<string>[];
}

const questionTerms = new WeakMap<WeighedQuestion, QuestionTerms>();

function termsOfQuestion(question: WeighedQuestion): QuestionTerms {
  let known = questionTerms.get(question);
  if (!known) {
    const asked = new Set<string>();
    for (const c of question.concepts)
      for (const a of c.alternatives) for (const t of a.terms) asked.add(t);
    const countedLast = new Set<string>();
    for (const c of question.concepts) {
      if (!c.head) continue;
      for (const a of c.alternatives) {
        const last = a.terms[a.terms.length - 1];
        if (last !== undefined) countedLast.add(last);
      }
    }
    const ownConcepts = question.concepts
      .filter((c) => !c.carried)
      .map((c) => new Set(c.alternatives.flatMap((a) => a.terms)));
    known = { asked, countedLast, ownConcepts };
    questionTerms.set(question, known);
  }
  return known;
}

/** 1 when a number stands just before what a "how many" question counts ("4.8 million members"). */
export function quantifiesCounted(candidate: Candidate): number {
  const { question, corpus, chunk } = candidate;
  const counted = termsOfQuestion(question).countedLast;
  if (counted.size === 0) return 0;
  const terms = corpus.termListOf(chunk.id);
  for (let i = 0; i < terms.length; i++) {
    if (!counted.has(terms[i] as string)) continue;
    for (let j = Math.max(0, i - QUANTITY_WINDOW); j < i; j++) {
      if (QUANTITY_TERM.test(terms[j] as string)) return 1;
    }
  }
  return 0;
}

/** Share of the sentence's terms that the question does not mention: what it adds. */
export function novelty(candidate: Candidate): number {
  const terms = candidate.corpus.termListOf(candidate.chunk.id);
  if (terms.length === 0) return 0;
  const { asked } = termsOfQuestion(candidate.question);
  return terms.filter((t) => !asked.has(t)).length / terms.length;
}

/** Share of the numbers the question writes that the sentence holds (0 when it writes none). */
export function numbersMatched(candidate: Candidate): number {
  const { numbers } = candidate.question;
  if (numbers.length === 0) return 0;
  const terms = candidate.corpus.termsOf(candidate.chunk.id);
  const title = candidate.corpus.docTermsOf(candidate.chunk.docId);
  return numbers.filter((n) => terms.has(n) || title.has(n)).length / numbers.length;
}

/** How near the top of its document the sentence is: 1 for the first, falling as 1/(1+position). */
export function leadPosition(candidate: Candidate): number {
  return 1 / (1 + candidate.chunk.position);
}

/** Sentence length in terms, relative to a long sentence, capped at 1. */
const LONG_SENTENCE_TERMS = 30;
export function sentenceLength(candidate: Candidate): number {
  return Math.min(1, candidate.corpus.termListOf(candidate.chunk.id).length / LONG_SENTENCE_TERMS);
}

/** Most words between two concepts of the question for them to count as near each other. */
const NEAR_WINDOW = 4;

/** Share of neighbouring question concept pairs that also stand near each other in the sentence. */
export function proximity(candidate: Candidate): number {
  const { question, corpus, chunk } = candidate;
  const own = termsOfQuestion(question).ownConcepts;
  if (own.length < 2) return 0;
  const terms = corpus.termListOf(chunk.id);
  const positions = own.map((conceptTerms) => {
    const found: number[] = [];
    terms.forEach((t, i) => {
      if (conceptTerms.has(t)) found.push(i);
    });
    return found;
  });
  let near = 0;
  for (let i = 0; i + 1 < positions.length; i++) {
    const a = positions[i] as number[];
    const b = positions[i + 1] as number[];
    if (a.some((x) => b.some((y) => Math.abs(x - y) <= NEAR_WINDOW))) near++;
  }
  return near / (own.length - 1);
}

/** Chunks either side of the previous answer that count as near it. */
const NEAR_PREVIOUS = 2;

/** For a follow-up: 1 for the previous answer's own sentence, 0.5 near it, else 0. */
export function nearPreviousAnswer(candidate: Candidate): number {
  const id = candidate.question.previousAnswer;
  if (id === undefined) return 0;
  const previous = candidate.corpus.chunks[id];
  if (!previous || previous.docId !== candidate.chunk.docId) return 0;
  if (id === candidate.chunk.id) return 1;
  return Math.abs(id - candidate.chunk.id) <= NEAR_PREVIOUS ? 0.5 : 0;
}

/** For a follow-up: 1 when the sentence is in the same document as the previous answer. */
export function samePreviousDocument(candidate: Candidate): number {
  const id = candidate.question.previousAnswer;
  if (id === undefined) return 0;
  return candidate.corpus.chunks[id]?.docId === candidate.chunk.docId ? 1 : 0;
}

/** Most agreeing documents counted. */
const MAX_AGREEING = 2;

/** What each match source's coverage feature measures. */
const SOURCE_COVERAGE: Readonly<Record<MatchSource, string>> = {
  exact: "share of the question's weight in the sentence as its own words",
  wordnet: 'share matched by a WordNet synonym of a common sense',
  spelling: 'share matched by reading a misspelt or abbreviated word',
  association: 'share matched by a learned association',
};

/** The features, in model order. */
export const FEATURES: readonly Feature[] = [
  ...SOURCE_ORDER.map(
    (source): Feature => ({
      name: `coverage.${source}`,
      description: SOURCE_COVERAGE[source],
      compute: (c) => sentenceCoverage(c, source),
    }),
  ),
  {
    name: 'coverage.context',
    description: 'share found only in a neighbouring sentence',
    compute: contextCoverage,
  },
  {
    name: 'coverage.title',
    description: 'share found only in the headline or date',
    compute: titleCoverage,
  },
  {
    name: 'coverage.carried',
    description: 'share of concepts carried from earlier questions found near the sentence',
    compute: carriedCoverage,
  },
  {
    name: 'missing.heaviest',
    description: 'weight of the heaviest concept found nowhere near',
    compute: heaviestMissing,
  },
  {
    name: 'missing.name',
    description: 'a capitalised name of the question is missing',
    compute: nameMissing,
  },
  {
    name: 'missing.counted',
    description: 'what "how many" counts is not in the sentence',
    compute: countedMissing,
  },
  {
    name: 'index.score',
    description: "the index's score relative to the best candidate",
    compute: (c) => c.indexScore,
  },
  {
    name: 'type.evidence',
    description: 'the sentence holds the kind of answer asked for',
    compute: typeEvidence,
  },
  {
    name: 'type.counted',
    description: 'a number stands right before what "how many" counts',
    compute: quantifiesCounted,
  },
  {
    name: 'novelty',
    description: "share of the sentence's terms the question does not use",
    compute: novelty,
  },
  {
    name: 'numbers.matched',
    description: 'share of the numbers of the question the sentence holds',
    compute: numbersMatched,
  },
  {
    name: 'position.lead',
    description: '1/(1+position of the sentence in its document)',
    compute: leadPosition,
  },
  {
    name: 'chunk.heading',
    description: 'the chunk is a heading',
    compute: (c) => (c.chunk.kind === 'heading' ? 1 : 0),
  },
  {
    name: 'chunk.bullet',
    description: 'the chunk is a list item',
    compute: (c) => (c.chunk.kind === 'bullet' ? 1 : 0),
  },
  { name: 'chunk.length', description: 'sentence length, capped', compute: sentenceLength },
  {
    name: 'proximity',
    description: 'neighbouring question concepts stand near each other',
    compute: proximity,
  },
  {
    name: 'conversation.previous-answer',
    description: "a follow-up's candidate is the previous answer (1) or near it (0.5)",
    compute: nearPreviousAnswer,
  },
  {
    name: 'conversation.same-document',
    description: "a follow-up's candidate is in the previous answer's document",
    compute: samePreviousDocument,
  },
  {
    name: 'agreement',
    description: 'other documents say much the same',
    compute: (c) => Math.min(MAX_AGREEING, c.agreeing) / MAX_AGREEING,
  },
];

/** The feature vector of a candidate, in {@link FEATURES} order. */
export function featureVector(candidate: Candidate): number[] {
  return FEATURES.map((f) => f.compute(candidate));
}
