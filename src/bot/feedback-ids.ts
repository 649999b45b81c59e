/**
 * The ids the buttons under an answer carry (a Discord `custom_id`, a Slack `action_id`):
 * `strikebot:<kind>:<answerId>`. They hold everything a click needs, so a button on an answer
 * from before a restart still works.
 */
import type { FeedbackAction } from './incoming.ts';

/** The three buttons under an answer. */
export type FeedbackButton = 'helpful' | 'not-helpful' | 'context';

/** Prefix of every button id. */
const FEEDBACK_PREFIX = 'strikebot:';

/** Answer ids are letters, digits, `-` and `_`, at most 64 characters. */
const ANSWER_ID = /^[\w-]{1,64}$/;

/**
 * The id of `button` under answer `answerId` (at most 85 characters: Discord allows 100).
 *
 * @example
 * feedbackId('helpful', '1f0c'); // 'strikebot:helpful:1f0c'
 */
export function feedbackId(button: FeedbackButton, answerId: string): string {
  return `${FEEDBACK_PREFIX}${button}:${answerId}`;
}

/**
 * The click a button id stands for, or undefined when it is not one of ours or malformed.
 *
 * @example
 * parseFeedbackId('strikebot:context:1f0c'); // { kind: 'context', answerId: '1f0c' }
 */
export function parseFeedbackId(id: unknown): FeedbackAction | undefined {
  if (typeof id !== 'string' || !id.startsWith(FEEDBACK_PREFIX)) return undefined;
  const [button, answerId = ''] = id.slice(FEEDBACK_PREFIX.length).split(':', 2);
  if (!ANSWER_ID.test(answerId)) return undefined;
  if (button === 'helpful' || button === 'not-helpful') {
    return { kind: 'vote', answerId, vote: button };
  }
  return button === 'context' ? { kind: 'context', answerId } : undefined;
}
