/**
 * Renders an engine {@link Answer} as a Discord message payload: one embed with the answer and
 * its numbered, quoted citations, within every Discord limit, pinging no one.
 */
import {
  type APIEmbed,
  type APIEmbedField,
  escapeMarkdown,
  type PermissionsString,
} from 'discord.js';
import type { Answer, Citation } from '../../core/types.ts';

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

/** A message payload accepted by `reply`, `editReply`, `followUp` and `channel.send`. */
export interface DiscordReply {
  /** Plain message text; set for the short "not in the documents" replies. */
  content?: string;
  /** Zero or one embed holding the answer and its sources. */
  embeds: APIEmbed[];
  /** Always parses nothing, so `@everyone`, roles or users in a question ping no one. */
  allowedMentions: { parse: []; repliedUser: false };
}

/** Options for {@link formatDiscordReply}. */
export interface DiscordFormatOptions {
  /** Most citations shown as embed fields (Discord allows 25). Default 10. */
  maxCitations: number;
  /** Embed side colour. Default `0x2f6f4f`. */
  color: number;
  /** Longest answer text in the embed description when there are citations. Default 3,000. */
  maxAnswerLength: number;
}

/** Defaults for {@link DiscordFormatOptions}. */
export const defaultOptions: DiscordFormatOptions = {
  maxCitations: 10,
  color: 0x2f6f4f,
  maxAnswerLength: 3000,
};

/** Said when the engine gives no text of its own for an unanswered question. */
const FALLBACK_ABSTAIN =
  "I couldn't find that in the documents. They cover the Kaiser Permanente mental health strikes and bargaining, 2018 to 2024.";

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

/** Only http(s) links are shown; anything else (javascript:, data:) is dropped. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `— Publisher, 2024-10-14 · [Read the source](url)`, or '' when nothing is known. */
function sourceLine(citation: Citation): string {
  const parts: string[] = [];
  const by = [citation.publisher, citation.date]
    .filter((s): s is string => Boolean(s?.trim()))
    .map(escapeDiscordText)
    .join(', ');
  if (by) parts.push(`— ${by}`);
  const url = safeUrl(citation.url);
  // Angle brackets around a URL would end the masked link early; they never occur in a parsed href.
  if (url) parts.push(`[Read the source](${url.replace(/[()]/g, encodeURIComponent)})`);
  return parts.join(' · ');
}

/** One embed field per citation: `[n] Title`, then the quoted snippet and its source line. */
function citationField(citation: Citation): APIEmbedField {
  const title = escapeDiscordText(citation.title) || 'Untitled source';
  const name = truncateText(`[${citation.n}] ${title}`, DISCORD_LIMITS.fieldName);
  const source = sourceLine(citation);
  const snippetRoom = DISCORD_LIMITS.fieldValue - 2 - (source ? source.length + 1 : 0);
  const snippet = escapeDiscordText(citation.snippet) || '(no quote)';
  const quote = `> ${truncateText(snippet, snippetRoom)}`;
  return { name, value: source ? `${quote}\n${source}` : quote };
}

/** Sum of the embed parts Discord counts towards its 6,000-character total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * Renders an answer for Discord. An answered question becomes one embed: the question as title,
 * the answer text (which refers to sources as [1], [2]) as description, and one field per
 * citation with the quoted snippet, source title, publisher, date and link. An unanswered one
 * becomes a short plain message that says what the documents cover. User and document text is
 * markdown-escaped; every length fits Discord's limits and `allowedMentions` parses nothing.
 *
 * @example
 * const answer = engine.answer('How many workers struck in Southern California?');
 * await interaction.editReply(formatDiscordReply(answer));
 */
export function formatDiscordReply(
  answer: Answer,
  options: Partial<DiscordFormatOptions> = {},
): DiscordReply {
  const { maxCitations, color, maxAnswerLength } = { ...defaultOptions, ...options };
  const allowedMentions = { parse: [] as [], repliedUser: false as const };

  // The engine words its refusals (short, and naming what the documents cover); they go out as plain text.
  if (!answer.answered || answer.citations.length === 0) {
    const content = escapeDiscordLines(answer.text) || FALLBACK_ABSTAIN;
    return { content: truncateText(content, DISCORD_LIMITS.content), embeds: [], allowedMentions };
  }

  const title = truncateText(escapeDiscordText(answer.question), DISCORD_LIMITS.embedTitle);
  const shown = answer.citations.slice(0, Math.min(maxCitations, DISCORD_LIMITS.fields));
  const hidden = answer.citations.length - shown.length;
  const footer = hidden > 0 ? `${hidden} more source${hidden === 1 ? '' : 's'} not shown` : '';
  const descriptionLimit = Math.min(maxAnswerLength, DISCORD_LIMITS.embedDescription);
  const description = truncateText(escapeDiscordLines(answer.text), descriptionLimit) || '\u200b';

  // Fields go in while they fit the 6,000 total; the last one that does not fit is shortened.
  let room = DISCORD_LIMITS.embedTotal - title.length - description.length - footer.length;
  const fields: APIEmbedField[] = [];
  for (const citation of shown) {
    const field = citationField(citation);
    const size = field.name.length + field.value.length;
    if (size <= room) {
      fields.push(field);
      room -= size;
      continue;
    }
    const valueRoom = room - field.name.length;
    if (valueRoom >= 40)
      fields.push({ name: field.name, value: truncateText(field.value, valueRoom) });
    break;
  }

  const embed: APIEmbed = { color, description, fields };
  if (title) embed.title = title;
  if (footer) embed.footer = { text: footer };
  return { embeds: [embed], allowedMentions };
}

/**
 * Names a thread after the question: whitespace folded, cut to Discord's 100-character limit,
 * "Question" when nothing is left. Thread names are not markdown, so nothing is escaped.
 *
 * @example
 * threadNameFor('  why are   they striking? '); // 'why are they striking?'
 */
export function threadNameFor(question: string): string {
  const name = question.replace(/\s+/g, ' ').trim();
  return truncateText(name, DISCORD_LIMITS.threadName) || 'Question';
}

/** The permissions the bot asks for, named as Discord's channel settings show them. */
const PERMISSION_LABELS: Partial<Record<PermissionsString, string>> = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  CreatePublicThreads: 'Create Public Threads',
  EmbedLinks: 'Embed Links',
  ReadMessageHistory: 'Read Message History',
};

/**
 * Says what the bot could not do in a channel, which permissions it needs there and who can grant
 * them. The channel is a `<#id>` mention, which Discord shows as the channel's name.
 *
 * @example
 * permissionGuidance("I couldn't answer", '42', ['SendMessages']);
 * // "I couldn't answer in <#42>: I need the Send Messages permission there. A server admin can grant it to me in the channel's settings (Permissions)."
 */
export function permissionGuidance(
  what: string,
  channelId: string,
  permissions: readonly PermissionsString[],
): string {
  const names = permissions.map((p) => PERMISSION_LABELS[p] ?? p);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  const [noun, pronoun] = names.length > 1 ? ['permissions', 'them'] : ['permission', 'it'];
  return `${what} in <#${channelId}>: I need the ${list} ${noun} there. A server admin can grant ${pronoun} to me in the channel's settings (Permissions).`;
}

/**
 * `reply` with `notice` as its text, above the answer; a plain-text answer follows the notice,
 * shortened to fit Discord's 2,000-character message limit.
 *
 * @example
 * withNotice(formatDiscordReply(answer), permissionGuidance("I couldn't answer", id, missing));
 */
export function withNotice(reply: DiscordReply, notice: string): DiscordReply {
  const room = DISCORD_LIMITS.content - notice.length - 2;
  const content = reply.content ? `${notice}\n\n${truncateText(reply.content, room)}` : notice;
  return { ...reply, content };
}
