/**
 * The features of a line that boilerplate detectors use (jusText, Boilerpipe): its length and
 * stop-word density, sentence punctuation, capitalisation, digits and link marks, where it sits
 * relative to the running text of the page, and what its neighbours are. Each feature is a number
 * from 0 to 1 with a name and a readable description for `knowledge:check`.
 */
import { STOP_WORDS } from './stop-words.ts';

/** The names of the features, in the order of {@link LineFeatures.values}. */
export const FEATURE_NAMES = [
  'words',
  'stopDensity',
  'endsSentence',
  'endsColon',
  'titleCase',
  'digits',
  'linkMarks',
  'shortLine',
  'dateLike',
  'nameLike',
  'beforeText',
  'afterText',
  'nearText',
  'prevStrong',
  'nextStrong',
  'nextSentence',
  'prevDropped',
  'nextDropped',
] as const;

/** One feature name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** How each feature reads when it pushes a line towards clutter, for explanations. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  words: 'long line',
  stopDensity: 'many function words',
  endsSentence: 'ends like a sentence',
  endsColon: 'ends with a colon',
  titleCase: 'mostly capitalised words',
  digits: 'mostly digits',
  linkMarks: 'link or menu marks (| › » [ ] @ URL)',
  shortLine: 'three words or fewer',
  dateLike: 'only a date or time',
  nameLike: 'only a name',
  beforeText: 'above the first paragraph of text',
  afterText: 'below the last paragraph of text',
  nearText: 'next to a paragraph of text',
  prevStrong: 'after a paragraph of text',
  nextStrong: 'before a paragraph of text',
  nextSentence: 'before a sentence',
  prevDropped: 'after a clutter line',
  nextDropped: 'before a clutter line',
};

/** Words in a line (split on whitespace, bullets and dashes alone not counted). */
export function wordsOf(line: string): string[] {
  return line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Share of the line's words that are function words ("the", "of", "said"...). */
function stopWordDensity(line: string): number {
  const words = wordsOf(line);
  if (words.length === 0) return 0;
  const stops = words.filter((word) =>
    STOP_WORDS.has(word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}’']+$/gu, '')),
  ).length;
  return stops / words.length;
}

const SENTENCE_END = /[.!?…]["”’')\]]*$|[.!?]["”’')\]]*…$/;

/** True when the line ends like a sentence (`.`, `!`, `?`, `…`, possibly inside quotes). */
export function endsLikeSentence(line: string): boolean {
  return SENTENCE_END.test(line.trim());
}

/**
 * A line of running text: at least eight words, ending like a sentence, with at least one word
 * in five a function word. The first and last such lines bound the text of a page.
 */
export function isStrongText(line: string): boolean {
  const words = wordsOf(line);
  return words.length >= 8 && endsLikeSentence(line) && stopWordDensity(line) >= 0.2;
}

/** A sentence, however short: five words or more and sentence punctuation at the end. */
export function isSentenceLike(line: string): boolean {
  return wordsOf(line).length >= 5 && endsLikeSentence(line);
}

const MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\s|$|,)|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
const DATE_WORD =
  /^(?:\d{1,4}(?:st|nd|rd|th)?[,.]?|\d{1,2}:\d{2}(?:[ap]\.?m\.?)?|[ap]\.?m\.?|am|pm|at|on|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|p[ds]t|[ecmp][sd]t|et|utc|gmt|updated|published|\|)$/i;

/** True when the line is only a date or time ("Sept. 30, 2023", "Oct. 16, 2024 at 6:00 a.m."). */
function isDateLike(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length > 12 || !MONTH.test(line) || !/\d/.test(line)) return false;
  return words.every((word) => DATE_WORD.test(word));
}

/** True when the line is only a name of two to four capitalised words ("Lena Park"). */
function isNameLike(line: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*(?: (?:de |van |von |la |del )?\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(
    line.trim(),
  );
}

/** What the feature function needs to know about the page. */
export interface PageContext {
  /** Trimmed lines of the body ('' for blank lines). */
  lines: readonly string[];
  /** True for lines already dropped by a named rule. */
  dropped: readonly boolean[];
  /** True for lines of running text ({@link isStrongText}, not dropped). */
  strong: readonly boolean[];
  /** Index of the first and last strong line; -1 when there is none. */
  firstText: number;
  lastText: number;
  /** Per line, the distance in lines to the nearest other strong line (Infinity when none). */
  textDistance: readonly number[];
}

/** Builds the {@link PageContext} of a body from its lines and the rule verdicts. */
export function describePage(lines: readonly string[], dropped: readonly boolean[]): PageContext {
  const trimmed = lines.map((line) => line.trim());
  const strong = trimmed.map((line, i) => !dropped[i] && line !== '' && isStrongText(line));
  // Two sweeps give each line the distance to the nearest strong line other than itself.
  const textDistance = strong.map(() => Number.POSITIVE_INFINITY);
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < strong.length; i++) {
    textDistance[i] = i - last;
    if (strong[i]) last = i;
  }
  last = Number.POSITIVE_INFINITY;
  for (let i = strong.length - 1; i >= 0; i--) {
    textDistance[i] = Math.min(textDistance[i] as number, last - i);
    if (strong[i]) last = i;
  }
  return {
    lines: trimmed,
    dropped,
    strong,
    firstText: strong.indexOf(true),
    lastText: extendText(trimmed, dropped, strong.lastIndexOf(true)),
    textDistance,
  };
}

/** A list item's marker: `• `, `- `, `1. `, `2) `. */
export const LIST_ITEM = /^(?:[•·▪‣◦*–-]\s|\d{1,2}[.)]\s)/;

/**
 * The running text goes on past its last strong line over short sentences, over a short label
 * directly above one (a timeline's date: "Sept. 29" / "Talks resume with a mediator."), over a
 * line ending with a colon and over the list it introduces.
 */
function extendText(lines: readonly string[], dropped: readonly boolean[], last: number): number {
  if (last < 0) return last;
  const next = (from: number): number => {
    let j = from + 1;
    while (j < lines.length && lines[j] === '') j++;
    return j < lines.length && !dropped[j] ? j : -1;
  };
  let end = last;
  for (;;) {
    const j = next(end);
    if (j < 0) return end;
    const line = lines[j] as string;
    const previous = lines[end] as string;
    const listGoesOn = LIST_ITEM.test(line) && (LIST_ITEM.test(previous) || /:$/.test(previous));
    if ((isSentenceLike(line) && stopWordDensity(line) > 0) || /:$/.test(line) || listGoesOn) {
      end = j;
      continue;
    }
    const k = next(j);
    const label = lines[j] as string;
    if (k >= 0 && wordsOf(label).length <= 6 && isSentenceLike(lines[k] as string)) {
      end = k;
      continue;
    }
    return end;
  }
}

/** Index of the nearest non-blank line before (`step` -1) or after (`step` 1) line `i`, or -1. */
export function neighbourOf(page: PageContext, i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < page.lines.length; j += step) {
    if (page.lines[j] !== '') return j;
  }
  return -1;
}

/** Fraction of words that start with a capital letter (or digit), among words with letters. */
function titleCaseRatio(line: string): number {
  const words = wordsOf(line).filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return 0;
  return words.filter((word) => /^["“‘(]?[\p{Lu}\p{N}]/u.test(word)).length / words.length;
}

const LINK_MARKS = /[|›»«]|>>|\[[^\]]*\]|https?:\/\/|www\.|\S@\S/;

/**
 * The feature values of line `i` (non-blank) of a page, in {@link FEATURE_NAMES} order.
 *
 * @example
 * lineFeatures(describePage(lines, dropped), 4);
 */
export function lineFeatures(page: PageContext, i: number): number[] {
  const line = page.lines[i] as string;
  const words = wordsOf(line);
  const chars = line.replace(/\s/g, '').length || 1;
  const previous = neighbourOf(page, i, -1);
  const next = neighbourOf(page, i, 1);
  const hasText = page.firstText >= 0;
  const distance = page.textDistance[i] as number;
  const features: Record<FeatureName, number> = {
    words: Math.min(1, Math.log1p(words.length) / Math.log1p(40)),
    stopDensity: stopWordDensity(line),
    endsSentence: endsLikeSentence(line) ? 1 : 0,
    endsColon: /:$/.test(line) ? 1 : 0,
    titleCase: titleCaseRatio(line),
    digits: (line.match(/\p{N}/gu)?.length ?? 0) / chars,
    linkMarks: LINK_MARKS.test(line) ? 1 : 0,
    shortLine: words.length <= 3 ? 1 : 0,
    dateLike: isDateLike(line) ? 1 : 0,
    nameLike: isNameLike(line) ? 1 : 0,
    beforeText: hasText && i < page.firstText ? 1 : 0,
    afterText: hasText && i > page.lastText ? 1 : 0,
    nearText: distance <= 2 ? 1 : 0,
    prevStrong: previous >= 0 && page.strong[previous] ? 1 : 0,
    nextStrong: next >= 0 && page.strong[next] ? 1 : 0,
    nextSentence:
      next >= 0 && !page.dropped[next] && isSentenceLike(page.lines[next] as string) ? 1 : 0,
    prevDropped: previous >= 0 && page.dropped[previous] ? 1 : 0,
    nextDropped: next >= 0 && page.dropped[next] ? 1 : 0,
  };
  return FEATURE_NAMES.map((name) => features[name]);
}
