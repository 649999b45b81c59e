/**
 * Renders `/sources` for Discord: one embed whose title counts the documents, whose description
 * lists the refused files and the documents of the page asked for, and whose footer says when the
 * index was rebuilt and how to see the next page. Pages are cut to Discord's limits.
 */
import type { APIEmbed } from 'discord.js';
import type { SourcesReply } from '../../bot/reply.ts';
import { pickPage, type SourcesMarkup, sourcesLines } from '../../bot/sources-lines.ts';
import { pageText } from '../../bot/wording.ts';
import { PAGE_OPTION } from './commands.ts';
import { DISCORD_LIMITS, escapeDiscordText, truncateText } from './text.ts';

/** Side colour of the sources embed (the answers' green). */
const SOURCES_COLOR = 0x2f6f4f;

/** Discord markdown: escaped text, bold titles, details on the next line. */
const discordMarkup: SourcesMarkup = {
  escape: escapeDiscordText,
  strong: (text) => `**${text}**`,
  truncate: truncateText,
  detailPrefix: '',
  refusedPrefix: '• ',
};

/** A sources message: the embed, and no one pinged. */
export interface DiscordSourcesMessage {
  embeds: [APIEmbed];
  allowedMentions: { parse: []; repliedUser: false };
}

/**
 * Renders the page of `/sources` asked for (the last page when a later one was asked). Each page
 * holds as many entries as fit the embed description (4,096 characters); the embed stays within
 * Discord's 6,000-character total.
 *
 * @example
 * await interaction.reply({ ...formatDiscordSources({ kind: 'sources', sources, page: 1, command: '/sources' }), flags: MessageFlags.Ephemeral });
 */
export function formatDiscordSources(reply: SourcesReply): DiscordSourcesMessage {
  const lines = sourcesLines(reply.sources, discordMarkup);
  const shown = pickPage(
    lines.entries,
    { size: (entry) => entry.length, maxSize: DISCORD_LIMITS.embedDescription, separator: 1 },
    reply.page,
  );
  const next =
    shown.page < shown.pages ? `${reply.command} ${PAGE_OPTION}:${shown.page + 1}` : undefined;
  const footer =
    shown.pages > 1
      ? `${lines.rebuilt} · ${pageText(shown.page, shown.pages, next)}`
      : lines.rebuilt;
  const embed: APIEmbed = {
    color: SOURCES_COLOR,
    title: truncateText(lines.heading, DISCORD_LIMITS.embedTitle),
    description: truncateText(shown.entries.join('\n'), DISCORD_LIMITS.embedDescription),
    // Footers show plain text: the rebuilt time and page carry no markdown.
    footer: { text: truncateText(footer, DISCORD_LIMITS.footerText) },
  };
  return { embeds: [embed], allowedMentions: { parse: [], repliedUser: false } };
}
