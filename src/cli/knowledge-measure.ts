/**
 * `npm run knowledge:measure`: precision and recall of the lines dropped as clutter on labelled
 * pages the model was not fitted on (default every `test/knowledge/clutter/heldout*` folder;
 * `--pages DIR`, repeatable, to choose), per page and in total, with every mistake. `--json`
 * prints one JSON object and nothing else.
 *
 * @example
 * npm run --silent knowledge:measure -- --json
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readLabelledPages, scorePages } from '../knowledge/eval/labelled-pages.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = 'usage: npm run knowledge:measure -- [--pages DIR]... [--json]';
const flags = parseFlags(
  { pages: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  USAGE,
);
const root = 'test/knowledge/clutter';
const dirs =
  flags.pages ??
  (await readdir(root))
    .filter((name) => name.startsWith('heldout'))
    .map((name) => join(root, name));
const pages = (
  await Promise.all(
    dirs
      .sort()
      .map(async (dir) =>
        (await readLabelledPages(dir)).map((page) => ({ ...page, name: join(dir, page.name) })),
      ),
  )
).flat();
const round = (value: number) => Math.round(value * 1000) / 1000;
const perPage = pages.map((page) => {
  const score = scorePages([page]);
  return {
    page: page.name,
    precision: round(score.precision),
    recall: round(score.recall),
    dropped: score.truePositives + score.falsePositives,
    clutter: score.truePositives + score.falseNegatives,
  };
});
const total = scorePages(pages);
const summary = {
  pages: pages.length,
  precision: round(total.precision),
  recall: round(total.recall),
  dropped: total.truePositives + total.falsePositives,
  clutter: total.truePositives + total.falseNegatives,
  articleLines: total.falsePositives + total.trueNegatives,
  perPage,
  mistakes: total.mistakes,
};
if (flags.json) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  for (const p of perPage) {
    console.log(
      `${p.page.padEnd(60)} precision ${p.precision.toFixed(3)}  recall ${p.recall.toFixed(3)}  (${p.dropped} dropped, ${p.clutter} clutter)`,
    );
  }
  console.log(
    `total: precision ${summary.precision.toFixed(3)}, recall ${summary.recall.toFixed(3)} (${summary.dropped} lines dropped, ${summary.clutter} clutter lines, ${summary.articleLines} article lines)`,
  );
  for (const m of total.mistakes) {
    console.log(`  ${m.page}:${m.line} ${m.kind}${m.rule ? ` [${m.rule}]` : ''}: ${m.text}`);
  }
}
