import table from './wordnet.json' with { type: 'json' };

/**
 * WordNet 3.1, distilled by `npm run build:wordnet` to everyday words: each word's synonyms (with
 * the rank of the sense they come from), derivationally related forms, and the category of its
 * commonest noun sense.
 */

const words = table.words as Readonly<Record<string, string>>;

/** A synonym and the rank (1 = commonest) of the word's sense it shares. */
export interface Synonym {
  word: string;
  senseRank: number;
}

/** The word itself, or its singular when WordNet lists only that ("sites" → "site", "pies" → "pie"). */
function lemma(word: string): string | undefined {
  if (Object.hasOwn(words, word)) return word;
  for (const [ending, replacement] of [
    ['ies', 'y'],
    ['s', ''],
    ['es', ''],
  ] as const) {
    if (word.endsWith(ending)) {
      const base = word.slice(0, -ending.length) + replacement;
      if (Object.hasOwn(words, base)) return base;
    }
  }
  return undefined;
}

function fields(word: string): string[] {
  const key = lemma(word);
  return key ? (words[key] as string).split(';') : [];
}

/**
 * Synonyms of a word over its senses, commonest sense first.
 *
 * @example
 * synonymsOf('wage').some((s) => s.word === 'pay') // => true
 */
export function synonymsOf(word: string): Synonym[] {
  const list = fields(word)[0];
  if (!list) return [];
  return list.split(',').map((entry) => {
    const at = entry.lastIndexOf('#');
    return { word: entry.slice(0, at), senseRank: Number(entry.slice(at + 1)) };
  });
}

/**
 * Words derivationally related to a word's common senses ("walkout" → "walk out", "strike").
 *
 * @example
 * derivedFormsOf('walkout') // => ['strike', 'walk out']
 */
export function derivedFormsOf(word: string): string[] {
  const list = fields(word)[1];
  return list ? list.split(',') : [];
}

/**
 * WordNet's lexicographer file number of a noun's commonest sense (18 = noun.person,
 * 15 = noun.location, 28 = noun.time...), or undefined when WordNet has no such noun.
 *
 * @example
 * nounCategory('lawmakers') // => 18
 */
export function nounCategory(word: string): number | undefined {
  const value = fields(word)[2];
  return value ? Number(value) : undefined;
}
