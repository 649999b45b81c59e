import { writeFile } from 'node:fs/promises';
import { exitWithError } from '../bootstrap.ts';
import { crossValidate } from '../train/cross-validate.ts';
import { MODEL_FILE, serialiseModel } from '../train/serialise-model.ts';
import { trainModel } from '../train/train-model.ts';
import { loadTrainingInput, TRAINING_FILES } from '../train/training-input.ts';
import { formatSummary } from './format-eval.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = `usage: npm run train -- [--cross-validate] [--folds 5] [--json] [--no-associations]
                       [--knowledge DIR] [--questions FILE]... [--out FILE]
  Fits the ranking model on the training questions and writes it (default src/model/ranker.json).
  --cross-validate   instead, report k-fold cross-validated figures (fit on k-1 folds, score the other)`;

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
  const input = await loadTrainingInput(
    flags.knowledge ?? 'knowledge',
    flags.questions ?? TRAINING_FILES,
  );
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
