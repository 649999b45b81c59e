import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { StrikebotError } from '../core/errors.ts';

/** A knowledge file split into its front matter and its body. */
export interface SplitFile {
  /** The YAML between the `---` fences; `undefined` when the file has no front matter. */
  yaml: string | undefined;
  /** 1-based file line of the first YAML line (the line after the opening `---`). */
  yamlLine: number;
  /** Body lines, without line breaks. */
  bodyLines: string[];
  /** 1-based file line of the first body line. */
  bodyLine: number;
}

/** The validated front matter: known fields typed, unknown fields kept as they are. */
export interface FrontMatter {
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
  [field: string]: unknown;
}

const FENCE = '---';

/**
 * Splits a file's text into front matter and body. The text must already have `\n` line
 * breaks. A file has front matter when its first line is `---`; the block ends at the next
 * `---` (or `...`) line.
 *
 * @throws StrikebotError KNOWLEDGE_MALFORMED when the front matter is never closed.
 */
export function splitFrontMatter(file: string, text: string): SplitFile {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== FENCE) {
    return { yaml: undefined, yamlLine: 1, bodyLines: lines, bodyLine: 1 };
  }
  const close = lines.findIndex(
    (line, i) => i > 0 && (line.trimEnd() === FENCE || line.trimEnd() === '...'),
  );
  if (close < 0) {
    throw new StrikebotError(
      'KNOWLEDGE_MALFORMED',
      `${file}:1: front matter opened with --- is never closed; add a line with --- after the last field`,
    );
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    bodyLines: lines.slice(close + 1),
    bodyLine: close + 2,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** True for an absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const nonEmptyString = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .refine((s) => s.trim() !== '', { error: `must be ${what}` });

/** The front matter schema: `title` required; `date` and `url` checked when present. */
const frontMatterSchema = z.looseObject({
  title: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required: the headline of the document'
          : 'must be a non-empty string',
    })
    .refine((s) => s.trim() !== '', { error: 'must be a non-empty string' }),
  publisher: nonEmptyString('a non-empty string').optional(),
  date: z
    .string({ error: 'must be an ISO date like 2024-10-14' })
    .refine(isIsoDate, { error: 'must be an ISO date like 2024-10-14' })
    .optional(),
  url: z
    .string({ error: 'must be an http(s) URL like https://example.org/story' })
    .refine(isHttpUrl, { error: 'must be an http(s) URL like https://example.org/story' })
    .optional(),
});

/** Renders a bad value for an error message. */
function show(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Parses and validates a front matter block. Errors name the file and the file line of the
 * offending field, e.g. `knowledge/a.md:3: front matter: "date" must be an ISO date like
 * 2024-10-14, got "Oct 14"`.
 *
 * @throws StrikebotError KNOWLEDGE_MALFORMED on invalid YAML or an invalid field.
 */
export function parseFrontMatter(file: string, yaml: string, yamlLine: number): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fileLine = (offset: number): number => yamlLine + lineCounter.linePos(offset).line - 1;

  const [error] = doc.errors;
  if (error) {
    throw new StrikebotError(
      'KNOWLEDGE_MALFORMED',
      `${file}:${fileLine(error.pos[0])}: front matter is not valid YAML: ${error.message}`,
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new StrikebotError(
      'KNOWLEDGE_MALFORMED',
      `${file}:${yamlLine}: front matter must be "key: value" lines (title, publisher, date, url)`,
    );
  }
  const data: unknown = doc.contents === null ? {} : doc.toJS();
  const result = frontMatterSchema.safeParse(data);
  if (result.success) return result.data;

  const [issue] = result.error.issues;
  const field = String(issue?.path[0] ?? 'title');
  const pair = isMap(doc.contents)
    ? doc.contents.items.find((item) => isScalar(item.key) && item.key.value === field)
    : undefined;
  const keyOffset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  // A missing field is reported at the opening fence.
  const line = keyOffset === undefined ? yamlLine - 1 : fileLine(keyOffset);
  const value = (data as Record<string, unknown>)[field];
  const got = value === undefined ? '' : `, got ${show(value)}`;
  throw new StrikebotError(
    'KNOWLEDGE_MALFORMED',
    `${file}:${line}: front matter: "${field}" ${issue?.message ?? 'is invalid'}${got}`,
  );
}
