/**
 * Renders an engine {@link Answer} as a Discord message payload: one embed with the answer and
 * its numbered, quoted citations, within every Discord limit, pinging no one.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type PermissionsString,
} from 'discord.js';
import { type FeedbackButton, feedbackId } from '../../bot/feedback-ids.ts';
import { packRuns } from '../../bot/pack-runs.ts';
import {
  type ContextPassage,
  hasContext,
  hasFeedback,
  type Reply,
  type TimelineReply,
} from '../../bot/reply.ts';
import { safeUrl } from '../../bot/safe-url.ts';
import { describeTimelineEvent } from '../../bot/timeline.ts';
import {
  BUTTON_LABELS,
  CONTEXT_HEADING,
  moreSourcesText,
  NO_QUOTE,
  NOT_FOUND_FALLBACK,
  permissionText,
  READ_SOURCE,
  timelineEmptyText,
  timelineHeading,
  timelineMoreText,
  UNDATED,
  UNTITLED_SOURCE,
  unsureOpening,
} from '../../bot/wording.ts';
import { attributeSnippet } from '../../core/answer/speaker-label.ts';
import type { Answer, Citation } from '../../core/types.ts';
import { formatDiscordSources } from './format-sources.ts';
import { DISCORD_LIMITS, escapeDiscordLines, escapeDiscordText, truncateText } from './text.ts';

export { DISCORD_LIMITS, escapeDiscordLines, escapeDiscordText, truncateText } from './text.ts';

/** A message payload accepted by `reply`, `editReply`, `followUp` and `channel.send`. */
export interface DiscordReply {
  /** Plain message text; set for the short "not in the documents" replies. */
  content?: string;
  /** Zero or one embed holding the answer and its sources. */
  embeds: APIEmbed[];
  /** Always parses nothing, so `@everyone`, roles or users in a question ping no one. */
  allowedMentions: { parse: []; repliedUser: false };
  /** The Helpful / Not helpful / Show context buttons under an answer. */
  components?: APIActionRowComponent<APIButtonComponent>[];
}

/** Any message payload strikebot sends: a {@link DiscordReply}, or a text without embeds. */
export type DiscordPayload = Omit<DiscordReply, 'embeds'> & { embeds?: APIEmbed[] };

/** Replies never ping anyone, whatever their text holds. */
export const NO_MENTIONS: DiscordReply['allowedMentions'] = { parse: [], repliedUser: false };

/** Options for {@link formatDiscordReply}. */
export interface DiscordFormatOptions {
  /** Most citations shown as embed fields (Discord allows 25). Default 10. */
  maxCitations: number;
  /** Embed side colour. Default `0x2f6f4f`. */
  color: number;
  /** Longest answer text in the embed description when there are citations. Default 3,000. */
  maxAnswerLength: number;
  /** Embed side colour of a "closest passages" (unsure) reply. Default `0xb7791f` (amber). */
  unsureColor: number;
  /** The embed title; default the engine's reading of the question. */
  title: string | undefined;
}

/** Defaults for {@link DiscordFormatOptions}. */
export const defaultOptions: DiscordFormatOptions = {
  maxCitations: 10,
  color: 0x2f6f4f,
  maxAnswerLength: 3000,
  unsureColor: 0xb7791f,
  title: undefined,
};

/** Longest speaker description shown before a quote (labels and names are short; data may not be). */
const MAX_SPEAKER_LENGTH = 200;

/** `— Publisher, 2024-10-14 · [Read the source](url)` (the date "undated" when unknown). */
function sourceLine(citation: Citation): string {
  const parts: string[] = [];
  const by = [citation.publisher, citation.date ?? UNDATED]
    .filter((s): s is string => Boolean(s?.trim()))
    .map(escapeDiscordText)
    .join(', ');
  if (by) parts.push(`— ${by}`);
  const url = safeUrl(citation.url);
  // Angle brackets around a URL would end the masked link early; they never occur in a parsed href.
  if (url) parts.push(`[${READ_SOURCE}](${url.replace(/[()]/g, encodeURIComponent)})`);
  return parts.join(' · ');
}

/**
 * One embed field per citation: `[n] Title`, then who says it and the quoted snippet
 * (`> Union (NUHW): “…”`), then its source line.
 */
function citationField(citation: Citation): APIEmbedField {
  const title = escapeDiscordText(citation.title) || UNTITLED_SOURCE;
  const name = truncateText(`[${citation.n}] ${title}`, DISCORD_LIMITS.fieldName);
  const source = sourceLine(citation);
  const attribute = (snippet: string) =>
    attributeSnippet(snippet, citation.speaker, citation.publisher, (words) =>
      truncateText(escapeDiscordText(words), MAX_SPEAKER_LENGTH),
    );
  // Room for the snippet: the field less the "> ", the speaker's words, quote marks and source.
  const frame = attribute('').length;
  const snippetRoom = DISCORD_LIMITS.fieldValue - 2 - frame - (source ? source.length + 1 : 0);
  const snippet = escapeDiscordText(citation.snippet) || NO_QUOTE;
  const quote = `> ${attribute(truncateText(snippet, snippetRoom))}`;
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
 * Renders an answer for Discord. A confident answer becomes one embed: the question as title,
 * the answer text (which refers to sources as [1], [2]) as description, and one field per
 * citation with the quoted snippet, source title, publisher, date and link. When the engine is
 * unsure, the embed is amber and opens with "I'm not sure the documents answer this exactly;
 * these passages come closest:" above the same numbered, quoted passages. Not found becomes a
 * short plain message that says what the documents cover. User and document text is
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
  const {
    maxCitations,
    color,
    maxAnswerLength,
    unsureColor,
    title: asked,
  } = {
    ...defaultOptions,
    ...options,
  };
  const allowedMentions = NO_MENTIONS;
  const unsure = !answer.answered && answer.reason === 'unsure' && answer.citations.length > 0;

  // The engine words its refusals (short, and naming what the documents cover); they go out as plain text.
  if (!unsure && (!answer.answered || answer.citations.length === 0)) {
    const content = escapeDiscordLines(answer.text) || NOT_FOUND_FALLBACK;
    return { content: truncateText(content, DISCORD_LIMITS.content), embeds: [], allowedMentions };
  }

  const title = truncateText(
    escapeDiscordText(asked ?? answer.question),
    DISCORD_LIMITS.embedTitle,
  );
  const shown = answer.citations.slice(0, Math.min(maxCitations, DISCORD_LIMITS.fields));
  const hidden = answer.citations.length - shown.length;
  const footer = hidden > 0 ? moreSourcesText(hidden) : '';
  const descriptionLimit = Math.min(maxAnswerLength, DISCORD_LIMITS.embedDescription);
  const description = unsure
    ? unsureOpening(answer)
    : truncateText(escapeDiscordLines(answer.text), descriptionLimit) || '\u200b';

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

  const embed: APIEmbed = { color: unsure ? unsureColor : color, description, fields };
  if (title) embed.title = title;
  if (footer) embed.footer = { text: footer };
  return { embeds: [embed], allowedMentions };
}

/** The row of buttons under an answer: Helpful, Not helpful and (when it quotes) Show context. */
function feedbackRow(
  answerId: string,
  withContext: boolean,
): APIActionRowComponent<APIButtonComponent> {
  const button = (kind: FeedbackButton, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: feedbackId(kind, answerId),
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button('helpful', BUTTON_LABELS.helpful),
      button('not-helpful', BUTTON_LABELS.notHelpful),
      ...(withContext ? [button('context', BUTTON_LABELS.context)] : []),
    ],
  };
}

/** Cuts `text` from its start, keeping its end, with "…" in front when cut. */
function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = text.slice(text.length - (max - 1));
  const first = cut.charCodeAt(0);
  if (first >= 0xdc00 && first <= 0xdfff) cut = cut.slice(1);
  return `…${cut}`;
}

/** One embed per passage: the cited snippet in bold between the sentences around it. */
function contextEmbeds(passages: readonly ContextPassage[]): APIEmbed[] {
  const shown = passages.slice(0, 10);
  // Discord's 6,000 total is shared by every embed of the message; the heading takes some.
  const per = Math.floor((DISCORD_LIMITS.embedTotal - CONTEXT_HEADING.length) / shown.length);
  return shown.map((passage) => {
    const { citation } = passage;
    const title = truncateText(
      `[${passage.n}] ${escapeDiscordText(citation.title) || UNTITLED_SOURCE}`,
      DISCORD_LIMITS.embedTitle,
    );
    const source = sourceLine(citation as Citation);
    const room = Math.min(DISCORD_LIMITS.embedDescription, per - title.length) - source.length - 1;
    const snippet = truncateText(escapeDiscordText(passage.snippet), Math.max(room - 8, 20));
    const side = Math.max(0, Math.floor((room - snippet.length - 6) / 2));
    const before = keepEnd(escapeDiscordText(passage.before), side);
    const after = truncateText(escapeDiscordText(passage.after), side);
    const quote = `${before}${before ? ' ' : ''}**${snippet}**${after ? ' ' : ''}${after}`;
    return { title, description: source ? `${quote}\n${source}` : quote };
  });
}

/**
 * A timeline as one embed: the heading as title, one event a line in the description (as many as
 * fit Discord's 4,096 characters), and a footer saying how many more there are.
 */
function timelineEmbed(reply: TimelineReply): DiscordPayload {
  const allowedMentions = NO_MENTIONS;
  if (reply.events.length === 0) {
    const content = escapeDiscordText(timelineEmptyText(reply.query));
    return { content: truncateText(content, DISCORD_LIMITS.content), allowedMentions };
  }
  const title = truncateText(
    escapeDiscordText(timelineHeading(reply.query, reply.events.length)),
    DISCORD_LIMITS.embedTitle,
  );
  const [lines = []] = packRuns(
    reply.events.map((event) =>
      truncateText(
        describeTimelineEvent(event, escapeDiscordText),
        DISCORD_LIMITS.embedDescription,
      ),
    ),
    { size: (line) => line.length, maxSize: DISCORD_LIMITS.embedDescription, separator: 1 },
  );
  const hidden = reply.events.length - lines.length;
  const embed: APIEmbed = { color: defaultOptions.color, title, description: lines.join('\n') };
  if (hidden > 0) embed.footer = { text: timelineMoreText(hidden) };
  return { embeds: [embed], allowedMentions };
}

/**
 * Renders any bot reply for Discord: an answer with its buttons (Helpful, Not helpful, and Show
 * context when it quotes something), a short text, a timeline, the private "Show context"
 * passages, or the list of sources.
 *
 * @example
 * await interaction.editReply(renderDiscordReply(reply));
 */
export function renderDiscordReply(reply: Reply): DiscordPayload {
  const allowedMentions = NO_MENTIONS;
  if (reply.kind === 'text') {
    return {
      content: truncateText(reply.text, DISCORD_LIMITS.content),
      allowedMentions,
    };
  }
  if (reply.kind === 'context') {
    return { content: CONTEXT_HEADING, embeds: contextEmbeds(reply.passages), allowedMentions };
  }
  if (reply.kind === 'sources') return formatDiscordSources(reply);
  if (reply.kind === 'timeline') return timelineEmbed(reply);
  const message = formatDiscordReply(reply.answer, { title: reply.asked });
  if (!hasFeedback(reply)) return message;
  return { ...message, components: [feedbackRow(reply.answerId, hasContext(reply))] };
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
  return permissionText(
    what,
    `<#${channelId}>`,
    permissions.map((p) => PERMISSION_LABELS[p] ?? p),
  );
}

/**
 * `reply` with `notice` as its text, above the answer; a plain-text answer follows the notice,
 * shortened to fit Discord's 2,000-character message limit.
 *
 * @example
 * withNotice(formatDiscordReply(answer), permissionGuidance("I couldn't answer", id, missing));
 */
export function withNotice<T extends DiscordPayload>(reply: T, notice: string): T {
  const room = DISCORD_LIMITS.content - notice.length - 2;
  const content = reply.content ? `${notice}\n\n${truncateText(reply.content, room)}` : notice;
  return { ...reply, content };
}
