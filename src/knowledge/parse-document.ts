import { basename, extname } from 'node:path';
import { StrikebotError } from '../core/errors.ts';
import type { SourceDocument } from '../core/types.ts';
import { CLUTTER_MODEL, type ClutterModel } from './clutter-model.ts';
import type { ClutterRule } from './clutter-rules.ts';
import { deriveFrontMatter } from './derive-front-matter.ts';
import { type FrontMatter, parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { type LineVerdict, removeClutter } from './remove-clutter.ts';

/** One knowledge file as loaded: the document and what happened to each body line. */
export interface DocumentReport {
  /** The file the document came from, as passed in (e.g. `knowledge/a.md`). */
  file: string;
  /** The document handed to the engine. */
  document: SourceDocument;
  /** Every front matter field, including ones the engine does not use (`author`, `type`...). */
  metadata: Record<string, unknown>;
  /** One verdict per body line: kept, or dropped by a named rule. */
  lines: LineVerdict[];
}

/**
 * Turns the text of one knowledge file into a document. Front matter (between `---` lines)
 * gives title, publisher, date and url; without front matter they are derived from the text
 * (`deriveFrontMatter`: the headline, a dateline, a copyright line or masthead). Page clutter is removed from the body by `rules` and the line
 * classifier `model` (`null`: rules only).
 *
 * @example
 * parseKnowledgeFile('knowledge/a.txt', 'Strike ends\n\nWorkers returned.', CLUTTER_RULES).document;
 * // { id: 'a', title: 'Strike ends', body: 'Workers returned.' }
 * @throws StrikebotError KNOWLEDGE_MALFORMED for bad front matter, KNOWLEDGE_EMPTY for no text.
 */
export function parseKnowledgeFile(
  file: string,
  rawText: string,
  rules: readonly ClutterRule[],
  model: ClutterModel | null = CLUTTER_MODEL,
): DocumentReport {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new StrikebotError(
      'KNOWLEDGE_EMPTY',
      `${file}:1: file is empty; put the article text in it (optionally after --- front matter ---)`,
    );
  }
  const split = splitFrontMatter(file, text);
  const firstText = split.bodyLines.findIndex((line) => line.trim() !== '');
  if (firstText < 0) {
    throw new StrikebotError(
      'KNOWLEDGE_EMPTY',
      `${file}:${split.bodyLine}: no body text after the front matter; paste the article below it`,
    );
  }
  const metadata: FrontMatter =
    split.yaml === undefined
      ? deriveFrontMatter(split.bodyLines, rules)
      : parseFrontMatter(file, split.yaml, split.yamlLine);
  const title = metadata.title.trim();

  const cleaned = removeClutter(split.bodyLines, { title }, rules, split.bodyLine, model);
  if (cleaned.body === '') {
    const dropped = cleaned.lines.filter((line) => line.dropped).length;
    throw new StrikebotError(
      'KNOWLEDGE_EMPTY',
      `${file}:${split.bodyLine + firstText}: body is empty after removing page clutter ` +
        `(${dropped} lines dropped); run npm run knowledge:check to see which rules dropped them`,
    );
  }

  const document: SourceDocument = { id: basename(file, extname(file)), title, body: cleaned.body };
  if (metadata.publisher !== undefined) document.publisher = metadata.publisher.trim();
  if (metadata.date !== undefined) document.date = metadata.date;
  if (metadata.url !== undefined) document.url = metadata.url;
  if (typeof metadata.type === 'string' && metadata.type.trim() !== '') {
    document.kind = metadata.type.trim();
  }
  return { file, document, metadata: { ...metadata }, lines: cleaned.lines };
}
