import { readFile, writeFile } from 'node:fs/promises';
import { exitWithError } from '../bootstrap.ts';
import { indexDocuments } from '../core/index/build-index.ts';
import { encodeSnapshot } from '../core/index/index-snapshot.ts';
import type { RankingModel } from '../core/rank/model.ts';
import { strikebotProfile } from '../domain/profile.ts';
import { parseQuestionSet } from '../eval/score.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { crossValidate } from '../train/cross-validate.ts';
import { splitSet } from '../train/dataset.ts';
import { trainModel } from '../train/train-model.ts';
import { formatSummary } from './format-eval.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = `usage: npm run train -- [--cross-validate] [--folds 5] [--json] [--no-associations]
                       [--knowledge DIR] [--questions FILE]... [--out FILE]
  Fits the ranking model on the training questions and writes it (default src/model/ranker.json).
  --cross-validate   instead, report k-fold cross-validated figures (fit on k-1 folds, score the other)`;

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
    },
    null,
    1,
  )}\n`;
}

async function main(argv: string[]): Promise<void> {
  const flags = parseFlags(
    {
      'cross-validate': { type: 'boolean' },
      folds: { type: 'string' },
      json: { type: 'boolean' },
      'no-associations': { type: 'boolean' },
      knowledge: { type: 'string' },
      questions: { type: 'string', multiple: true },
      out: { type: 'string' },
    },
    USAGE,
    argv,
  );
  const files = flags.questions ?? ['test/eval/train.jsonl', 'test/eval/train-conversations.jsonl'];
  const items = [];
  for (const file of files) items.push(...parseQuestionSet(await readFile(file, 'utf8'), file));
  const documents = await loadKnowledge(flags.knowledge ?? 'knowledge');
  const snapshot = encodeSnapshot(documents, indexDocuments(documents));
  const input = { documents, snapshot, profile: strikebotProfile, data: splitSet(items) };
  const log = (message: string) => process.stderr.write(`train: ${message}\n`);
  const options = { associations: !flags['no-associations'], onProgress: log };
  if (flags['cross-validate']) {
    const k = Number(flags.folds ?? 5);
    if (!Number.isInteger(k) || k < 2)
      throw new Error(`--folds must be an integer of at least 2, got ${flags.folds}`);
    const { report } = crossValidate(input, k, options);
    process.stdout.write(
      flags.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : `${k}-fold cross-validation\n${formatSummary(report)}\n`,
    );
    return;
  }
  const model = trainModel(input, options);
  const out = flags.out ?? MODEL_FILE;
  await writeFile(out, serialiseModel(model));
  log(`model written to ${out}`);
}

main(process.argv.slice(2)).catch(exitWithError);
