/**
 * `npm run knowledge:fit`: fits the clutter line classifier on the labelled training pages
 * (default `test/knowledge/clutter/train`), prints leave-one-page-out cross-validated precision
 * and recall of the dropped lines with every mistake, and writes the model fitted on all pages to
 * `src/knowledge/clutter-model.json`. `--json` prints the figures as one JSON object.
 *
 * @example
 * npm run knowledge:fit
 */
import { writeFile } from 'node:fs/promises';
import { crossValidate, fitClutterModel, trainingExamples } from '../knowledge/eval/fit-model.ts';
import { readLabelledPages } from '../knowledge/eval/labelled-pages.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = 'usage: npm run knowledge:fit -- [--pages DIR] [--dry-run] [--json]';
const flags = parseFlags(
  { pages: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  USAGE,
);
const dir = flags.pages ?? 'test/knowledge/clutter/train';
const pages = await readLabelledPages(dir);
process.stderr.write(`cross-validating on ${pages.length} pages (leave one page out)...\n`);
const cv = crossValidate(pages);
const examples = trainingExamples(pages);
const model = fitClutterModel(examples);
const target = new URL('../knowledge/clutter-model.json', import.meta.url);
if (!flags['dry-run']) await writeFile(target, `${JSON.stringify(model, null, 2)}\n`);
const summary = {
  pages: pages.length,
  examples: examples.length,
  crossValidated: {
    precision: round(cv.precision),
    recall: round(cv.recall),
    dropped: cv.truePositives + cv.falsePositives,
    clutter: cv.truePositives + cv.falseNegatives,
  },
  mistakes: cv.mistakes,
  model,
};
if (flags.json) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  console.log(`${pages.length} pages, ${examples.length} lines for the classifier`);
  console.log(
    `cross-validated: precision ${summary.crossValidated.precision}, recall ${summary.crossValidated.recall}`,
  );
  for (const m of cv.mistakes) console.log(`  ${m.page}:${m.line} ${m.kind}: ${m.text}`);
  console.log(
    flags['dry-run'] ? 'model not written (--dry-run)' : `model written to ${target.pathname}`,
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
