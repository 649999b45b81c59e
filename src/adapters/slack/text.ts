/**
 * Slack's Block Kit limits and the blocks strikebot sends, and how it escapes and cuts text to
 * show it exactly as written within them.
 */

/** Slack rejects section texts of 3,000 characters or more; we stay below. */
export const MAX_SECTION_CHARS = 2900;
/** Slack rejects messages of 50 blocks or more; we stay below. */
export const MAX_BLOCKS = 49;
/** Fallback `text` (shown in notifications) is cut at this length. */
export const MAX_FALLBACK_CHARS = 2900;

/** A Block Kit text object as strikebot sends it. */
export interface SlackText {
  type: 'mrkdwn';
  text: string;
  /** Always true: Slack must not turn user text into links or mentions. */
  verbatim: true;
}

/** A Block Kit button as strikebot sends it (text label, for screen readers). */
export interface SlackButton {
  type: 'button';
  text: { type: 'plain_text'; text: string };
  action_id: string;
  value: string;
}

/** The Block Kit blocks strikebot sends. */
export type SlackBlock =
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id: string; elements: SlackButton[] };

/** A message ready for `chat.postMessage` or a `response_url`. */
export interface SlackMessage {
  /** Plain-text fallback for notifications and clients without Block Kit (escaped like mrkdwn). */
  text: string;
  blocks: SlackBlock[];
}

/**
 * Escapes the three characters Slack's markup reserves (`&`, `<`, `>`) and breaks the plain
 * `@channel`, `@here` and `@everyone` words with a zero-width space, so no text of ours can
 * mention anyone or make a link.
 *
 * @example
 * escapeSlackText('<!channel> A&B @here'); // '&lt;!channel&gt; A&amp;B @\u200bhere'
 */
export function escapeSlackText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u200b$1');
}

/**
 * Cuts already-escaped text to at most `max` characters, ending with `…` when cut. Never splits an
 * entity such as `&amp;` or a surrogate pair.
 */
export function truncateSlackText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const amp = text.lastIndexOf('&', end);
  // `&amp;` is the longest entity we emit (5 characters): back off if the cut lands inside one.
  if (amp !== -1 && end - amp < 5 && !text.slice(amp, end).includes(';')) end = amp;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A section block showing `text` (already escaped), cut below Slack's 3,000 characters. */
export function sectionBlock(text: string): SlackBlock {
  const body = text.trim() === '' ? '\u200b' : text;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateSlackText(body, MAX_SECTION_CHARS), verbatim: true },
  };
}
