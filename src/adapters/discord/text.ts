/**
 * Discord's text limits, and how strikebot escapes and cuts text to show it exactly as written
 * within them.
 */
import { escapeMarkdown } from 'discord.js';

/** Discord's message and embed limits, in UTF-16 code units (never fewer than Discord counts). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  embedTotal: 6000,
  threadName: 100,
} as const;

/**
 * Cuts `text` to at most `max` UTF-16 code units, ending with "…" when cut. Never splits a
 * surrogate pair and never leaves a dangling escape backslash before the ellipsis.
 *
 * @example
 * truncateText('abcdef', 4); // 'abc…'
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  // An odd run of trailing backslashes would escape the ellipsis; drop one.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Escapes Discord markdown (bold, code, headings, lists, masked links...) and folds runs of
 * whitespace into single spaces, so quoted text shows exactly as written on one line.
 *
 * @example
 * escapeDiscordText('**loud** @everyone'); // '\\*\\*loud\\*\\* @everyone'
 */
export function escapeDiscordText(text: string): string {
  // discord.js's escapeMarkdown is slow on long text (30 s for 100 KB). Nothing Discord shows is
  // longer than an embed description and escaping never shortens, so a longer input is cut first;
  // every caller truncates the result to its own limit with an ellipsis.
  const oneLine = truncateText(
    text.replace(/\s+/g, ' ').trim(),
    DISCORD_LIMITS.embedDescription + 1,
  );
  const escaped = escapeMarkdown(oneLine, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  // escapeMarkdown leaves block quotes alone; a leading ">" would quote the whole line.
  return escaped.replace(/^>/, '\\>');
}

/** {@link escapeDiscordText} line by line, keeping the text's line breaks (blank lines dropped). */
export function escapeDiscordLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map(escapeDiscordText)
    .filter((line) => line !== '')
    .join('\n');
}
