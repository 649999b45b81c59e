/**
 * The line classifier: a logistic regression over {@link FEATURE_NAMES}, whose weights are
 * fitted by `npm run knowledge:fit` on the labelled training pages in
 * `test/knowledge/clutter/train/` and stored in `clutter-model.json`. `explainLine` lists each
 * feature's contribution, so `knowledge:check` can say why a line was dropped.
 */

import fitted from './clutter-model.json' with { type: 'json' };
import { FEATURE_LABELS, FEATURE_NAMES, type FeatureName } from './line-features.ts';

/** The fitted model: one weight per feature, a bias, and the probability that drops a line. */
export interface ClutterModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** A line is clutter when its probability is at least this. */
  threshold: number;
}

/** The model shipped with strikebot (fitted by `npm run knowledge:fit`). */
export const CLUTTER_MODEL: ClutterModel = fitted;

/** The probability that a line with these feature values is clutter. */
export function scoreLine(model: ClutterModel, values: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < values.length; k++) z += (model.weights[k] ?? 0) * (values[k] as number);
  return 1 / (1 + Math.exp(-z));
}

/** One feature's share of a line's score. */
export interface Contribution {
  feature: FeatureName;
  value: number;
  /** weight × value: positive pushes towards clutter. */
  contribution: number;
}

/** Every feature's contribution to a line's score, largest push towards clutter first. */
function explainLine(model: ClutterModel, values: readonly number[]): Contribution[] {
  return FEATURE_NAMES.map((feature, k) => ({
    feature,
    value: values[k] as number,
    contribution: (model.weights[k] ?? 0) * (values[k] as number),
  })).sort((a, b) => b.contribution - a.contribution);
}

/**
 * A one-line reason for a classifier drop: the probability and the three features that pushed
 * hardest towards clutter, e.g. `p=0.97: below the last paragraph of text, no sentence end...`.
 */
export function describeDrop(model: ClutterModel, values: readonly number[]): string {
  const probability = scoreLine(model, values);
  const reasons = explainLine(model, values)
    .filter((c) => c.contribution > 0.05)
    .slice(0, 3)
    .map((c) => FEATURE_LABELS[c.feature]);
  const missing = explainLine(model, values)
    .filter(
      (c) => c.contribution === 0 && (model.weights[FEATURE_NAMES.indexOf(c.feature)] ?? 0) < -0.5,
    )
    .slice(0, 2)
    .map((c) => `not ${FEATURE_LABELS[c.feature]}`);
  return `line classifier, p=${probability.toFixed(2)}: ${[...reasons, ...missing].join('; ')}`;
}
