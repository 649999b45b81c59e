/**
 * The fitted models the engine runs, as data: every weight and threshold comes from the file
 * `npm run train` writes; none is typed by hand. A {@link LinearModel} scores a feature vector as
 * a weighted sum; {@link explainLinear} shows each feature's value and contribution, the way
 * Lucene's `explain()` does.
 */

/** Weights over named features (and a bias). */
export interface LinearModel {
  /** Feature names, in the order of `weights`. */
  features: readonly string[];
  weights: readonly number[];
  bias: number;
}

/** A logistic model with the probability at or above which it says yes. */
export interface ThresholdModel extends LinearModel {
  threshold: number;
}

/** Everything `npm run train` fits. */
export interface RankingModel {
  /** Scores each candidate sentence; a softmax over a question's candidates ranks them. */
  ranker: LinearModel;
  /** The probability that the best candidate answers the question: a confident answer at its threshold. */
  answer: ThresholdModel;
  /** The probability that an answer is among the closest passages: "not sure" at its threshold. */
  closest: ThresholdModel;
  /** Whether a question leans on the one before it in a conversation. */
  followUp: LinearModel;
  /** Per question term, sentence terms learned to go with it in answers. */
  associations: Readonly<Record<string, readonly string[]>>;
  /**
   * Probability of each question word ("when", "what"...) among the words of questions: the
   * speller's prior for reading a chat spelling of one ("wen"). Without it none is read.
   */
  questionWords?: Readonly<Record<string, number>>;
}

/** One feature's part in a score. */
export interface Contribution {
  feature: string;
  value: number;
  weight: number;
  contribution: number;
}

/**
 * The model's score of a feature vector (in the model's feature order).
 *
 * @example
 * scoreLinear({ features: ['a', 'b'], weights: [2, -1], bias: 0.5 }, [1, 1]) // => 1.5
 */
export function scoreLinear(model: LinearModel, vector: readonly number[]): number {
  let score = model.bias;
  for (let i = 0; i < model.weights.length; i++)
    score += (model.weights[i] ?? 0) * (vector[i] ?? 0);
  return score;
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Turns scores into probabilities that sum to 1 (shifted by the largest score, so no exponent
 * overflows).
 *
 * @example
 * softmax([0, 0]) // => [0.5, 0.5]
 */
export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/**
 * Each feature's value, weight and contribution (value × weight), largest contribution first.
 *
 * @example
 * explainLinear({ features: ['a'], weights: [2], bias: 0 }, [0.5])[0] // => { feature: 'a', value: 0.5, weight: 2, contribution: 1 }
 */
export function explainLinear(model: LinearModel, vector: readonly number[]): Contribution[] {
  return model.features
    .map((feature, i) => {
      const value = vector[i] ?? 0;
      const weight = model.weights[i] ?? 0;
      return { feature, value, weight, contribution: value * weight };
    })
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

/**
 * Checks a model fits the features the engine computes, so a stale model file fails at start
 * with a message naming the difference instead of ranking with misaligned weights.
 */
export function checkModel(model: LinearModel, expected: readonly string[], what: string): void {
  const got = model.features.join(',');
  if (got !== expected.join(',') || model.weights.length !== expected.length) {
    throw new Error(
      `${what} model was fitted on features [${got}] but the engine computes [${expected.join(',')}]; run npm run train`,
    );
  }
}
