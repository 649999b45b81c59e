/**
 * `npm run add -- <url | saved-page.html | pasted.txt>`: adds one article to the knowledge folder
 * (`KNOWLEDGE_DIR`, default `knowledge`) and prints the file written, the fields found and where
 * from, the paragraphs kept and every line dropped as clutter with its rule. A refusal prints one
 * message on stderr and exits with its own code:
 *
 * | exit | refusal |
 * |---|---|
 * | 2 | usage: no source, or an unknown flag |
 * | 3 | the page or file could not be fetched or read |
 * | 4 | no complete answer within 10 s |
 * | 5 | the redirects loop (or never end) |
 * | 6 | over 5 MB |
 * | 7 | not HTML (or, for a paste, not UTF-8 text) |
 * | 8 | no article found |
 * | 9 | the URL or the text is already in the knowledge folder |
 * | 1 | anything else (the knowledge folder cannot be read or written...) |
 *
 * @example
 * npm run add -- https://example.org/2025/05/09/story
 */
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config.ts';
import { StrikebotError, type StrikebotErrorCode } from '../core/errors.ts';
import { type AddedArticle, addArticle } from '../knowledge/add/add-article.ts';
import { isWebAddress } from '../knowledge/add/read-source.ts';
import { parseFlagsAndArguments } from './parse-flags.ts';

const USAGE = 'usage: npm run add -- <https://address | saved-page.html | pasted.txt>';

/** The exit code of each refusal. */
const EXIT_CODES: Partial<Record<StrikebotErrorCode, number>> = {
  SOURCE_FETCH_FAILED: 3,
  SOURCE_TIMEOUT: 4,
  SOURCE_REDIRECT_LOOP: 5,
  SOURCE_TOO_LARGE: 6,
  SOURCE_NOT_HTML: 7,
  SOURCE_NO_ARTICLE: 8,
  SOURCE_DUPLICATE: 9,
};

/** The report printed after an article was added. */
function formatAdded(added: AddedArticle): string {
  const out = [`wrote ${added.file}`, 'fields:'];
  for (const { field, value, from } of added.found) {
    out.push(`  ${field.padEnd(10)} ${value}  (${from})`);
  }
  const missing = (['title', 'publisher', 'date', 'url', 'author'] as const).filter(
    (field) => !added.found.some((f) => f.field === field),
  );
  if (missing.length > 0) out.push(`  not found: ${missing.join(', ')}`);
  if (!added.found.some((f) => f.field === 'date')) {
    out.push(
      `  (no publication date: the file is named by today's date, ${added.frontMatter.added})`,
    );
  }
  const paragraphs = added.body.filter((line) => line.trim() !== '').length;
  out.push(`kept ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'} of article text`);
  out.push(
    added.dropped.length === 0
      ? 'dropped nothing'
      : `dropped ${added.dropped.length} line${added.dropped.length === 1 ? '' : 's'} as clutter:`,
  );
  for (const { text, rule } of added.dropped) out.push(`  [${rule}] ${text}`);
  return out.join('\n');
}

const { positionals: sources } = parseFlagsAndArguments({}, USAGE, process.argv.slice(2));
if (sources.length !== 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const source = sources[0] as string;
try {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  process.stderr.write(
    isWebAddress(source) ? `fetching ${source} ...\n` : `reading ${source} ...\n`,
  );
  const added = await addArticle(source, { dir: config.KNOWLEDGE_DIR });
  process.stdout.write(`${formatAdded(added)}\n`);
} catch (error) {
  if (!(error instanceof StrikebotError)) throw error;
  process.stderr.write(`add: ${error.message}\n`);
  process.exitCode = EXIT_CODES[error.code] ?? 1;
}
