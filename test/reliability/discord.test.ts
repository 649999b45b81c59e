/**
 * Discord reliability through the real discord.js client and the fake Discord: the per-user token
 * bucket with a fake clock, gateway re-deliveries answered once, REST 429s (retry_after) and 5xx
 * retried, and every failure logged with the interaction or message id.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/bot.ts';
import { createRateLimiter } from '../../src/adapters/rate-limit.ts';
import type { RunningAdapter } from '../../src/adapters/types.ts';
import { createRecordingLogger, createTestEngine } from '../adapters/discord/fixtures.ts';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  type FakeUser,
  humanUser,
  type RecordedCall,
  startFakeDiscord,
} from '../fakes/discord/fake-discord.ts';

vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

let clock = 0;
let fake: FakeDiscord;
let discord: RunningAdapter;
const logger = createRecordingLogger();
const engine = createTestEngine();
let nextUser = 1;
/** A fresh person, so each test starts with a full bucket. */
const newUser = (): FakeUser => ({
  ...humanUser,
  id: `4100000000000000${String(nextUser++).padStart(2, '0')}`,
});
const edits = () => fake.calls.filter((c) => c.method === 'PATCH' && c.status === 200);
const callbacks = (id: string) =>
  fake.calls.filter((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`));
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  fake = await startFakeDiscord();
  discord = await startDiscord({
    token: FAKE_TOKEN,
    applicationId: FAKE_IDS.applicationId,
    apiUrl: fake.apiUrl,
    engine,
    logger,
    restRetries: 2,
    rateLimiter: createRateLimiter({ burst: 2, perMinute: 6, now: () => clock }),
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
});

beforeEach(() => {
  fake.calls.length = 0;
  logger.lines.length = 0;
  engine.calls.length = 0;
});

describe('Discord rate limit', () => {
  it('answers a burst, then tells the user ephemerally when to try again, then answers after the wait', async () => {
    const user = newUser();
    const ids = [1, 2, 3].map((n) => fake.sendSlashCommand(`strike question ${n}?`, { user }).id);
    const refusal = await fake.waitForCall(
      (c) => c.method === 'POST' && c.path.startsWith(`/interactions/${ids[2]}/`),
    );
    expect(refusal.body).toMatchObject({
      type: 4,
      data: {
        content: 'You are asking quickly; please try again in 10 seconds.',
        flags: 64,
        allowed_mentions: { parse: [], replied_user: false },
      },
    });
    // Someone else is not held up.
    fake.sendSlashCommand('strike?', { user: newUser() });
    clock += 10_000;
    fake.sendSlashCommand('strike question 4?', { user });
    await vi.waitFor(() => expect(edits()).toHaveLength(4), { timeout: 10_000, interval: 20 });
    expect(engine.calls.map((c) => c.question)).toEqual([
      'strike question 1?',
      'strike question 2?',
      'strike?',
      'strike question 4?',
    ]);
  });

  it('replies to a mention over the limit, pinging no one', async () => {
    const author = newUser();
    for (const n of [1, 2, 3]) {
      fake.sendMessage({
        content: `<@${FAKE_IDS.botUserId}> strike ${n}?`,
        mentionsBot: true,
        author,
      });
    }
    const reply = await fake.waitForCall(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${FAKE_IDS.channelId}/messages` &&
        (c.body as { content?: string }).content?.startsWith('You are asking quickly') === true,
    );
    expect(reply.body).toMatchObject({
      content: 'You are asking quickly; please try again in 10 seconds.',
      allowed_mentions: { parse: [], replied_user: false },
    });
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2), { timeout: 10_000 });
  });
});

describe('Discord re-deliveries', () => {
  it('answers an interaction and a message re-delivered by the gateway only once', async () => {
    clock += 60_000;
    const { id } = fake.sendSlashCommand('why strike?', { user: newUser() });
    fake.sendSlashCommand('why strike?', { user: newUser(), id });
    const messageId = fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> when did it start?`,
      mentionsBot: true,
      author: newUser(),
    });
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> when did it start?`,
      mentionsBot: true,
      author: newUser(),
      id: messageId,
    });
    await vi.waitFor(() => expect(edits()).toHaveLength(1), { timeout: 10_000 });
    await fake.waitForCall(
      (c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path),
    );
    await settle();
    expect(callbacks(id)).toHaveLength(1);
    expect(engine.calls.map((c) => c.question).sort()).toEqual([
      'when did it start?',
      'why strike?',
    ]);
    // discord.js itself ignores a MESSAGE_CREATE for a message it already holds; interactions
    // are not cached, so the adapter's own memory drops the second one.
    const dropped = logger.lines.filter((l) => l.message === 'discord re-delivered event dropped');
    expect(dropped.map((l) => l.fields)).toEqual([{ requestId: id }]);
    expect(
      fake.calls.filter((c) => c.method === 'POST' && c.path.includes(`/messages/${messageId}/`)),
    ).toHaveLength(1);
  });
});

describe('Discord REST faults', () => {
  it('waits out a 429 (retry_after) and retries a 500, answering exactly once', async () => {
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 429, 1, 0.2);
    fake.fail('PATCH', /\/messages\/%40original$/, 500, 1);
    const { id } = fake.sendSlashCommand('how many workers?', { user: newUser() });
    await vi.waitFor(() => expect(edits()).toHaveLength(1), { timeout: 10_000 });
    await settle();
    expect(callbacks(id).map((c: RecordedCall) => c.status)).toEqual([429, 204]);
    expect(fake.calls.filter((c) => c.method === 'PATCH').map((c) => c.status)).toEqual([500, 200]);
    expect(
      logger.lines
        .filter((l) => l.level === 'warn')
        .map((l) => [l.message, l.fields?.retryAfterSec ?? l.fields?.status]),
    ).toEqual([
      ['discord API answered 429; waiting retry_after, then retrying', '0.2'],
      ['discord API answered a server error; retrying', 500],
    ]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('logs the interaction id when Discord keeps failing, and keeps answering others', async () => {
    fake.fail('PATCH', /\/messages\/%40original$/, 502, 3);
    const { id } = fake.sendSlashCommand('how many workers?', { user: newUser() });
    await vi.waitFor(
      () =>
        expect(
          logger.lines.some((l) => l.message === 'discord could not edit the /ask reply'),
        ).toBe(true),
      { timeout: 10_000 },
    );
    const failure = logger.lines.find((l) => l.message === 'discord could not edit the /ask reply');
    expect(failure?.level).toBe('error');
    expect(failure?.fields?.requestId).toBe(id);
    expect(failure?.fields?.status).toBe(502);
    fake.sendSlashCommand('why strike?', { user: newUser() });
    await vi.waitFor(() => expect(edits()).toHaveLength(1), { timeout: 10_000 });
  });
});
