/**
 * Fits the line classifier: L2-regularised logistic regression by full-batch gradient descent on
 * the lines of labelled pages that the classifier decides on (the named rules' drops and the
 * protected lines are not training examples, since the classifier never sees them).
 */
import { type ClutterModel, scoreLine } from '../clutter-model.ts';
import { FEATURE_NAMES } from '../line-features.ts';
import { findClassifierCandidates } from '../remove-clutter.ts';
import {
  cleanLabelledPage,
  type LabelledPage,
  type PageScore,
  scorePages,
} from './labelled-pages.ts';

/** One training line: its feature values and whether it is clutter. */
export interface Example {
  values: number[];
  clutter: boolean;
}

/** Settings of {@link fitClutterModel}. */
export interface FitOptions {
  /** Gradient steps. Default 4,000. */
  steps: number;
  /** Step size. Default 0.5. */
  learningRate: number;
  /** L2 penalty on the weights (not the bias). Default 0.01. */
  l2: number;
  /**
   * Probability at which the fitted model drops a line. Default 0.6: dropping a line of article
   * text loses a fact for good, keeping a clutter line only adds noise, so doubt keeps the line.
   */
  threshold: number;
}

/** Defaults for {@link FitOptions}. */
export const defaultFitOptions: FitOptions = {
  steps: 4000,
  learningRate: 0.5,
  l2: 0.01,
  threshold: 0.6,
};

/** The classifier's training lines of `pages`, with their labels. */
export function trainingExamples(pages: readonly LabelledPage[]): Example[] {
  const examples: Example[] = [];
  for (const page of pages) {
    const verdicts = cleanLabelledPage(page, null);
    for (const { index, values } of findClassifierCandidates(verdicts).candidates) {
      const clutter = page.clutter[(verdicts[index]?.line ?? 0) - 1];
      if (clutter !== undefined) examples.push({ values, clutter });
    }
  }
  return examples;
}

/**
 * Fits a model to examples. Deterministic: weights start at zero and every step uses every example.
 *
 * @example
 * const model = fitClutterModel(trainingExamples(pages));
 */
export function fitClutterModel(
  examples: readonly Example[],
  options: Partial<FitOptions> = {},
): ClutterModel {
  const { steps, learningRate, l2, threshold } = { ...defaultFitOptions, ...options };
  const weights = FEATURE_NAMES.map(() => 0);
  let bias = 0;
  const n = Math.max(1, examples.length);
  for (let step = 0; step < steps; step++) {
    const gradient = weights.map(() => 0);
    let biasGradient = 0;
    const model = { features: FEATURE_NAMES, weights, bias, threshold };
    for (const { values, clutter } of examples) {
      const error = scoreLine(model, values) - (clutter ? 1 : 0);
      for (let k = 0; k < weights.length; k++) {
        gradient[k] = (gradient[k] as number) + error * (values[k] as number);
      }
      biasGradient += error;
    }
    for (let k = 0; k < weights.length; k++) {
      const w = weights[k] as number;
      weights[k] = w - learningRate * ((gradient[k] as number) / n + l2 * w);
    }
    bias -= (learningRate * biasGradient) / n;
  }
  return {
    features: [...FEATURE_NAMES],
    weights: weights.map((w) => Math.round(w * 1000) / 1000),
    bias: Math.round(bias * 1000) / 1000,
    threshold,
  };
}

/**
 * Leave-one-page-out cross-validation: for each page, fit on the others and clean it with the
 * fitted model; the counts of all pages are summed.
 */
export function crossValidate(
  pages: readonly LabelledPage[],
  options: Partial<FitOptions> = {},
): PageScore {
  return scorePages(pages, (_page, i) =>
    fitClutterModel(trainingExamples(pages.filter((_, j) => j !== i)), options),
  );
}
