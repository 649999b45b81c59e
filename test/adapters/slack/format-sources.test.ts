import { describe, expect, it } from 'vitest';
import type { SlackBlock, SlackMessage } from '../../../src/adapters/slack/format.ts';
import { formatSlackSources } from '../../../src/adapters/slack/format-sources.ts';
import type { SourcesList } from '../../../src/knowledge/list-sources.ts';
import { manySources, sampleSources } from '../../fixtures/sources.ts';

const render = (sources: SourcesList, page = 1) =>
  formatSlackSources({ kind: 'sources', sources, page, command: '/sources' });

const textOf = (block: SlackBlock): string =>
  block.type === 'section'
    ? block.text.text
    : block.type === 'context'
      ? block.elements.map((e) => e.text).join('')
      : '';

/**
 * Slack's limits: section text under 3,001 characters and at most 50 blocks (Block Kit
 * reference); and about 12,000 characters of block text in all, past which chat.postMessage
 * answers msg_blocks_too_long (slackapi/bolt-js#2509).
 */
function expectWithinSlackLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) expect(textOf(block).length).toBeLessThanOrEqual(3000);
  const total = message.blocks.reduce((sum, block) => sum + textOf(block).length, 0);
  expect(total).toBeLessThanOrEqual(12_000);
}

/** The numbers of the documents a message lists ("*12. Title*" or "12. Title"). */
const numbersIn = (message: SlackMessage) =>
  message.blocks
    .slice(1)
    .flatMap((block) => [...textOf(block).matchAll(/^\*?(\d+)\. /gm)])
    .map((m) => Number(m[1]));

describe('formatSlackSources', () => {
  it('lists the refused file, then each document with publisher, date or "undated" and sentences', () => {
    expect(render(sampleSources)).toEqual({
      text: '3 documents (24 sentences), newest first. Index last rebuilt 2026-01-15 12:00 UTC',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*3 documents (24 sentences), newest first*\nIndex last rebuilt 2026-01-15 12:00 UTC',
            verbatim: true,
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              '1 file could not be loaded; I keep answering from the last good index until it is fixed:',
              '• knowledge/bad.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"',
              '1. Therapists reach a *tentative* agreement &amp; end strike',
              'Valley Ledger · 2025-05-24 · 14 sentences',
              '*2. Picket notice*',
              '2024-10-14 · 1 sentence',
              '*3. What the strike is about*',
              'NUHW · undated · 9 sentences',
            ].join('\n'),
            verbatim: true,
          },
        },
      ],
    });
  });

  it('pages a long list within the block limits, every document once and in order', () => {
    const sources = manySources(400, 5);
    const first = render(sources, 1);
    const last = first.blocks.at(-1);
    const pages = Number(/Page 1 of (\d+)/.exec(last ? textOf(last) : '')?.[1]);
    expect(pages).toBeGreaterThan(3);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const message = render(sources, page);
      expectWithinSlackLimits(message);
      expect(message.blocks.at(-1)).toEqual({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              page < pages
                ? `Page ${page} of ${pages}; for the next, \`/sources ${page + 1}\``
                : `Page ${pages} of ${pages}`,
            verbatim: true,
          },
        ],
      });
      seen.push(...numbersIn(message));
    }
    expect(seen).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(render(sources, 10_000)).toEqual(render(sources, pages));
  });

  it('escapes markup so no title or error links, mentions or formats', () => {
    const message = render({
      ...sampleSources,
      documents: [{ id: 'x', title: '<!channel> @here <https://x.org|click>', sentences: 1 }],
      refused: [],
    });
    expect(textOf(message.blocks[1] as SlackBlock)).toBe(
      '*1. &lt;!channel&gt; @\u200bhere &lt;https://x.org|click&gt;*\nundated · 1 sentence',
    );
  });
});
