/**
 * Renders `/sources` for Slack: a section with the count of documents and when the index was
 * rebuilt, sections listing the refused files and the documents of the page asked for, and a
 * context line saying how to see the next page. Pages are cut to Slack's limits.
 */

import { packRuns } from '../../bot/pack-runs.ts';
import type { SourcesReply } from '../../bot/reply.ts';
import { pickPage, type SourcesMarkup, sourcesLines } from '../../bot/sources-lines.ts';
import { pageText } from '../../bot/wording.ts';
import {
  escapeSlackText,
  MAX_SECTION_CHARS,
  type SlackBlock,
  type SlackMessage,
  sectionBlock,
  truncateSlackText,
} from './text.ts';

/**
 * Most characters of section text in one page. `chat.postMessage` refuses messages whose blocks
 * hold about 12,000 characters or more in all (`msg_blocks_too_long`; undocumented, reported in
 * slackapi/bolt-js#2509 and #2867), well before 50 sections of 3,000; a page stays below that.
 */
const MAX_PAGE_CHARS = 11_000;

/** Slack mrkdwn: escaped text, bold titles, details on the next line. */
const slackMarkup: SourcesMarkup = {
  escape: escapeSlackText,
  // mrkdwn has no escape for `*`: a title holding one is shown plain rather than garbled.
  strong: (text) => (text.includes('*') ? text : `*${text}*`),
  truncate: truncateSlackText,
  detailPrefix: '',
  refusedPrefix: '• ',
};

/**
 * Renders the page of `/sources` asked for (the last page when a later one was asked). A page
 * holds as many entries as fit 11,000 characters, in sections of under 3,000 characters (a few
 * blocks, where Slack allows 50).
 *
 * @example
 * await respond({ response_type: 'ephemeral', ...formatSlackSources(reply) });
 */
export function formatSlackSources(reply: SourcesReply): SlackMessage {
  const lines = sourcesLines(reply.sources, slackMarkup);
  const first = `*${lines.heading}*\n${lines.rebuilt}`;
  const shown = pickPage(
    lines.entries,
    { size: (entry) => entry.length, maxSize: MAX_PAGE_CHARS - first.length, separator: 1 },
    reply.page,
  );
  // An entry has at most about 620 characters, so each section but the last holds over 2,200 and
  // a page needs at most eight blocks in all, far below Slack's 50.
  const sections = packRuns(shown.entries, {
    size: (entry) => entry.length,
    maxSize: MAX_SECTION_CHARS,
    separator: 1,
  });
  const blocks: SlackBlock[] = [
    sectionBlock(first),
    ...sections.map((run) => sectionBlock(run.join('\n'))),
  ];
  if (shown.pages > 1) {
    const next = shown.page < shown.pages ? `\`${reply.command} ${shown.page + 1}\`` : undefined;
    const text = escapeSlackText(pageText(shown.page, shown.pages, next));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] });
  }
  return { text: `${lines.heading}. ${lines.rebuilt}`, blocks };
}
