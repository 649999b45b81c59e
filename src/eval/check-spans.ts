/**
 * Checks the answer spans of a JSONL question set against the documents they cite, the way
 * `../shared/eval/check_spans.py` checks the training set against the seeds, but for any
 * knowledge folder: every span must occur, after the eval's normalisation, inside one paragraph
 * (kept line) of a document listed in `doc_any`, have 2 to 8 words, hold no curly quote or
 * no-break space and not run across a sentence end; every listed document must hold a span.
 */
import type { DocumentReport } from '../knowledge/parse-document.ts';

/** A document as the span check sees it. */
export interface SpanDocument {
  /** The paragraphs the bot indexes: the kept, non-blank body lines. */
  paragraphs: string[];
  /** Lines the clutter rules drop, with the rule, so a span found only there is named as such. */
  dropped: { text: string; rule: string }[];
}

/** Totals of a checked file: rows, conversations and turns, by kind and style. */
export type SpanCounts = Record<string, number>;

/** What {@link checkQuestionSet} found in one file. */
export interface SpanCheckResult {
  /** One line per problem: `file:line (id): message`. Empty when the file is sound. */
  problems: string[];
  counts: SpanCounts;
}

/** Kinds of answerable rows (`../shared/eval/README.md`). */
const ANSWER_KINDS = [
  'number',
  'who',
  'when',
  'where',
  'why',
  'what',
  'yesno',
  'list',
  'quote',
] as const;
/** Styles of answerable rows. */
const QUESTION_STYLES = ['casual', 'paraphrase', 'easy', 'hard'] as const;
/** Kinds of unanswerable rows. */
const UNANSWERABLE_KINDS = ['near-miss', 'offtopic', 'clutter'] as const;

/** Shortest and longest span, in words. */
const SPAN_WORDS = { min: 2, max: 8 } as const;
/** Turns a conversation may have. */
const CONVERSATION_TURNS = { min: 2, max: 3 } as const;
/** Characters a span must not contain: the eval normalises them, so a span must not rely on them. */
const ODD_CHARACTERS = /[\u2018\u2019\u201c\u201d\u00a0]/;
/** A sentence end inside a span: ". X" (optionally with a closing or opening quote). */
const SENTENCE_END = /(\S+)[.!?]['"]?\s+['"]?[A-Z]/g;
/**
 * Words whose trailing dot does not end a sentence ("Aug. 15", "Gov. Newsom", "8 a.m. Monday").
 * Kept apart from the engine's sentence splitter on purpose: the check must not follow the
 * engine it measures. The same rule as `check_spans.py` for the training set, with the
 * abbreviations of the held-out articles added.
 */
const ABBREVIATIONS = new Set(
  'a.m p.m u.s jan feb mar apr jun jul aug sep sept oct nov dec calif gov sen rep dr mr mrs ms st ave blvd no vs jr sr inc mt'.split(
    ' ',
  ),
);

/**
 * The eval's comparison form (`../shared/eval/README.md`, "How answers are matched"): curly
 * quotes made straight, runs of whitespace and no-break spaces made one space, lower case.
 *
 * @example
 * normalizeForMatching('Kaiser’s  “offer”') // => `kaiser's "offer"`
 */
export function normalizeForMatching(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Turns loaded knowledge files into span-check documents keyed by document id: each kept,
 * non-blank body line is a paragraph, normalised for matching.
 */
export function toSpanDocuments(reports: readonly DocumentReport[]): Map<string, SpanDocument> {
  const documents = new Map<string, SpanDocument>();
  for (const report of reports) {
    const paragraphs: string[] = [];
    const dropped: SpanDocument['dropped'] = [];
    for (const line of report.lines) {
      if (line.text.trim() === '') continue;
      const text = normalizeForMatching(line.text);
      if (line.dropped) dropped.push({ text, rule: line.dropped.rule });
      else paragraphs.push(text);
    }
    documents.set(report.document.id, { paragraphs, dropped });
  }
  return documents;
}

type Row = Record<string, unknown>;

/** What every row check reads and adds to. */
interface CheckContext {
  documents: ReadonlyMap<string, SpanDocument>;
  problems: string[];
  counts: SpanCounts;
}

/** Adds the problems of one row's (or turn's) spans and cited documents to `problems`. */
function checkSpans(where: string, row: Row, { documents, problems }: CheckContext): void {
  const spans = row.answer_any;
  const docIds = row.doc_any;
  if (!Array.isArray(spans) || spans.length === 0 || !spans.every((s) => typeof s === 'string')) {
    problems.push(`${where}: answer_any must be a non-empty list of strings`);
    return;
  }
  if (
    !Array.isArray(docIds) ||
    docIds.length === 0 ||
    !docIds.every((d) => typeof d === 'string')
  ) {
    problems.push(`${where}: doc_any must be a non-empty list of document ids`);
    return;
  }
  const unknown = docIds.filter((id) => !documents.has(id));
  if (unknown.length > 0) {
    problems.push(`${where}: unknown document id(s) ${unknown.map((id) => `"${id}"`).join(', ')}`);
    return;
  }
  const holding = new Set<string>();
  for (const span of spans as string[]) {
    const words = span.trim().split(/\s+/).filter(Boolean).length;
    if (words < SPAN_WORDS.min || words > SPAN_WORDS.max) {
      problems.push(`${where}: span has ${words} words (want 2-8): "${span}"`);
    }
    if (ODD_CHARACTERS.test(span)) {
      problems.push(`${where}: curly quote or no-break space in span "${span}"`);
    }
    for (const match of span.matchAll(SENTENCE_END)) {
      const word = (match[1] as string).toLowerCase().replace(/\.$/, '');
      if (!ABBREVIATIONS.has(word)) {
        problems.push(`${where}: span runs across a sentence end: "${span}"`);
        break;
      }
    }
    const needle = normalizeForMatching(span);
    const found = (docIds as string[]).filter((id) =>
      documents.get(id)?.paragraphs.some((p) => p.includes(needle)),
    );
    for (const id of found) holding.add(id);
    if (found.length > 0) continue;
    const inClutter = (docIds as string[])
      .flatMap((id) => documents.get(id)?.dropped ?? [])
      .find((line) => line.text.includes(needle));
    problems.push(
      inClutter
        ? `${where}: span "${span}" is only in a line the clutter rules drop (${inClutter.rule})`
        : `${where}: span "${span}" is in no paragraph of ${(docIds as string[]).join(', ')}`,
    );
  }
  for (const id of docIds as string[]) {
    if (!holding.has(id)) problems.push(`${where}: document "${id}" holds none of the spans`);
  }
}

function add(counts: SpanCounts, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function checkQuestionRow(where: string, row: Row, context: CheckContext): void {
  const { problems, counts } = context;
  if (typeof row.question !== 'string' || row.question.trim() === '') {
    problems.push(`${where}: "question" must be a non-empty string`);
  }
  if (row.answerable === false) {
    add(counts, 'unanswerable');
    add(counts, `unanswerable/${String(row.kind)}`);
    if (!isOneOf(UNANSWERABLE_KINDS, row.kind)) {
      problems.push(`${where}: unanswerable kind must be one of ${UNANSWERABLE_KINDS.join(', ')}`);
    }
    if ('answer_any' in row) problems.push(`${where}: an unanswerable row carries answer_any`);
    return;
  }
  add(counts, 'answerable');
  add(counts, `style/${String(row.style)}`);
  add(counts, `kind/${String(row.kind)}`);
  add(counts, `${String(row.style)}/${String(row.kind)}`);
  if (!isOneOf(ANSWER_KINDS, row.kind)) {
    problems.push(`${where}: kind must be one of ${ANSWER_KINDS.join(', ')}`);
  }
  if (!isOneOf(QUESTION_STYLES, row.style)) {
    problems.push(`${where}: style must be one of ${QUESTION_STYLES.join(', ')}`);
  }
  checkSpans(where, row, context);
}

function checkConversationRow(where: string, row: Row, context: CheckContext): void {
  const { problems, counts } = context;
  const turns = row.turns;
  if (
    !Array.isArray(turns) ||
    turns.length < CONVERSATION_TURNS.min ||
    turns.length > CONVERSATION_TURNS.max
  ) {
    problems.push(`${where}: a conversation has 2-3 turns`);
    return;
  }
  add(counts, 'conversations');
  turns.forEach((turn: unknown, index) => {
    const at = `${where} turn ${index + 1}`;
    add(counts, 'turns');
    if (typeof turn !== 'object' || turn === null) {
      problems.push(`${at}: a turn must be an object`);
      return;
    }
    const t = turn as Row;
    if (typeof t.question !== 'string' || t.question.trim() === '') {
      problems.push(`${at}: "question" must be a non-empty string`);
    }
    checkSpans(at, t, context);
  });
}

/**
 * Checks every row of a JSONL question set (questions, unanswerable rows and conversations)
 * against `documents` (see {@link toSpanDocuments}). Blank lines are skipped.
 *
 * @example
 * const docs = toSpanDocuments(await inspectKnowledge('test/eval/unseen/knowledge'));
 * checkQuestionSet(text, 'questions.jsonl', docs).problems; // [] when sound
 */
export function checkQuestionSet(
  text: string,
  file: string,
  documents: ReadonlyMap<string, SpanDocument>,
): SpanCheckResult {
  const context: CheckContext = { documents, problems: [], counts: {} };
  const { problems, counts } = context;
  const ids = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      problems.push(`${file}:${index + 1}: not valid JSON`);
      return;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push(`${file}:${index + 1}: a row must be a JSON object`);
      return;
    }
    const r = row as Row;
    const id = typeof r.id === 'string' ? r.id : '';
    const where = `${file}:${index + 1} (${id || 'no id'})`;
    if (id === '') problems.push(`${where}: "id" must be a non-empty string`);
    else if (ids.has(id)) problems.push(`${where}: duplicate id`);
    ids.add(id);
    if ('turns' in r) checkConversationRow(where, r, context);
    else checkQuestionRow(where, r, context);
  });
  return { problems, counts };
}
