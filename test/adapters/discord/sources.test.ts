/**
 * `/sources` on Discord, through the real discord.js client and the fake Discord: the list is
 * the interaction's ephemeral reply (which also acknowledges it), with the refused file, each
 * document's publisher, date and sentences, the rebuild time, and pages for a long list.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourcesList } from '../../../src/knowledge/list-sources.ts';
import type { FakeDiscord, RecordedCall } from '../../fakes/discord/fake-discord.ts';
import { startDiscordOnFake } from '../../fakes/discord/start-on-fake.ts';
import { manySources, withOneRefusedFile } from '../../fixtures/sources.ts';
import { createTestEngine } from './fixtures.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

type Callback = {
  type: number;
  data: {
    flags?: number;
    embeds?: { title?: string; description?: string; footer?: { text: string } }[];
    allowed_mentions?: unknown;
  };
};

const engine = createTestEngine();
const knowledge = withOneRefusedFile(engine);
let listed: SourcesList = knowledge;
let fake: FakeDiscord;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ fake, close } = await startDiscordOnFake({
    engine: () => engine,
    sources: () => listed,
  }));
});
afterAll(() => close?.());
beforeEach(() => {
  fake.calls.length = 0;
  engine.calls.length = 0;
  listed = knowledge;
});

const callbackOf = (id: string) => (c: RecordedCall) => c.path.startsWith(`/interactions/${id}/`);

/** The one embed of the ephemeral reply to interaction `id`. */
async function listFor(id: string) {
  const call = await fake.waitForCall(callbackOf(id));
  const body = call.body as Callback;
  expect(body.type).toBe(4);
  expect(body.data.flags).toBe(64);
  expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(body.data.embeds).toHaveLength(1);
  return body.data.embeds?.[0];
}

describe('/sources on Discord', () => {
  it('lists the refused file and each document, newest first, to the asker only', async () => {
    const { id } = fake.sendCommand('sources', []);
    expect(await listFor(id)).toEqual({
      color: 0x2f6f4f,
      title: '2 documents (4 sentences), newest first',
      description: [
        '1 file could not be loaded; I keep answering from the last good index until it is fixed:',
        '• knowledge/2025-05-09-riverside.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "May 9"',
        '**1. Thousands of Kaiser Permanente mental health workers are going on strike across Southern California**',
        'CBS Los Angeles · 2024-10-14 · 3 sentences',
        '**2. 4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday**',
        'The Sacramento Bee · undated · 1 sentence',
      ].join('\n'),
      footer: { text: 'Index last rebuilt 2026-01-15 12:00 UTC' },
    });
    // The reply acknowledges the interaction: nothing else is sent, and the engine is not asked.
    expect(fake.calls.map((c) => `${c.method} ${c.path.split('/')[1]}`)).toEqual([
      'POST interactions',
    ]);
    expect(engine.calls).toEqual([]);
  });

  it('shows the page asked for, within the embed limits, and says how to see the next', async () => {
    listed = manySources(200);
    const { id } = fake.sendCommand('sources', [{ name: 'page', type: 4, value: 2 }]);
    const embed = await listFor(id);
    const footer = embed?.footer?.text ?? '';
    const pages = Number(/Page 2 of (\d+)/.exec(footer)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(footer).toBe(
      `Index last rebuilt 2026-01-15 12:00 UTC · Page 2 of ${pages}; for the next, /sources page:3`,
    );
    // Discord's limits: 4,096 characters of description, 6,000 in the whole embed.
    const description = embed?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect((embed?.title ?? '').length + description.length + footer.length).toBeLessThanOrEqual(
      6000,
    );
    expect(description.startsWith('**')).toBe(true);
    expect(description).not.toContain('**1. Article 1:');
  });

  it('reads a page that is not a number (a stale command definition) as page 1', async () => {
    listed = manySources(200);
    const { id } = fake.sendCommand('sources', [{ name: 'page', type: 3, value: 'latest' }]);
    const embed = await listFor(id);
    expect(embed?.description).toContain('**1. Article 1:');
    expect(embed?.footer?.text).toMatch(/· Page 1 of \d+; for the next, \/sources page:2$/);
  });

  it('lists the sources for /ask question:sources too', async () => {
    const { id } = fake.sendSlashCommand('sources');
    const embed = await listFor(id);
    expect(embed?.title).toBe('2 documents (4 sentences), newest first');
    expect(engine.calls).toEqual([]);
  });
});
