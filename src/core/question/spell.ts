import { isStopWord } from '../index/text.ts';
import { englishCount, englishProbability, englishWords, nearEnglishWords } from './background.ts';

/**
 * Chat spelling: reads a question word that is neither English nor in the documents as the word
 * the asker most likely meant, the way a noisy-channel speller does (Kernighan, Church and Gale
 * 1990): a common word a keystroke or two away ("brigde" → "bridge", "harbur" → "harbour"), a word
 * whose letters it abbreviates ("ppl" → "people", "appts" → "appointments", "hrs" → "hours"), or
 * two words run together ("nonprofit" → "non profit"). Candidates are English words (SUBTLEX-US)
 * and the documents' own terms; the documents' words are preferred, since they are what a
 * question about them is likely to mean.
 */

/** What the corpus offers the speller. */
export interface SpellingVocabulary {
  /** True when the documents use this normalised word (as one of their index terms). */
  inCorpus(word: string): boolean;
  /** Words of the documents within `maxDistance` edits of `word`, with their distance. */
  nearCorpusWords(word: string, maxDistance: number): ReadonlyMap<string, number>;
  /** Words of the documents that start with `letter` (for abbreviations). */
  corpusWordsStartingWith(letter: string): readonly string[];
}

/** One reading of a misspelt word. */
export interface Reading {
  /** The word or words meant, lowercase, space-separated. */
  text: string;
  how: 'typo' | 'abbreviation' | 'compound';
}

/** Words seen this often in SUBTLEX-US are taken as meant, never corrected. */
const KNOWN_WORD_COUNT = 20;
/** Log-probability cost of each edit: a typo is this much less likely than the word itself. */
const EDIT_COST = Math.log(1000);
/** Log-probability cost of an abbreviation reading, per letter left out. */
const OMITTED_LETTER_COST = Math.log(4);
/**
 * Longest word given readings. Dictionary words stop near 30 letters; a longer token is a code,
 * a URL or noise, and reading it costs time that grows with its square (every split point, every
 * near word).
 */
const MAX_READ_LENGTH = 40;
/** Readings kept per word. */
const MAX_READINGS = 2;
/** Longest abbreviation read, and longest word it may stand for, relative to it. */
const MAX_ABBREVIATION = 6;
const ABBREVIATION_STRETCH = 3.5;

/** True when `short` is `long` with letters left out, starting with the same letter. */
export function isAbbreviationOf(short: string, long: string): boolean {
  if (short.length < 2 || long.length <= short.length || short[0] !== long[0]) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}

/** True for a word the speller leaves alone: English, in the documents, a number or too short. */
function isKnown(word: string, vocabulary: SpellingVocabulary): boolean {
  return (
    word.length < 2 ||
    /\d/.test(word) ||
    englishCount(word) >= KNOWN_WORD_COUNT ||
    vocabulary.inCorpus(word)
  );
}

/**
 * Log prior of a candidate word: English frequency, raised for words the documents use (function
 * words count as used: every text has them).
 */
function prior(word: string, vocabulary: SpellingVocabulary): number {
  const inCorpus = vocabulary.inCorpus(word) || isStopWord(word) ? 1 : 0;
  return Math.log(englishProbability(word.split(' ')[0] as string)) + inCorpus * EDIT_COST;
}

/**
 * The likeliest readings of a word, best first; empty when the word is taken as written (known
 * English, a word of the documents, a number) or nothing plausible is near it.
 *
 * @example
 * readWord('brigde', vocabulary) // => [{ text: 'bridge', how: 'typo' }]
 */
export function readWord(word: string, vocabulary: SpellingVocabulary): Reading[] {
  if (word.length > MAX_READ_LENGTH || isKnown(word, vocabulary)) return [];
  const scored = new Map<string, { reading: Reading; score: number }>();
  const offer = (reading: Reading, score: number) => {
    const old = scored.get(reading.text);
    if (!old || old.score < score) scored.set(reading.text, { reading, score });
  };
  const maxDistance = word.length <= 4 ? 1 : 2;
  const near = new Map<string, number>([
    ...nearEnglishWords(word, maxDistance),
    ...vocabulary.nearCorpusWords(word, maxDistance),
  ]);
  for (const [candidate, distance] of near) {
    if (candidate === word) continue;
    offer({ text: candidate, how: 'typo' }, prior(candidate, vocabulary) - EDIT_COST * distance);
  }
  if (word.length <= MAX_ABBREVIATION) {
    for (const candidate of abbreviationCandidates(word, vocabulary)) {
      const omitted = candidate.length - word.length;
      offer(
        { text: candidate, how: 'abbreviation' },
        prior(candidate, vocabulary) - OMITTED_LETTER_COST * omitted,
      );
    }
  }
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const left = word.slice(0, cut);
    const right = word.slice(cut);
    if (isWord(left, vocabulary) && isWord(right, vocabulary)) {
      offer(
        { text: `${left} ${right}`, how: 'compound' },
        prior(left, vocabulary) + prior(right, vocabulary),
      );
    }
  }
  return [...scored.values()]
    .sort((a, b) => b.score - a.score || (a.reading.text < b.reading.text ? -1 : 1))
    .slice(0, MAX_READINGS)
    .map((s) => s.reading);
}

/**
 * The question word a chat spelling means, when the noisy channel prefers it to the word as
 * written: "wen" is English (a cyst) but, in a question, "when" one keystroke away is likelier.
 * `questionWords` gives each question word's probability among the words of questions (learned
 * by `npm run train`); a word of the documents is always taken as written.
 *
 * @example
 * readQuestionWord('wen', vocabulary, new Map([['when', 0.0065]])) // => 'when'
 */
export function readQuestionWord(
  word: string,
  vocabulary: SpellingVocabulary,
  questionWords: ReadonlyMap<string, number>,
): string | undefined {
  if (questionWords.has(word) || vocabulary.inCorpus(word)) return undefined;
  // Only words of about a question word's length are one edit from one, so no token is too long.
  let best: string | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [candidate, p] of questionWords) {
    if (!isOneEditApart(word, candidate)) continue;
    const score = Math.log(p) - EDIT_COST;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore > Math.log(englishProbability(word)) ? best : undefined;
}

/** True when one insertion, deletion or substitution turns `a` into `b` (not when equal). */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // After the first difference the rest must match, skipping one letter of the longer word.
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function isWord(word: string, vocabulary: SpellingVocabulary): boolean {
  return englishCount(word) >= KNOWN_WORD_COUNT || vocabulary.inCorpus(word);
}

/** Words of the documents and common English words that `word` abbreviates. */
function abbreviationCandidates(word: string, vocabulary: SpellingVocabulary): string[] {
  const found: string[] = [];
  const longest = Math.ceil(word.length * ABBREVIATION_STRETCH);
  for (const candidate of vocabulary.corpusWordsStartingWith(word[0] as string)) {
    if (candidate.length <= longest && isAbbreviationOf(word, candidate)) found.push(candidate);
  }
  for (const candidate of commonWordsStartingWith(word[0] as string)) {
    if (candidate.length <= longest && isAbbreviationOf(word, candidate)) found.push(candidate);
  }
  return found;
}

let byLetter: Map<string, string[]> | undefined;

/** Common English words (see {@link KNOWN_WORD_COUNT}) by first letter. */
function commonWordsStartingWith(letter: string): readonly string[] {
  if (!byLetter) {
    byLetter = new Map();
    for (const [w, count] of englishWords()) {
      if (count < KNOWN_WORD_COUNT || !/^[a-z]+$/.test(w)) continue;
      const list = byLetter.get(w[0] as string) ?? [];
      list.push(w);
      byLetter.set(w[0] as string, list);
    }
  }
  return byLetter.get(letter) ?? [];
}
