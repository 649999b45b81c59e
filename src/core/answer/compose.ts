import type { Corpus } from '../index/corpus.ts';
import { normalizeText, termOverlap, tokenize } from '../index/text.ts';
import type { QuestionAnalysis } from '../question/analyze.ts';
import { isExpressed } from '../rank/concept-match.ts';
import type { Citation, SourceDocument } from '../types.ts';

/**
 * The plain-text parts of an answer: the confident answer (the best quote, then which sources
 * agree or add to it), the "not sure" opening, and the "not found" reply that says what the
 * documents do cover.
 */

/** Opening of an answer the engine is not sure of; adapters show the closest passages after it. */
export const UNSURE_TEXT =
  "I'm not sure the documents answer this exactly; these passages come closest:";
/** Opening of a reply when nothing in the documents comes close. */
export const NOT_FOUND_TEXT = "I couldn't find that in the documents.";
/** Share of content terms two snippets must share to count as saying the same thing. */
const SAME_CLAIM_OVERLAP = 0.6;
/** Titles a "not found" reply names. */
const NEAREST_TITLES = 3;
/** Publishers a "not found" reply names. */
const NAMED_PUBLISHERS = 4;

/**
 * True when two snippets say much the same thing: most of the shorter one's index terms are in
 * the other.
 *
 * @example
 * saySameThing('The contract expired Sept. 30.', 'The contract expired on Sept. 30.') // => true
 */
export function saySameThing(a: string, b: string): boolean {
  return termOverlap(new Set(tokenize(a)), new Set(tokenize(b))) >= SAME_CLAIM_OVERLAP;
}

function describeSource(doc: SourceDocument): string {
  return doc.publisher ?? doc.title;
}

/**
 * The plain-text answer: the best quote, then which other sources agree or add to it.
 *
 * @example
 * composeAnswerText(citations, docById) // => 'Nearly 2,400 workers ... [1]\nSee also [2].'
 */
export function composeAnswerText(
  citations: readonly Citation[],
  docById: ReadonlyMap<string, SourceDocument>,
): string {
  const [first, ...rest] = citations;
  if (!first) return '';
  const firstDoc = docById.get(first.docId) as SourceDocument;
  const lines = [`${first.snippet} [${first.n}]`];
  const agreeing = rest.filter(
    (c) => c.docId !== first.docId && saySameThing(first.snippet, c.snippet),
  );
  if (agreeing.length > 0) {
    const names = agreeing.map(
      (c) => `${describeSource(docById.get(c.docId) as SourceDocument)} [${c.n}]`,
    );
    lines.push(
      `${agreeing.length + 1} sources say this: ${describeSource(firstDoc)} [${first.n}] and ${names.join(' and ')}.`,
    );
  }
  const more = rest.filter((c) => !agreeing.includes(c));
  if (more.length > 0) lines.push(`See also ${more.map((c) => `[${c.n}]`).join(', ')}.`);
  return lines.join('\n');
}

/** Most words a "not found" reply says the documents never mention. */
const NAMED_MISSING = 3;

/**
 * The question's own words (not carried from earlier questions) that no document expresses in
 * any way, as the question writes them ("France"), for a "not found" reply.
 *
 * @example
 * missingWords(corpus, analysis, 'What is the capital of France?') // => ['capital', 'France']
 */
export function missingWords(
  corpus: Pick<Corpus, 'df'>,
  analysis: Pick<QuestionAnalysis, 'concepts'>,
  question: string,
): string[] {
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const written = (word: string) =>
    words.find((w) => normalizeText(w).toLowerCase() === word) ?? word;
  return analysis.concepts
    .filter((c) => !c.carried)
    .filter((c) => !isExpressed(corpus, c))
    .map((c) => written(c.word))
    .slice(0, NAMED_MISSING);
}

/** "“a”", "“a” or “b”", "“a”, “b” or “c”". */
export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `“${w}”`);
  return quoted.length > 1
    ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
    : `${quoted[0]}`;
}

/** "Dec 2018" from an ISO date. */
function monthYear(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCFullYear()}`;
}

/**
 * What the documents cover, for a "not found" reply: how many, their date range and publishers,
 * which of the question's words none of them mentions, and the titles nearest the question (else
 * the newest).
 *
 * @example
 * describeCoverage(corpus, 'the Rhine', nearDocIds, ['Paris'])
 * // => 'My 1 document about the Rhine (Wikipedia). None of them mentions “Paris”. Closest: "Rhine".'
 */
export function describeCoverage(
  corpus: Corpus,
  subject: string | undefined,
  nearDocIds: readonly string[],
  missing: readonly string[] = [],
): string {
  const docs = corpus.documents;
  let first: string | undefined;
  let last: string | undefined;
  const publishers: string[] = [];
  for (const doc of docs) {
    if (doc.date) {
      if (!first || doc.date < first) first = doc.date;
      if (!last || doc.date > last) last = doc.date;
    }
    if (doc.publisher && !publishers.includes(doc.publisher)) publishers.push(doc.publisher);
  }
  const noun = `document${docs.length === 1 ? '' : 's'}`;
  const more = publishers.length > NAMED_PUBLISHERS ? ', ...' : '';
  const named =
    publishers.length > 0 ? ` (${publishers.slice(0, NAMED_PUBLISHERS).join(', ')}${more})` : '';
  const about = subject ? ` about ${subject}` : '';
  const span =
    first && last && first !== last
      ? `from ${monthYear(first)} to ${monthYear(last)}`
      : first
        ? `from ${monthYear(first)}`
        : '';
  const dated = docs.filter((d) => d.date).length;
  const range = !span
    ? ''
    : dated === docs.length
      ? ` run ${span}`
      : `; the dated ones are ${span}`;
  const head = `My ${docs.length} ${noun}${about}${named}${range}`;
  const titles: SourceDocument[] = [];
  const add = (doc: SourceDocument | undefined) => {
    if (doc && !titles.includes(doc) && titles.length < NEAREST_TITLES) titles.push(doc);
  };
  for (const id of nearDocIds) add(corpus.docById.get(id));
  const label = titles.length > 0 ? 'Closest' : 'Newest';
  for (const doc of corpus.newest(NEAREST_TITLES)) add(doc);
  const list = titles.map((d) => `"${d.title}"${d.date ? ` (${d.date})` : ''}`).join('; ');
  const none =
    missing.length === 0
      ? ''
      : ` ${docs.length === 1 ? 'It does not mention' : 'None of them mentions'} ${listWords(missing)}.`;
  return `${head}.${none} ${label}: ${list}.`;
}
