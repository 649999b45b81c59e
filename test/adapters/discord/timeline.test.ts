import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedLength, renderDiscordReply } from '../../../src/adapters/discord/format.ts';
import type { TimelineEvent } from '../../../src/bot/reply.ts';
import { FAKE_IDS, type FakeDiscord, type RecordedCall } from '../../fakes/discord/fake-discord.ts';
import { startDiscordOnFake } from '../../fakes/discord/start-on-fake.ts';
import { createTestEngine } from './fixtures.ts';

// Real sockets and a real client: generous limits so a loaded CI machine does not fail them.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

type Embed = { title?: string; description?: string; footer?: { text: string } };
const embedsOf = (call: RecordedCall) => (call.body as { embeds?: Embed[] }).embeds ?? [];
const contentOf = (call: RecordedCall) => (call.body as { content?: string }).content;

describe('/timeline on Discord', () => {
  let fake: FakeDiscord;
  let close: () => Promise<void>;
  const engine = createTestEngine();

  beforeAll(async () => {
    ({ fake, close } = await startDiscordOnFake({ engine: () => engine }));
  });

  afterAll(() => close?.());

  beforeEach(() => {
    fake.calls.length = 0;
  });

  const timeline = (query?: string) =>
    fake.sendCommand(
      'timeline',
      query === undefined ? [] : [{ name: 'query', type: 3, value: query }],
    );

  it('defers, then edits the reply with the dated events, oldest first, and opens no thread', async () => {
    const { id, token } = timeline();
    const edit = await fake.waitForCall((c) => c.method === 'PATCH');
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /interactions/${id}/${token}/callback`,
      `PATCH /webhooks/${FAKE_IDS.applicationId}/${token}/messages/%40original`,
    ]);
    expect(embedsOf(edit)).toEqual([
      {
        color: 0x2f6f4f,
        title: 'Timeline of the documents: 2 dated events, oldest first.',
        description: [
          'September 30, 2024 — “The union’s contract with Kaiser expired on September 30.” (CBS Los Angeles)',
          'October 14, 2024 — “Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system.” (CBS Los Angeles)',
        ].join('\n'),
      },
    ]);
    expect(engine.calls).toEqual([]);
  });

  it('keeps the events holding the words asked for', async () => {
    timeline('expired');
    const edit = await fake.waitForCall((c) => c.method === 'PATCH');
    expect(embedsOf(edit)[0]?.title).toBe('Timeline for “expired”: 1 dated event, oldest first.');
    expect(embedsOf(edit)[0]?.description).toBe(
      'September 30, 2024 — “The union’s contract with Kaiser expired on September 30.” (CBS Los Angeles)',
    );
  });

  it('reads `/ask timeline 2024` as the timeline of that year, with no thread on it', async () => {
    const { id, token } = fake.sendSlashCommand('timeline 2024');
    const edit = await fake.waitForCall((c) => c.method === 'PATCH');
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /interactions/${id}/${token}/callback`,
      `PATCH /webhooks/${FAKE_IDS.applicationId}/${token}/messages/%40original`,
    ]);
    expect(embedsOf(edit)[0]?.title).toBe('Timeline for “2024”: 2 dated events, oldest first.');
    expect(engine.calls).toEqual([]);
  });

  it('says so in plain words when no event matches', async () => {
    timeline('1999');
    const edit = await fake.waitForCall((c) => c.method === 'PATCH');
    expect(embedsOf(edit)).toEqual([]);
    expect(contentOf(edit)).toBe(
      'No dated events in the documents match “1999”. Try a year (for example 2024) or fewer words.',
    );
  });
});

describe('a long timeline on Discord', () => {
  const events: TimelineEvent[] = Array.from({ length: 400 }, (_, i) => ({
    date: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    quote: `Nurses held rally number ${i} at the **north** clinic, the guild said in a long statement about staffing.`,
    source: 'Bay Weekly',
    docId: `d${i}`,
  }));

  it('fits the events that fit in one embed of 4,096 characters and counts the rest', () => {
    const reply = renderDiscordReply({ kind: 'timeline', query: '', events });
    const [embed] = reply.embeds ?? [];
    const description = embed?.description ?? '';
    // Discord's documented limits: description 4,096, title 256, all embeds 6,000.
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.length).toBeGreaterThan(3800);
    expect(embed?.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(6000);
    const shown = description.split('\n');
    expect(shown[0]).toBe(
      'January 10, 2010 — “Nurses held rally number 0 at the \\*\\*north\\*\\* clinic, the guild said in a long statement about staffing.” (Bay Weekly)',
    );
    expect(embed?.footer?.text).toBe(
      `${400 - shown.length} more events not shown; narrow the timeline with a year or a few words.`,
    );
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
