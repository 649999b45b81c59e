import { stemmer } from 'stemmer';
import english from './english.json' with { type: 'json' };
import irregular from './irregular-forms.json' with { type: 'json' };

/**
 * Text normalisation and tokenisation shared by indexing and question analysis, so a question
 * and a sentence are reduced to the same terms.
 */

const numberWords: Readonly<Record<string, string>> = english.numberWords;
/**
 * Irregular forms the Porter stemmer cannot reduce ("began" → "begin", "loaves" → "loaf"), from
 * WordNet's exception lists (`npm run build:irregular-forms`).
 */
const irregularForms: Readonly<Record<string, string>> = irregular.forms;

/**
 * The base form of an irregular word form ("began" → "begin"), or undefined for a regular one.
 *
 * @example
 * irregularBase('said') // => 'say'
 */
export function irregularBase(word: string): string | undefined {
  return Object.hasOwn(irregularForms, word) ? irregularForms[word] : undefined;
}

const stopWords: ReadonlySet<string> = new Set(english.stopWords);

/** Longest input examined, in characters; longer text is cut first so work stays bounded. */
const MAX_TEXT_LENGTH = 20_000;

/**
 * Folds case, diacritics, curly quotes and odd spaces so "Harbour’s" and "harbour's" compare equal.
 *
 * @example
 * normalizeText('Ortiz’s “café”') // => "ortiz's \"cafe\""
 */
export function normalizeText(text: string): string {
  return text
    .slice(0, MAX_TEXT_LENGTH)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '')
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

/**
 * Raw word tokens of normalised text: words (possessive "'s" dropped), numbers with their
 * thousands separators and decimals removed ("2,400" → "2400", "3.5" → "3.5"), "%" as "percent".
 */
export function splitWords(normalized: string): string[] {
  const words: string[] = [];
  for (const match of normalized.matchAll(/\d+(?:[.,]\d+)*%?|[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu)) {
    let word = match[0];
    if (/^\d/.test(word)) {
      const percent = word.endsWith('%');
      if (percent) word = word.slice(0, -1);
      // "2,400" and "1,508" are thousands; keep a real decimal point ("3.5").
      word = word.replace(/,(?=\d{3}(?:\D|$))/g, '').replace(/[.,]$/, '');
      words.push(word);
      if (percent) words.push('percent');
      continue;
    }
    const apostrophe = word.indexOf("'");
    if (apostrophe > 0) word = word.slice(0, apostrophe);
    words.push(word);
  }
  return words;
}

/** Reduces one normalised word to its matching term: number words become digits, then stemming. */
export function toTerm(word: string): string {
  const digits = numberWords[word];
  if (digits !== undefined) return digits;
  if (word === 'percent' || /^\d/.test(word)) return word;
  let term = stemCache.get(word);
  if (term === undefined) {
    // Stemming is the costliest step of indexing; words repeat, so remember (boundedly).
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    term = stemmer(irregularForms[word] ?? word);
    stemCache.set(word, term);
  }
  return term;
}

const STEM_CACHE_SIZE = 200_000;
const stemCache = new Map<string, string>();

/** True for words that carry no meaning for matching ("the", "how", "did"). */
export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

/**
 * How much two term sets share: the shared terms over the smaller set's size (0 when either is
 * empty).
 *
 * @example
 * termOverlap(new Set(['strike', 'monday']), new Set(['strike', 'tuesday', 'picket'])) // => 0.5
 */
export function termOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * The index terms of a text: normalised, split, stop words dropped, stemmed.
 *
 * @example
 * tokenize('Nearly 2,400 riders took the ferries.') // => ['nearli', '2400', 'rider', 'take', 'ferri']
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(normalizeText(text))) {
    if (!isStopWord(word)) terms.push(toTerm(word));
  }
  return terms;
}

/** English month names, January first. */
export const MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
