/**
 * Greetings, help, thanks and "what sources do you have?" on Discord, through the real discord.js
 * client and the fake Discord: a short reply, not the engine; thanks in a thread gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { greetingText, helpText } from '../../../src/bot/wording.ts';
import { FAKE_IDS, type FakeDiscord, type RecordedCall } from '../../fakes/discord/fake-discord.ts';
import { startDiscordOnFake } from '../../fakes/discord/start-on-fake.ts';
import { createTestEngine } from './fixtures.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const engine = createTestEngine();
let fake: FakeDiscord;
let close: () => Promise<void>;
const surface = { platform: 'discord' as const, command: '/ask' };
const posts = (c: RecordedCall) =>
  c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path);
const content = (c: RecordedCall) => (c.body as { content?: string }).content;

beforeAll(async () => {
  ({ fake, close } = await startDiscordOnFake({ engine: () => engine }));
});
afterAll(() => close?.());

describe('small talk on Discord', () => {
  it('greets a DM with what the bot is for, examples and commands', async () => {
    fake.calls.length = 0;
    fake.sendMessage({ content: 'hi there! 👋', dm: true });
    const reply = await fake.waitForCall(posts);
    expect(content(reply)).toBe(greetingText(surface));
    expect(content(reply)).toBe(
      [
        'Hi!',
        'I answer questions about the Kaiser Permanente mental health strikes (NUHW, 2018 to 2024), quoting news articles and press releases word for word and naming each source. For example:',
        '• Why did Kaiser mental health workers go on strike?',
        '• How many workers struck in Southern California?',
        '• When did the union contract expire?',
        'Ask with `/ask question:`, mention me in a channel (I answer in a thread, where you can ask follow-ups), or send me a direct message.',
        '`/sources` lists the documents I answer from.',
        '`/timeline` lists dated events, oldest first (add a year or words to narrow it).',
        'Under each answer, Helpful and Not helpful tell the people who keep my documents whether it helped, and Show context shows you the sentences around each quote.',
      ].join('\n'),
    );
    expect(engine.calls).toEqual([]);
  });

  it('answers /ask help privately', async () => {
    fake.calls.length = 0;
    const { id } = fake.sendSlashCommand('what can you do?');
    const callback = await fake.waitForCall((c) => c.path.startsWith(`/interactions/${id}/`));
    expect(callback.body).toMatchObject({
      type: 4,
      data: { content: helpText(surface), flags: 64 },
    });
    expect(engine.calls).toEqual([]);
  });

  it('says nothing to thanks in its thread, and the thread goes on', async () => {
    fake.calls.length = 0;
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> how many workers went on strike?`,
      mentionsBot: true,
    });
    const first = await fake.waitForCall(posts);
    const threadId = first.path.split('/')[2] as string;
    fake.calls.length = 0;
    fake.sendMessage({ content: 'thanks!!', channelId: threadId });
    fake.sendMessage({ content: 'and in Northern California?', channelId: threadId });
    const next = await fake.waitForCall(posts);
    expect(next.path).toBe(`/channels/${threadId}/messages`);
    expect(content(next)).toBeUndefined();
    expect(fake.calls.filter(posts)).toHaveLength(1);
    expect(engine.calls.map((c) => c.question)).toEqual([
      'how many workers went on strike?',
      'and in Northern California?',
    ]);
    expect(engine.calls[1]?.history).toEqual(['how many workers went on strike?']);
  });
});
