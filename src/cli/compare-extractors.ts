/**
 * `npm run knowledge:extractors`: compares @mozilla/readability and defuddle (both on linkedom)
 * on the saved pages of `test/knowledge/pages` (or `--pages DIR`): article paragraphs found word
 * for word and clutter paragraphs kept, before and after strikebot's clutter removal. `--json`
 * prints one JSON object.
 *
 * @example
 * npm run knowledge:extractors
 */
import { compareExtractors } from '../knowledge/eval/compare-extractors.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = 'usage: npm run knowledge:extractors -- [--pages DIR] [--json]';
const flags = parseFlags({ pages: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
const scores = await compareExtractors(flags.pages ?? 'test/knowledge/pages');
const totals = new Map<
  string,
  { article: number; found: number; clutter: number; clutterAfter: number; foundAfter: number }
>();
for (const s of scores) {
  const t = totals.get(s.extractor) ?? {
    article: 0,
    found: 0,
    clutter: 0,
    clutterAfter: 0,
    foundAfter: 0,
  };
  t.article += s.article;
  t.found += s.found;
  t.clutter += s.clutter;
  t.clutterAfter += s.clutterAfterCleaning;
  t.foundAfter += s.foundAfterCleaning;
  totals.set(s.extractor, t);
}
if (flags.json) {
  process.stdout.write(
    `${JSON.stringify({ pages: scores, totals: Object.fromEntries(totals) })}\n`,
  );
} else {
  for (const s of scores) {
    console.log(
      `${s.page.padEnd(20)} ${s.extractor.padEnd(34)} article ${s.found}/${s.article}  clutter ${s.clutter}  after cleaning: article ${s.foundAfterCleaning}/${s.article}, clutter ${s.clutterAfterCleaning}`,
    );
  }
  for (const [name, t] of totals) {
    console.log(
      `total ${name}: article paragraphs ${t.found}/${t.article}, clutter paragraphs ${t.clutter}; after cleaning ${t.foundAfter}/${t.article} and ${t.clutterAfter}`,
    );
  }
}
