import { createRandom } from '../bench/random.ts';
import { DECISION_FEATURES, decisionFeatures, type Ranked } from '../core/answer/decide.ts';
import { createEngine, type Engine, type Explanation, featureAt } from '../core/engine.ts';
import type { DomainProfile } from '../core/profile.ts';
import { FOLLOW_UP_FEATURES } from '../core/question/follow-up.ts';
import type { Thesaurus } from '../core/question/wordnet.ts';
import { FEATURES } from '../core/rank/features.ts';
import {
  type LinearModel,
  type RankingModel,
  scoreLinear,
  sigmoid,
  softmax,
} from '../core/rank/model.ts';
import type { SourceDocument } from '../core/types.ts';
import { flattenQuestions, holdsSpan, type SingleQuestion } from '../eval/score.ts';
import { learnAssociations } from './associations.ts';
import { type Fold, makeFolds } from './dataset.ts';
import { fitLogistic, fitRanker, type LabelledExample, type RankingGroup } from './fit.ts';
import { learnQuestionWords } from './question-words.ts';

/**
 * Fits every part of the {@link RankingModel} from training questions: word associations, the
 * follow-up model, the listwise ranker, and the answer decision with its two thresholds. The
 * decision is fitted on out-of-fold ranker scores (inner cross-validation), so it learns how the
 * ranker does on questions it was not fitted to.
 */

/** What training reads. */
export interface TrainingInput {
  documents: readonly SourceDocument[];
  /** The documents' index snapshot (built once, shared by every engine training makes). */
  snapshot: Uint8Array;
  profile: DomainProfile;
  data: Fold;
  /** The thesaurus the engine reads questions with. */
  thesaurus: Thesaurus;
}

/** Options for {@link trainModel}. */
export interface TrainOptions {
  /** Folds of the inner cross-validation that gives the decision out-of-fold scores. */
  innerFolds: number;
  /** Least share of confident answers that must be right (on out-of-fold predictions). */
  targetPrecision: number;
  /** Share of the questions with an answer among the closest passages that must be shown them. */
  unsureRecall: number;
  /** Whether to learn word associations. */
  associations: boolean;
  /** Reports progress (for long runs). */
  onProgress?: (message: string) => void;
}

/** Defaults for {@link TrainOptions}. */
const defaultTrainOptions: TrainOptions = {
  innerFolds: 4,
  targetPrecision: 0.9,
  unsureRecall: 0.95,
  associations: true,
};

/** Times the ranker is fitted (see {@link trainModel}). */
const RANKER_PASSES = 2;

/** A question as training asks it: alone, or as a turn after earlier turns. */
interface TrainingQuestion {
  text: string;
  history: string[];
  spans: string[];
}

function linear(
  features: readonly string[],
  weights: readonly number[],
  bias: number,
): LinearModel {
  return { features: [...features], weights: [...weights], bias };
}

/** A model that ranks nothing in particular and never treats a question as a follow-up. */
function provisional(associations: Record<string, string[]>, followUp?: LinearModel): RankingModel {
  return {
    ranker: linear(
      FEATURES.map((f) => f.name),
      FEATURES.map(() => 0),
      0,
    ),
    answer: {
      ...linear(
        DECISION_FEATURES,
        DECISION_FEATURES.map(() => 0),
        0,
      ),
      threshold: 1,
    },
    closest: {
      ...linear(
        DECISION_FEATURES,
        DECISION_FEATURES.map(() => 0),
        0,
      ),
      threshold: 0,
    },
    followUp:
      followUp ??
      linear(
        FOLLOW_UP_FEATURES,
        FOLLOW_UP_FEATURES.map(() => 0),
        -1,
      ),
    associations,
  };
}

function trainingQuestions(data: Fold): TrainingQuestion[] {
  return flattenQuestions([...data.questions, ...data.conversations]).map(
    ({ question, history }) => ({
      text: question.question,
      history,
      spans: 'answer_any' in question ? question.answer_any : [],
    }),
  );
}

/** Follow-up examples: later turns after their previous turn; other questions after unrelated ones. */
function followUpExamples(engine: Engine, data: Fold): LabelledExample[] {
  const random = createRandom(7);
  const singles = data.questions.map((q) => q.question);
  const pool = [...singles, ...data.conversations.map((c) => c.turns[0]?.question ?? '')];
  const examples: LabelledExample[] = [];
  const add = (question: string, previous: string, label: boolean) => {
    const vector = engine.explain(question, { history: [previous] }).followUpVector;
    if (vector) examples.push({ vector, label });
  };
  for (const c of data.conversations) {
    c.turns.forEach((turn, t) => {
      if (t > 0) add(turn.question, c.turns[t - 1]?.question ?? '', true);
    });
    const first = c.turns[0]?.question ?? '';
    const other = pool[Math.floor(random() * pool.length)] as string;
    if (other !== first) add(first, other, false);
  }
  for (const question of singles) {
    const other = pool[Math.floor(random() * pool.length)] as string;
    if (other !== question) add(question, other, false);
  }
  const positives = examples.filter((e) => e.label).length;
  const negatives = examples.length - positives;
  // Both classes count equally, however many examples each has.
  return examples.map((e) => ({
    ...e,
    weight: e.label ? 1 / Math.max(1, positives) : 1 / Math.max(1, negatives),
  }));
}

/** One question's explanation and its candidates' labels. */
interface Explained {
  question: TrainingQuestion;
  explanation: Explanation;
  positive: boolean[];
}

function rankingGroups(items: readonly Explained[]): RankingGroup[] {
  return items
    .filter((x) => x.question.spans.length > 0)
    .map((x) => ({ vectors: x.explanation.candidates.map((c) => c.vector), positive: x.positive }));
}

/** Ranks an explained question's candidates with a ranker, as the engine would. */
function rerank(ranker: LinearModel, item: Explained): Array<Ranked & { positive: boolean }> {
  const scored = item.explanation.candidates.map((c, i) => ({
    vector: c.vector,
    score: scoreLinear(ranker, c.vector),
    positive: item.positive[i] as boolean,
    chunkId: c.chunk.id,
    sameClaim: c.sameClaim,
  }));
  const probabilities = softmax(scored.map((s) => s.score));
  return scored
    .map((s, i) => ({ ...s, probability: probabilities[i] as number }))
    .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId);
}

/** Decision examples from out-of-fold rankers: was the top candidate an answer? */
function decisionExamples(
  byFold: readonly Explained[][],
): Array<LabelledExample & { hit3: boolean }> {
  const examples: Array<LabelledExample & { hit3: boolean }> = [];
  byFold.forEach((held, f) => {
    const train = byFold.filter((_, g) => g !== f).flat();
    const fitted = fitRanker(rankingGroups(train));
    const ranker = linear(
      FEATURES.map((x) => x.name),
      fitted.weights,
      0,
    );
    for (const item of held) {
      const ranked = rerank(ranker, item);
      examples.push({
        vector: decisionFeatures(ranked, item.explanation.facts, featureAt),
        label: ranked[0]?.positive ?? false,
        hit3: ranked.slice(0, 3).some((r) => r.positive),
      });
    }
  });
  return examples;
}

/**
 * The lowest probability threshold at which answers above it are right at least `precision` of
 * the time (scanning from the most confident down); 1 when no threshold reaches it.
 */
export function thresholdForPrecision(
  scored: ReadonlyArray<{ p: number; right: boolean }>,
  precision: number,
): number {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  let right = 0;
  let best = 1;
  sorted.forEach((s, i) => {
    if (s.right) right++;
    const next = sorted[i + 1];
    // Only cut between distinct probabilities.
    if (next && next.p === s.p) return;
    if (right / (i + 1) >= precision) best = s.p;
  });
  return best;
}

/** The highest threshold that keeps at least `recall` of the wanted examples at or above it. */
export function thresholdForRecall(probabilities: readonly number[], recall: number): number {
  if (probabilities.length === 0) return 0;
  const sorted = [...probabilities].sort((a, b) => b - a);
  const keep = Math.max(1, Math.ceil(recall * sorted.length));
  return sorted[keep - 1] as number;
}

/**
 * Fits a full model on the training data.
 *
 * @example
 * const model = trainModel({ documents, snapshot, profile, data });
 */
export function trainModel(
  input: TrainingInput,
  options: Partial<TrainOptions> = {},
): RankingModel {
  const settings = { ...defaultTrainOptions, ...options };
  const progress = settings.onProgress ?? (() => {});
  const base = { snapshot: input.snapshot, profile: input.profile, thesaurus: input.thesaurus };
  const chunks = createEngine(input.documents, { ...base, model: provisional({}) }).chunks;
  const associations = settings.associations ? learnAssociations(input.data.questions, chunks) : {};
  progress(`associations: ${Object.keys(associations).length} question terms`);
  // Every engine of the fit reads questions as the trained one will, chat spellings included.
  const questionWords = learnQuestionWords(input.data);
  const withWords = (model: RankingModel): RankingModel => ({ ...model, questionWords });

  const first = createEngine(input.documents, {
    ...base,
    model: withWords(provisional(associations)),
  });
  const followFit = fitLogistic(followUpExamples(first, input.data));
  const followUp = linear(FOLLOW_UP_FEATURES, followFit.weights, followFit.bias);
  progress('follow-up model fitted');

  // Explanations depend on the ranker only through a follow-up's previous answer, so the ranker
  // is fitted twice: once with a ranker that knows nothing, then with the previous answers its
  // first fit picks.
  const inner = makeFolds(input.data.questions, input.data.conversations, settings.innerFolds, 11);
  const questionsByFold = inner.map(trainingQuestions);
  let ranker = provisional(associations, followUp).ranker;
  let byFold: Explained[][] = [];
  for (let pass = 1; pass <= RANKER_PASSES; pass++) {
    const model = withWords({ ...provisional(associations, followUp), ranker });
    const engine = createEngine(input.documents, { ...base, model });
    const explainOne = (question: TrainingQuestion): Explained => {
      const explanation = engine.explain(question.text, { history: question.history });
      const positive = explanation.candidates.map((c) => holdsSpan(c.snippet, question.spans));
      return { question, explanation, positive };
    };
    byFold = questionsByFold.map((questions) => questions.map(explainOne));
    const fitted = fitRanker(rankingGroups(byFold.flat()));
    ranker = linear(
      FEATURES.map((f) => f.name),
      fitted.weights,
      0,
    );
    progress(`ranker fitted (pass ${pass})`);
  }

  const examples = decisionExamples(byFold);
  const answerFit = fitLogistic(examples);
  const answerLinear = linear(DECISION_FEATURES, answerFit.weights, answerFit.bias);
  const scored = examples.map((e) => ({
    p: sigmoid(scoreLinear(answerLinear, e.vector)),
    right: e.label,
  }));
  const answer = {
    ...answerLinear,
    threshold: thresholdForPrecision(scored, settings.targetPrecision),
  };
  const closestFit = fitLogistic(examples.map((e) => ({ vector: e.vector, label: e.hit3 })));
  const closestLinear = linear(DECISION_FEATURES, closestFit.weights, closestFit.bias);
  const withAnswer = examples
    .filter((e) => e.hit3)
    .map((e) => sigmoid(scoreLinear(closestLinear, e.vector)));
  const closest = {
    ...closestLinear,
    threshold: thresholdForRecall(withAnswer, settings.unsureRecall),
  };
  progress(
    `decision fitted: answers at ${answer.threshold.toFixed(3)}, closest passages at ${closest.threshold.toFixed(3)}`,
  );
  return { ranker, answer, closest, followUp, associations, questionWords };
}

export type { SingleQuestion };
