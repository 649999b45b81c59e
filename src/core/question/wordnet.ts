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
}

/** The distilled table: word → "synonym#senseRank,...;nounLexFile". */
export type ThesaurusTable = Readonly<Record<string, string>>;

/** A thesaurus that knows no word. */
export const emptyThesaurus: Thesaurus = { synonymsOf: () => [], nounCategory: () => undefined };

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
  };
}
