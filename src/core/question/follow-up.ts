import type { QuestionAnalysis } from './analyze.ts';

/**
 * Whether a question in a conversation leans on the one before it ("and on sundays?", "who said
 * that?") or stands alone ("how many workers struck?"). Decided by a fitted model over a few
 * cues, never by length alone, so "hi" or an unrelated new question does not drag the last topic in.
 */

/** Openers that continue the previous question (English discourse markers). */
const OPENER = /^(?:and|but|also|plus|what about|how about|what of|same|then|so|ok so|or)\b/;
/** Pronouns and pro-forms that point back. */
const POINTER =
  /\b(?:it|its|that|this|those|these|they|them|their|there|he|she|his|her|him|then|else|same|other)\b/;
/** A full question opens with a question word or an auxiliary verb. */
const FULL_QUESTION =
  /^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|has|have|had|should)\b/;
/** Own concepts at which a question counts as long (no longer a fragment). */
const LONG_QUESTION = 5;

/** Names of the follow-up features, in model order. */
export const FOLLOW_UP_FEATURES = [
  'opener',
  'pointer',
  'full-question',
  'shortness',
  'shared-concepts',
  'untyped',
] as const;

/**
 * The follow-up features of a question (analysed on its own) after a previous one.
 *
 * @example
 * followUpFeatures(analyze('and on sundays?'), analyze('how many ferries cross the bay?'))[0] // => 1
 */
export function followUpFeatures(question: QuestionAnalysis, previous: QuestionAnalysis): number[] {
  const text = question.corrected;
  const own = question.concepts.filter((c) => !c.carried);
  const before = new Set(previous.concepts.map((c) => c.terms.join(' ')));
  const shared = own.filter((c) => before.has(c.terms.join(' '))).length;
  return [
    OPENER.test(text) ? 1 : 0,
    POINTER.test(text) ? 1 : 0,
    FULL_QUESTION.test(text) ? 1 : 0,
    1 - Math.min(1, own.length / LONG_QUESTION),
    own.length > 0 ? shared / own.length : 0,
    question.type === 'other' ? 1 : 0,
  ];
}
