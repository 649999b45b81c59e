import { irregularBase } from '../index/text.ts';

/**
 * A thesaurus the engine receives as data: WordNet 3.1 distilled by `npm run build:wordnet`
 * (`src/resources/wordnet.json`) to everyday words, each with its synonyms (and the rank of the
 * sense they come from) and the category of its commonest noun sense. The core never loads it itself; without one, questions are read without synonyms and
 * answer types come from question words alone.
 */

/** A synonym and the rank (1 = commonest) of the word's sense it shares. */
export interface Synonym {
  word: string;
  senseRank: number;
}

/** Looks words up in a thesaurus. */
export interface Thesaurus {
  /** Synonyms of a word over its senses, commonest sense first. */
  synonymsOf(word: string): Synonym[];
  /**
   * WordNet's lexicographer file number of a noun's commonest sense (18 = noun.person,
   * 15 = noun.location, 28 = noun.time...), or undefined when the word is no noun there.
   */
  nounCategory(word: string): number | undefined;
  /**
   * WordNet's lexicographer file number of a verb's commonest sense (32 = verb.communication,
   * 31 = verb.cognition...), read through its inflections ("detailed" → "detail", "says" → "say"),
   * or undefined when the word is no verb there.
   */
  verbCategory(word: string): number | undefined;
}

/** WordNet's lexicographer file of communication verbs (say, detail, deny, concede...). */
export const VERB_COMMUNICATION = 32;

/** The distilled table: word → "synonym#senseRank,...;nounLexFile;verbLexFile". */
export type ThesaurusTable = Readonly<Record<string, string>>;

/** A thesaurus that knows no word. */
export const emptyThesaurus: Thesaurus = {
  synonymsOf: () => [],
  nounCategory: () => undefined,
  verbCategory: () => undefined,
};

/** Endings of English verb forms and what replaces them to give the base ("detailed" → "detail"). */
const VERB_ENDINGS = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['d', ''],
  ['ing', ''],
] as const;

/**
 * Candidate bases of a verb form, likeliest first: itself, its irregular base, then its regular
 * bases. A stem ending in one vowel and one consonant is tried with "e" first, since English
 * would have doubled that consonant otherwise ("hoped" → "hope", "hopped" → "hop").
 */
function verbBases(word: string): string[] {
  const bases = [word];
  const irregular = irregularBase(word);
  if (irregular) bases.push(irregular);
  for (const [ending, replacement] of VERB_ENDINGS) {
    if (!word.endsWith(ending) || word.length <= ending.length + 2) continue;
    const base = word.slice(0, -ending.length) + replacement;
    if (ending === 'ed' || ending === 'ing') {
      const withE = `${base}e`;
      if (/([bcdfghjklmnpqrstvz])\1$/.test(base)) bases.push(base.slice(0, -1), base);
      else if (/(?:^|[^aeiou])[aeiou][^aeiouwxy]$/.test(base)) bases.push(withE, base);
      else bases.push(base, withE);
    } else {
      bases.push(base);
    }
  }
  return bases;
}

/**
 * A thesaurus over a distilled WordNet table; plurals fall back to their singular ("sites" →
 * "site", "pies" → "pie").
 *
 * @example
 * createThesaurus(table).nounCategory('lawmakers') // => 18
 */
export function createThesaurus(words: ThesaurusTable): Thesaurus {
  const lemma = (word: string): string | undefined => {
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
  };
  const fields = (word: string): string[] => {
    const key = lemma(word);
    return key ? (words[key] as string).split(';') : [];
  };
  return {
    synonymsOf(word) {
      const list = fields(word)[0];
      if (!list) return [];
      return list.split(',').map((entry) => {
        const at = entry.lastIndexOf('#');
        return { word: entry.slice(0, at), senseRank: Number(entry.slice(at + 1)) };
      });
    },
    nounCategory(word) {
      const value = fields(word)[1];
      return value ? Number(value) : undefined;
    },
    verbCategory(word) {
      for (const base of verbBases(word.toLowerCase())) {
        if (!Object.hasOwn(words, base)) continue;
        const value = (words[base] as string).split(';')[2];
        if (value) return Number(value);
      }
      return undefined;
    },
  };
}
