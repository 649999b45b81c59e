import { describe, expect, it } from 'vitest';
import { formatDiscordSources } from '../../../src/adapters/discord/format-sources.ts';
import type { SourcesList } from '../../../src/knowledge/list-sources.ts';
import { manySources, sampleSources } from '../../fixtures/sources.ts';

const render = (sources: SourcesList, page = 1) =>
  formatDiscordSources({ kind: 'sources', sources, page, command: '/sources' });

/** The numbers of the documents an embed description lists ("**12. Title**"). */
const numbersIn = (description: string) =>
  [...description.matchAll(/^\*\*(\d+)\. /gm)].map((m) => Number(m[1]));

/** Discord's embed limits (developer docs, Message resource, "Embed Limits"). */
function expectWithinDiscordLimits(message: ReturnType<typeof render>): void {
  const [embed] = message.embeds;
  const title = embed.title ?? '';
  const description = embed.description ?? '';
  const footer = embed.footer?.text ?? '';
  expect(title.length).toBeLessThanOrEqual(256);
  expect(description.length).toBeLessThanOrEqual(4096);
  expect(footer.length).toBeLessThanOrEqual(2048);
  expect(embed.fields ?? []).toHaveLength(0);
  expect(title.length + description.length + footer.length).toBeLessThanOrEqual(6000);
}

describe('formatDiscordSources', () => {
  it('lists the refused file, then each document with publisher, date or "undated" and sentences', () => {
    expect(render(sampleSources)).toEqual({
      embeds: [
        {
          color: 0x2f6f4f,
          title: '3 documents (24 sentences), newest first',
          description: [
            '1 file could not be loaded; I keep answering from the last good index until it is fixed:',
            '• knowledge/bad.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"',
            '**1. Therapists reach a \\*tentative\\* agreement & end strike**',
            'Valley Ledger · 2025-05-24 · 14 sentences',
            '**2. Picket notice**',
            '2024-10-14 · 1 sentence',
            '**3. What the strike is about**',
            'NUHW · undated · 9 sentences',
          ].join('\n'),
          footer: { text: 'Index last rebuilt 2026-01-15 12:00 UTC' },
        },
      ],
      allowedMentions: { parse: [], repliedUser: false },
    });
  });

  it('pages a long list within the embed limits, every document once and in order', () => {
    const sources = manySources(200, 3);
    const first = render(sources, 1);
    const pages = Number(/Page 1 of (\d+)/.exec(first.embeds[0].footer?.text ?? '')?.[1]);
    expect(pages).toBeGreaterThan(5);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const message = render(sources, page);
      expectWithinDiscordLimits(message);
      const footer = message.embeds[0].footer?.text;
      expect(footer).toBe(
        page < pages
          ? `Index last rebuilt 2026-01-15 12:00 UTC · Page ${page} of ${pages}; for the next, /sources page:${page + 1}`
          : `Index last rebuilt 2026-01-15 12:00 UTC · Page ${pages} of ${pages}`,
      );
      seen.push(...numbersIn(message.embeds[0].description ?? ''));
    }
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(first.embeds[0].description?.startsWith('3 files could not be loaded;')).toBe(true);
  });

  it('shows the last page for a page past the end', () => {
    const sources = manySources(200);
    const pages = Number(/of (\d+)/.exec(render(sources).embeds[0].footer?.text ?? '')?.[1]);
    expect(render(sources, 9999)).toEqual(render(sources, pages));
  });

  it('cuts a huge title and error to fit, and escapes markup so nothing formats or pings', () => {
    const sources: SourcesList = {
      documents: [
        { id: 'x', title: `@everyone **loud** ${'very long title '.repeat(500)}`, sentences: 2 },
      ],
      totalSentences: 2,
      rebuiltAt: '2026-01-15T12:00:00.000Z',
      refused: [{ file: 'knowledge/x.md', error: `knowledge/x.md:1: ${'bad '.repeat(2000)}` }],
    };
    const message = render(sources);
    expectWithinDiscordLimits(message);
    const description = message.embeds[0].description ?? '';
    expect(description).toContain('**1. @everyone \\*\\*loud\\*\\* very long title');
    expect(description.length).toBeLessThan(1500);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
