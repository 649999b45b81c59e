import type { Corpus } from '../index/corpus.ts';
import type { Concept, MatchSource, QuestionAnalysis } from '../question/analyze.ts';
import { evidenceKindOf } from '../question/answer-type.ts';
import { englishProbability } from '../question/background.ts';
import type { Chunk } from '../types.ts';

/**
 * How each concept of a question shows up around one candidate sentence: the best kind of match
 * in the sentence itself, and whether it appears in a neighbouring sentence or the headline.
 * Computed once per candidate; every feature reads it.
 */

/** Match sources from most to least trusted; a concept's sentence match is the first that fits. */
export const SOURCE_ORDER: readonly MatchSource[] = ['exact', 'wordnet', 'spelling', 'association'];

/** How one concept shows up around a candidate. */
export interface ConceptMatch {
  /** Best source of a match in the sentence, or undefined. */
  sentence?: MatchSource;
  /** True when a neighbouring sentence of the same document expresses it. */
  context: boolean;
  /** True when the document's headline or date expresses it. */
  title: boolean;
}

/** A question's concepts with their weights in this corpus. */
export interface WeighedQuestion extends QuestionAnalysis {
  /** Per concept (parallel to `concepts`), how much its presence tells sentences apart. */
  weights: number[];
  /** Sum of the weights of the question's own (not carried) concepts. */
  ownWeight: number;
}

/** Words per sentence in everyday text, to turn a word's frequency into a sentence frequency. */
const WORDS_PER_SENTENCE = 20;

/**
 * The IDF a word would have in these documents if they used it as everyday English does: for
 * question words the documents never use ("sourdough" is rare and telling, "supposed" is filler).
 */
function expectedIdf(corpus: Corpus, word: string): number {
  const n = corpus.chunks.length;
  const share = Math.min(1, WORDS_PER_SENTENCE * englishProbability(word));
  const df = n * share;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Whether the documents hold all of `terms`. */
function allKnown(corpus: Pick<Corpus, 'df'>, terms: readonly string[]): boolean {
  return terms.every((t) => corpus.df.has(t));
}

/** Whether the documents express a concept in any way (any of its alternatives, whole). */
export function isExpressed(corpus: Pick<Corpus, 'df'>, concept: Concept): boolean {
  return concept.alternatives.some((a) => allKnown(corpus, a.terms));
}

/** Sources that say the same as the question's word (so their IDF may stand for its weight). */
const SAME_MEANING = new Set(['exact', 'spelling']);

/**
 * Weight of a concept: the IDF of its rarest own term; for a word the documents never use, the
 * IDF of what it most likely means there (its abbreviation's long form or its spelling reading), else the IDF it would have as everyday English.
 */
function conceptWeight(corpus: Corpus, concept: Concept): number {
  if (allKnown(corpus, concept.terms)) {
    return Math.max(...concept.terms.map((t) => corpus.idf(t)));
  }
  for (const alternative of concept.alternatives) {
    if (!SAME_MEANING.has(alternative.source)) continue;
    if (allKnown(corpus, alternative.terms)) {
      return Math.max(...alternative.terms.map((t) => corpus.idf(t)));
    }
  }
  return expectedIdf(corpus, concept.word);
}

/** Adds corpus weights to an analysed question. */
export function weighQuestion(corpus: Corpus, analysis: QuestionAnalysis): WeighedQuestion {
  const weights = analysis.concepts.map((c) => conceptWeight(corpus, c));
  const ownWeight = weights.reduce(
    (sum, w, i) => (analysis.concepts[i]?.carried ? sum : sum + w),
    0,
  );
  return { ...analysis, weights, ownWeight };
}

function expresses(concept: Concept, terms: ReadonlySet<string>): MatchSource | undefined {
  let best: MatchSource | undefined;
  let bestRank = SOURCE_ORDER.length;
  for (const alternative of concept.alternatives) {
    const rank = SOURCE_ORDER.indexOf(alternative.source);
    if (rank < bestRank && alternative.terms.every((t) => terms.has(t))) {
      best = alternative.source;
      bestRank = rank;
    }
  }
  return best;
}

/** Most list items between an item and the sentence that introduces its list. */
const MAX_LIST_ITEMS = 50;

/**
 * The chunks that set a chunk's context: the ones right before and after it in the same
 * document, and for a list item the sentence that introduces its list ("... at the following
 * locations:").
 */
function neighboursOf(corpus: Corpus, chunk: Chunk): Chunk[] {
  const out: Chunk[] = [];
  for (const id of [chunk.id - 1, chunk.id + 1]) {
    const other = corpus.chunks[id];
    if (other && other.docId === chunk.docId) out.push(other);
  }
  if (chunk.kind === 'bullet') {
    for (let id = chunk.id - 1; id >= Math.max(0, chunk.id - MAX_LIST_ITEMS); id--) {
      const other = corpus.chunks[id];
      if (!other || other.docId !== chunk.docId) break;
      if (other.kind === 'bullet') continue;
      if (id !== chunk.id - 1) out.push(other);
      break;
    }
  }
  return out;
}

/** How each concept of the question shows up around a chunk. */
export function matchConcepts(
  corpus: Corpus,
  question: QuestionAnalysis,
  chunk: Chunk,
): ConceptMatch[] {
  const own = corpus.termsOf(chunk.id);
  const neighbours = neighboursOf(corpus, chunk).map((c) => corpus.termsOf(c.id));
  const title = corpus.docTermsOf(chunk.docId);
  const kind = evidenceKindOf(question.type);
  // "what time ...": a sentence holding a time expresses "time" without the word.
  const typed = kind !== undefined && corpus.evidence(chunk.id, kind) === 1;
  return question.concepts.map((concept) => {
    const sentence = expresses(concept, own) ?? (concept.typeNoun && typed ? 'exact' : undefined);
    return {
      ...(sentence ? { sentence } : {}),
      context: neighbours.some((terms) => expresses(concept, terms) !== undefined),
      title: expresses(concept, title) !== undefined,
    };
  });
}
