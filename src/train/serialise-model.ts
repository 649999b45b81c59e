import type { RankingModel } from '../core/rank/model.ts';

/** Where the fitted model is written by default. */
export const MODEL_FILE = 'src/model/ranker.json';

/** The model file's text: stable key order and rounding, so the same data give the same bytes. */
export function serialiseModel(model: RankingModel): string {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const linear = (m: {
    features: readonly string[];
    weights: readonly number[];
    bias: number;
  }) => ({
    features: m.features,
    weights: m.weights.map(round),
    bias: round(m.bias),
  });
  return `${JSON.stringify(
    {
      $comment:
        'Written by npm run train from test/eval/train.jsonl and train-conversations.jsonl; do not edit.',
      ranker: linear(model.ranker),
      answer: { ...linear(model.answer), threshold: round(model.answer.threshold) },
      closest: { ...linear(model.closest), threshold: round(model.closest.threshold) },
      followUp: linear(model.followUp),
      associations: model.associations,
      questionWords: Object.fromEntries(
        Object.entries(model.questionWords ?? {}).map(([word, p]) => [word, round(p)]),
      ),
    },
    null,
    1,
  )}\n`;
}
