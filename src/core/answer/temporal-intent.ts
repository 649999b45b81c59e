import { normalizeText } from '../index/text.ts';

/**
 * Whether a question asks about the present ("is the strike still on?"), so the newest documents
 * that answer it should come first and the answer should say how recent they are.
 */

/** `present`: the question asks how things stand now; `none`: it sets no time. */
export type TemporalIntent = 'present' | 'none';

/** Words and phrasings that ask about now, on normalised text. */
const PRESENT = [
  /\b(?:still|currently|current|now|nowadays|latest|newest|recent|recently|ongoing|anymore|today)\b/,
  /\b(?:right now|these days|at the moment|as of|so far|any more|up to date)\b/,
  /\b(?:yet)\s*\??$/,
  /\bis (?:it|that|this|the \w+(?: \w+)?) (?:over|done|finished|ended|settled|happening|going on|on)\b/,
  /\b(?:has|have|did) (?:it|they|the \w+(?: \w+)?) (?:end|ended|finish|finished|stop|stopped|settle|settled)\b/,
  // A yes/no question in the present progressive ("are they picketing?") asks what goes on now;
  // "are the striking nurses paid?" is not one ("striking" describes the nurses).
  /^are (?:they|the \w+(?: \w+)?|(?!the\b|a\b|an\b|these\b|those\b)\w+) \w+ing\b/,
  /\bwhat(?:'s| is) (?:happening|going on|the status)\b/,
];

/**
 * Reads whether a question is about the present.
 *
 * @example
 * detectTemporalIntent('is the strike still on?') // => 'present'
 * detectTemporalIntent('how long did the strike last?') // => 'none'
 */
export function detectTemporalIntent(question: string): TemporalIntent {
  const text = normalizeText(question).trim();
  return PRESENT.some((pattern) => pattern.test(text)) ? 'present' : 'none';
}

/** Words that set the time of a question about the present, not what it is about. */
const TIME_WORDS =
  /\b(?:right now|these days|at the moment|at present|as of (?:now|today)|so far|any ?more|still|currently|current|nowadays|now|today|presently|latest|newest|most recent|recently|yet)\b/giu;

/**
 * A question about the present without the words that only set its time ("is the strike still
 * on?" → "is the strike on?"), so the ranking weighs what it asks about, not "still" or "now";
 * the answer then prefers the newest documents. The question is returned as it is when nothing
 * else would be left.
 *
 * @example
 * withoutTimeWords('Is the strike still on right now?') // => 'Is the strike on?'
 */
export function withoutTimeWords(question: string): string {
  const stripped = question
    .replace(TIME_WORDS, ' ')
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+/, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : question;
}
