/**
 * Turns a page or a paste into the document `npm run add` writes: front matter from the page's
 * metadata (or, for a paste, derived from its text) and the article's lines with page clutter
 * removed by the same rules and line classifier the loader uses, so the written file loads with
 * nothing more to drop.
 */
import { StrikebotError } from '../../core/errors.ts';
import { CLUTTER_RULES } from '../clutter-rules.ts';
import { deriveFrontMatter } from '../derive-front-matter.ts';
import { type FrontMatter, parseFrontMatter, splitFrontMatter } from '../front-matter.ts';
import { isStrongText } from '../line-features.ts';
import { extractArticle } from '../page/extract-article.ts';
import { layOutLines } from '../page/html-paragraphs.ts';
import type { PageMetadata } from '../page/page-metadata.ts';
import { type LineVerdict, removeClutter } from '../remove-clutter.ts';
import type { Source } from './read-source.ts';

/** A field of the front matter and where it came from (`JSON-LD headline`, `derived`...). */
export interface FoundField {
  field: 'title' | 'publisher' | 'date' | 'url' | 'author';
  value: string;
  from: string;
}

/** The article to write. */
export interface BuiltArticle {
  /** Front matter fields, in the order written. */
  frontMatter: FrontMatter;
  /** The body lines to write (article text only, verbatim). */
  body: string[];
  /** Lines dropped as clutter, with the rule, in page order. */
  dropped: { text: string; rule: string; reason: string }[];
  /** The front matter fields found and where from. */
  found: FoundField[];
}

/** Passes over the kept text until nothing more is dropped, as the loader will see the file. */
const MAX_CLEANING_PASSES = 5;

/**
 * Builds the article from a source.
 *
 * @throws StrikebotError SOURCE_NO_ARTICLE when no paragraph of running text is left.
 */
export function buildArticle(source: Source, label: string): BuiltArticle {
  const { lines, frontMatter, found } =
    source.kind === 'html' ? fromHtml(source) : fromText(source, label);
  const dropped: BuiltArticle['dropped'] = [];
  let current = lines;
  for (let pass = 0; pass < MAX_CLEANING_PASSES; pass++) {
    const cleaned = removeClutter(current, { title: frontMatter.title }, CLUTTER_RULES);
    const drops = cleaned.lines.filter((line): line is Required<LineVerdict> => !!line.dropped);
    for (const line of drops) {
      dropped.push({
        text: line.text.trim(),
        rule: line.dropped.rule,
        reason: line.dropped.reason,
      });
    }
    current = cleaned.body === '' ? [] : cleaned.body.split('\n');
    if (drops.length === 0) break;
  }
  if (!current.some((line) => isStrongText(line.trim()))) {
    throw new StrikebotError(
      'SOURCE_NO_ARTICLE',
      `${label}: no article found (no paragraph of running text once page clutter is removed); if it is a list or index page, open the article itself`,
    );
  }
  return { frontMatter, body: current, dropped, found };
}

function fromHtml(source: Source): {
  lines: string[];
  frontMatter: FrontMatter;
  found: FoundField[];
} {
  const { lines, metadata } = extractArticle(source.content, source.finalUrl);
  const found = foundFields(metadata);
  if (source.finalUrl && !metadata.url) {
    found.push({ field: 'url', value: source.finalUrl, from: 'the address fetched' });
  }
  const title = found.find((f) => f.field === 'title')?.value;
  if (!title) {
    throw new StrikebotError(
      'SOURCE_NO_ARTICLE',
      `${source.finalUrl ?? source.file}: no article found (the page has no headline)`,
    );
  }
  const frontMatter: FrontMatter = { title };
  for (const { field, value } of found) frontMatter[field] = value;
  return { lines: layOutLines(lines), frontMatter, found };
}

function fromText(
  source: Source,
  label: string,
): { lines: string[]; frontMatter: FrontMatter; found: FoundField[] } {
  const text = source.content.replace(/\r\n?/g, '\n');
  const split = splitFrontMatter(label, text);
  if (split.bodyLines.every((line) => line.trim() === '')) {
    throw new StrikebotError('SOURCE_NO_ARTICLE', `${label}: no article found (the file is empty)`);
  }
  const frontMatter =
    split.yaml === undefined
      ? deriveFrontMatter(split.bodyLines, CLUTTER_RULES)
      : parseFrontMatter(label, split.yaml, split.yamlLine);
  const from = (field: string) =>
    split.yaml !== undefined
      ? 'front matter'
      : field === 'title'
        ? 'the headline'
        : frontMatter[`${field}_source`] === 'derived'
          ? 'derived from the text'
          : 'front matter';
  const found: FoundField[] = [];
  for (const field of ['title', 'publisher', 'date', 'url', 'author'] as const) {
    const value = frontMatter[field];
    if (typeof value === 'string') found.push({ field, value, from: from(field) });
  }
  return { lines: split.bodyLines, frontMatter, found };
}

function foundFields(metadata: PageMetadata): FoundField[] {
  const found: FoundField[] = [];
  for (const field of ['title', 'publisher', 'date', 'url', 'author'] as const) {
    const value = metadata[field];
    if (value) found.push({ field, value: value.value, from: value.from });
  }
  return found;
}
