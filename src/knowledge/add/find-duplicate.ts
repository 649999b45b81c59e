/**
 * Finds a document of the knowledge folder that already holds a URL or an article's text, so
 * `npm run add` can refuse it and name the file.
 */
import { StrikebotError } from '../../core/errors.ts';
import { isStrongText } from '../line-features.ts';
import type { DocumentReport } from '../parse-document.ts';

/**
 * A URL in a form that ignores what does not change the page: scheme, `www.`, a trailing slash,
 * the fragment and tracking parameters (`utm_*`, `fbclid`, `gclid`).
 */
function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) {
      if (/^(?:utm_|fbclid$|gclid$|mc_[ce]id$)/i.test(key)) parsed.searchParams.delete(key);
    }
    parsed.hash = '';
    const host = parsed.host.replace(/^www\./i, '').toLowerCase();
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${host}${path}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

/** Text folded for comparison: curly quotes straightened, spacing collapsed, lower case. */
function foldText(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Share of an article's sentences that must already be in one document to call it a copy. */
const DUPLICATE_SHARE = 0.5;

/**
 * Throws when one of `urls` is the `url` of a document in the folder.
 *
 * @throws StrikebotError SOURCE_DUPLICATE naming the file.
 */
export function refuseKnownUrl(urls: readonly string[], reports: readonly DocumentReport[]): void {
  const wanted = new Map(urls.map((url) => [normalizeUrl(url), url]));
  for (const report of reports) {
    const url = report.document.url;
    const match = url ? wanted.get(normalizeUrl(url)) : undefined;
    if (match) {
      throw new StrikebotError(
        'SOURCE_DUPLICATE',
        `${match}: already in the knowledge folder as ${report.file}; edit that file instead`,
      );
    }
  }
}

/**
 * Throws when at least half of the article's sentences of running text are already in one
 * document of the folder.
 *
 * @throws StrikebotError SOURCE_DUPLICATE naming the file.
 */
export function refuseKnownText(
  label: string,
  body: readonly string[],
  reports: readonly DocumentReport[],
): void {
  const paragraphs = body.map((line) => line.trim()).filter((line) => isStrongText(line));
  if (paragraphs.length === 0) return;
  const folded = paragraphs.map(foldText);
  for (const report of reports) {
    const text = foldText(report.document.body);
    const shared = folded.filter((paragraph) => text.includes(paragraph)).length;
    if (shared / folded.length >= DUPLICATE_SHARE) {
      throw new StrikebotError(
        'SOURCE_DUPLICATE',
        `${label}: its text is already in the knowledge folder as ${report.file} (${shared} of ${folded.length} paragraphs); edit that file instead`,
      );
    }
  }
}
