import { createEngine } from '../core/engine.ts';
import type { RankingModel } from '../core/rank/model.ts';
import { type EvalReport, flattenQuestions, scoreAnswer, summarise } from '../eval/score.ts';
import { allBut, makeFolds } from './dataset.ts';
import { type TrainingInput, type TrainOptions, trainModel } from './train-model.ts';

/** A cross-validation run: the pooled report over every held-out fold, and each fold's model. */
export interface CrossValidation {
  report: EvalReport;
  folds: EvalReport[];
  models: RankingModel[];
}

/**
 * k-fold cross-validation: fits a model on k-1 folds (questions grouped by shared answers, so
 * paraphrases of one fact never straddle folds) and scores the held-out fold through the real
 * engine; the figures pool every held-out question.
 *
 * @example
 * crossValidate(input, 5).report.hit1 // => 0.8
 */
export function crossValidate(
  input: TrainingInput,
  k: number,
  options: Partial<TrainOptions> = {},
  seed = 1,
): CrossValidation {
  const folds = makeFolds(input.data.questions, input.data.conversations, k, seed);
  const results = [];
  const reports: EvalReport[] = [];
  const models: RankingModel[] = [];
  for (let i = 0; i < k; i++) {
    options.onProgress?.(`fold ${i + 1}/${k}: fitting`);
    const model = trainModel(
      { ...input, data: allBut(folds, i) },
      { ...options, onProgress: undefined },
    );
    models.push(model);
    const engine = createEngine(input.documents, {
      snapshot: input.snapshot,
      profile: input.profile,
      thesaurus: input.thesaurus,
      model,
    });
    const held = folds[i] as (typeof folds)[number];
    const scored = flattenQuestions([...held.questions, ...held.conversations]).map((asked) =>
      scoreAnswer(asked, engine.answer(asked.question.question, { history: asked.history })),
    );
    results.push(...scored);
    reports.push(summarise(scored));
  }
  return { report: summarise(results), folds: reports, models };
}
