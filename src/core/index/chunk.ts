import type { Chunk, SourceDocument } from '../types.ts';

/**
 * Sentence chunking. Bodies are split into paragraphs (blank lines), lines that are list items or
 * headings become chunks of their own, and running text is split into sentences by a scanner that
 * knows abbreviations, initials, times, addresses and quotations.
 */

/** Abbreviations that never end a sentence ("Dr. Smith", "Sept. 30", "Clairemont Mesa Blvd. in"). */
const ALWAYS_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'rev',
  'hon',
  'gov',
  'sen',
  'rep',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'st',
  'ave',
  'blvd',
  'rd',
  'hwy',
  'ste',
  'dept',
  'fig',
  'vs',
  'approx',
  'est',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);

/** Abbreviations that may end a sentence: a break only when a typical sentence opener follows. */
const SOMETIMES_ABBREVIATIONS = new Set([
  'inc',
  'co',
  'corp',
  'ltd',
  'jr',
  'sr',
  'etc',
  'no',
  'llc',
]);

/** Words that typically open a sentence; after "p.m." or "Inc." they signal a real break. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'but',
  'and',
  'in',
  'on',
  'at',
  'for',
  'after',
  'before',
  'during',
  'since',
  'while',
  'his',
  'her',
  'their',
  'our',
  'its',
  'according',
  'however',
  'meanwhile',
  'also',
  'if',
  'when',
]);

const BULLET = /^[ \t]*(?:[•●▪◦‣∙·*+\-–—]|\d{1,3}[.)])[ \t]+/u;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const TERMINATORS = new Set(['.', '!', '?', '…']);

/** A span of the body: `[start, end)` offsets. */
interface Span {
  start: number;
  end: number;
}

/** Trims whitespace off both ends of a span, returning null when nothing is left. */
function trimSpan(body: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(body.charAt(s))) s++;
  while (e > s && /\s/u.test(body.charAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The word (letters and inner dots) just before `index`, lowercased, without trailing dot. */
function wordBefore(text: string, index: number): string {
  let s = index;
  while (s > 0 && /[\p{L}.]/u.test(text.charAt(s - 1))) s--;
  return text.slice(s, index).toLowerCase().replace(/^\.+/, '');
}

/** The word starting at `index` (after opening quotes), lowercased. */
function wordAfter(text: string, index: number): string {
  const match = /^["'“‘([]*([\p{L}\p{N}]+)/u.exec(text.slice(index, index + 40));
  return match?.[1]?.toLowerCase() ?? '';
}

/** Decides whether the terminator ending at `dot` (exclusive end `after`) ends a sentence. */
function isBoundary(text: string, dot: number, next: number): boolean {
  const nextChar = text.charAt(next);
  // A sentence starts with a capital, a digit, a quote or bracket; "e.g. the" does not break.
  if (!/[\p{Lu}\p{N}"'“‘([¿¡]/u.test(nextChar)) return false;
  const mark = text.charAt(dot);
  if (mark !== '.') return true;
  const word = wordBefore(text, dot);
  if (word === '') return true;
  // Single-letter initials: "Janet A. Liang", "U.S." inner letters.
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text.charAt(dot - 1))) return false;
  if (ALWAYS_ABBREVIATIONS.has(word)) return false;
  const opener = wordAfter(text, next);
  // Dotted abbreviations ("a.m.", "p.m.", "U.S.", "e.g.") and company suffixes: break only
  // before a word that usually opens a sentence.
  if (word.includes('.') || SOMETIMES_ABBREVIATIONS.has(word)) {
    if (word === 'no' && /\p{N}/u.test(nextChar)) return false;
    return SENTENCE_OPENERS.has(opener);
  }
  return true;
}

/**
 * Splits running text into sentence spans (offsets relative to `text`). Quotation marks and
 * brackets that close a sentence stay with it; whitespace between sentences belongs to neither.
 *
 * @example
 * splitSentences('Talks began Sept. 30. Dr. Liang spoke.').map(s => s.end) // => [21, 38]
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (!TERMINATORS.has(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (
      end < text.length &&
      (TERMINATORS.has(text.charAt(end)) || CLOSERS.has(text.charAt(end)))
    )
      end++;
    let next = end;
    while (next < text.length && /\s/u.test(text.charAt(next))) next++;
    if (next > end && next < text.length && isBoundary(text, i, next)) {
      const span = trimSpan(text, start, end);
      if (span) spans.push(span);
      start = next;
    }
    i = end;
  }
  const last = trimSpan(text, start, text.length);
  if (last) spans.push(last);
  return spans;
}

/** True when a line looks like a heading: short, no sentence-final punctuation. */
function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 120) return false;
  if (/[.!?:;,"”’)…]$/u.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= 14;
}

/**
 * Splits a document body into chunks: sentences of running text, list items and headings, each
 * with its exact offsets in `doc.body`, its paragraph number and its position.
 *
 * @example
 * chunkDocument({ id: 'd', title: 'T', body: 'One. Two.' }).map(c => c.text) // => ['One.', 'Two.']
 */
export function chunkDocument(doc: SourceDocument, firstId = 0): Chunk[] {
  const body = doc.body;
  const chunks: Chunk[] = [];
  let paragraph = -1;
  let inParagraph = false;
  let offset = 0;
  const push = (span: Span, kind: Chunk['kind']) => {
    chunks.push({
      id: firstId + chunks.length,
      docId: doc.id,
      position: chunks.length,
      paragraph,
      start: span.start,
      end: span.end,
      text: body.slice(span.start, span.end),
      kind,
    });
  };
  // Running text may wrap over several lines; collect it until a blank line, bullet or heading.
  let runStart = -1;
  let runEnd = -1;
  const flushRun = () => {
    if (runStart < 0) return;
    for (const span of splitSentences(body.slice(runStart, runEnd))) {
      push({ start: runStart + span.start, end: runStart + span.end }, 'sentence');
    }
    runStart = -1;
  };
  const lines = body.split('\n');
  for (const [lineNo, line] of lines.entries()) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (line.trim() === '') {
      flushRun();
      inParagraph = false;
      continue;
    }
    if (!inParagraph) {
      paragraph++;
      inParagraph = true;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      flushRun();
      const span = trimSpan(body, lineStart + bullet[0].length, lineEnd);
      if (span) push(span, 'bullet');
      continue;
    }
    // A heading stands alone: a blank line or a list follows it, not more running text.
    const following = lines[lineNo + 1] ?? '';
    const standsAlone = following.trim() === '' || BULLET.test(following);
    if (runStart < 0 && standsAlone && isHeadingLine(line)) {
      const span = trimSpan(body, lineStart, lineEnd);
      if (span) push(span, 'heading');
      continue;
    }
    if (runStart < 0) runStart = lineStart;
    runEnd = lineEnd;
  }
  flushRun();
  return chunks;
}
