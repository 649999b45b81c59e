import { describe, expect, it } from 'vitest';
import {
  isAbbreviationOf,
  isOneEditApart,
  readQuestionWord,
  readWord,
  type SpellingVocabulary,
} from '../../../src/core/question/spell.ts';

/** A corpus vocabulary of a few words (the speller also knows everyday English). */
function vocabulary(words: readonly string[]): SpellingVocabulary {
  const set = new Set(words);
  return {
    inCorpus: (w) => set.has(w),
    nearCorpusWords: (w, d) => {
      const out = new Map<string, number>();
      for (const x of set)
        if (Math.abs(x.length - w.length) <= d && editDistance(x, w) <= d)
          out.set(x, editDistance(x, w));
      return out;
    },
    corpusWordsStartingWith: (l) => [...set].filter((w) => w.startsWith(l)),
  };
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const town = vocabulary(['ferry', 'harbour', 'appointments', 'non', 'profit', 'lighthouse']);

describe('readWord', () => {
  it('leaves known English and the documents’ own words alone', () => {
    expect(readWord('bridge', town)).toEqual([]);
    expect(readWord('lighthouse', town)).toEqual([]);
    expect(readWord('2024', town)).toEqual([]);
  });

  it('reads a typo as the nearest likely word, preferring the documents’ words', () => {
    expect(readWord('feery', town)[0]).toEqual({ text: 'ferry', how: 'typo' });
    // "harbur": one edit from "harbor" (commoner English), and letters of "harbour" (the documents').
    expect(readWord('harbur', town)[0]?.text).toBe('harbour');
  });

  it('reads chat abbreviations and function words', () => {
    expect(readWord('appts', town)[0]).toEqual({ text: 'appointments', how: 'abbreviation' });
    expect(readWord('mny', town)[0]).toEqual({ text: 'many', how: 'abbreviation' });
  });

  it('splits two words run together', () => {
    expect(readWord('nonprofit', vocabulary(['non', 'profit']))).toContainEqual({
      text: 'non profit',
      how: 'compound',
    });
  });

  it('reads words up to 40 letters, and leaves longer tokens as written', () => {
    const long = 'lighthousekeeperscottageharbourmasters'; // 38 letters
    const coast = vocabulary([long]);
    expect(readWord(`${long}xy`, coast)[0]).toEqual({ text: long, how: 'typo' }); // 40
    expect(readWord(`${long}xyz`, coast)).toEqual([]); // 41
    // A 100,000-letter token is not read at all (reading it would take time in its square).
    expect(readWord('a'.repeat(100_000), town)).toEqual([]);
  });
});

describe('isAbbreviationOf', () => {
  it('keeps the letters in order and the first letter', () => {
    expect(isAbbreviationOf('hrs', 'hours')).toBe(true);
    expect(isAbbreviationOf('ppl', 'people')).toBe(true);
    expect(isAbbreviationOf('rsh', 'hours')).toBe(false);
    expect(isAbbreviationOf('hours', 'hours')).toBe(false);
  });
});

describe('readQuestionWord', () => {
  // Probabilities of question words among the words of questions (made-up, like a trained table).
  const asked = new Map([
    ['when', 0.0065],
    ['what', 0.034],
    ['who', 0.012],
  ]);

  it('reads an English word one keystroke from a question word as it, when the channel prefers it', () => {
    // "wen" (a cyst) is rare; "when" is common in questions: log(0.0065) − log(1000) wins.
    expect(readQuestionWord('wen', town, asked)).toBe('when');
    expect(readQuestionWord('wat', town, asked)).toBe('what');
  });

  it('keeps common words, question words, the documents’ words and long tokens as written', () => {
    // "then" is one edit from "when" but common enough in English to be meant.
    expect(readQuestionWord('then', town, asked)).toBeUndefined();
    expect(readQuestionWord('when', town, asked)).toBeUndefined();
    expect(readQuestionWord('wen', vocabulary(['wen']), asked)).toBeUndefined();
    expect(readQuestionWord('wen', town, new Map())).toBeUndefined();
    expect(readQuestionWord('w'.repeat(100_000), town, asked)).toBeUndefined();
  });
});

describe('isOneEditApart', () => {
  it('is true for one insertion, deletion or substitution, and false otherwise', () => {
    expect(isOneEditApart('wen', 'when')).toBe(true);
    expect(isOneEditApart('when', 'wen')).toBe(true);
    expect(isOneEditApart('whan', 'when')).toBe(true);
    expect(isOneEditApart('when', 'when')).toBe(false);
    expect(isOneEditApart('wehn', 'when')).toBe(false);
    expect(isOneEditApart('we', 'when')).toBe(false);
  });
});
