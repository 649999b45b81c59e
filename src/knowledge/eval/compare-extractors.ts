/**
 * Measures article extractors on saved pages whose article paragraphs are listed beside them
 * (`<page>.html` and `<page>.article.txt`, one paragraph per line): how many article paragraphs
 * each extractor returns word for word (recall) and how many other paragraphs it keeps (clutter),
 * before and after strikebot's clutter removal.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { parseHTML } from 'linkedom';
import { CLUTTER_RULES } from '../clutter-rules.ts';
import { type ExtractedLine, extractLines, layOutLines } from '../page/html-paragraphs.ts';
import { removeClutter } from '../remove-clutter.ts';

/** An extractor under test: HTML in, the article's HTML out ('' when it finds none). */
export interface Extractor {
  name: string;
  extract(html: string, url: string): Promise<string>;
}

/** The two maintained extractors the issue names. */
const EXTRACTORS: readonly Extractor[] = [
  {
    name: '@mozilla/readability on linkedom',
    extract: async (html) => {
      const { document } = parseHTML(html);
      const article = new Readability(
        document as unknown as ConstructorParameters<typeof Readability>[0],
      ).parse();
      return article?.content ?? '';
    },
  },
  {
    name: 'defuddle on linkedom',
    extract: async (html, url) => {
      const { document } = parseHTML(html);
      const result = await Defuddle(document as unknown as Parameters<typeof Defuddle>[0], url);
      return result.content ?? '';
    },
  },
];

/** One extractor's figures on one page. */
export interface ExtractorScore {
  extractor: string;
  page: string;
  /** Article paragraphs on the page. */
  article: number;
  /** Article paragraphs returned word for word. */
  found: number;
  /** Other paragraphs returned (page clutter). */
  clutter: number;
  /** Other paragraphs still there after strikebot's clutter removal. */
  clutterAfterCleaning: number;
  /** Article paragraphs still there after strikebot's clutter removal. */
  foundAfterCleaning: number;
}

function countAgainst(lines: readonly ExtractedLine[], article: ReadonlySet<string>) {
  const found = new Set(lines.map((l) => l.text).filter((t) => article.has(t)));
  return { found: found.size, clutter: lines.filter((l) => !article.has(l.text)).length };
}

/** Scores every extractor on every page of `dir` that has an `.article.txt` beside it. */
export async function compareExtractors(
  dir: string,
  extractors: readonly Extractor[] = EXTRACTORS,
): Promise<ExtractorScore[]> {
  const pages = (await readdir(dir)).filter((n) => n.endsWith('.article.txt')).sort();
  const scores: ExtractorScore[] = [];
  for (const listing of pages) {
    const page = listing.replace(/\.article\.txt$/, '');
    const html = await readFile(join(dir, `${page}.html`), 'utf8');
    const article = new Set(
      (await readFile(join(dir, listing), 'utf8')).split('\n').filter((l) => l.trim() !== ''),
    );
    for (const extractor of extractors) {
      const lines = extractLines(await extractor.extract(html, `https://${page}.example/`));
      const cleaned = removeClutter(layOutLines(lines), { title: '' }, CLUTTER_RULES)
        .lines.filter((l) => !l.dropped && l.text.trim() !== '')
        .map((l) => ({ text: l.text.trim().replace(/^• /, ''), kind: 'paragraph' as const }));
      const before = countAgainst(lines, article);
      const after = countAgainst(cleaned, article);
      scores.push({
        extractor: extractor.name,
        page,
        article: article.size,
        found: before.found,
        clutter: before.clutter,
        clutterAfterCleaning: after.clutter,
        foundAfterCleaning: after.found,
      });
    }
  }
  return scores;
}
