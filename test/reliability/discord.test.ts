/**
 * Discord reliability through the real discord.js client and the fake Discord: the per-user token
 * bucket with a fake clock, gateway re-deliveries answered once, REST 429s (retry_after) and 5xx
 * retried, missing permissions answered by DM or an ephemeral note saying what to grant, and every
 * failure logged with the interaction or message id.
 */
import { PermissionsBitField } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/bot.ts';
import { requiredPermissions } from '../../src/adapters/discord/commands.ts';
import type { RunningAdapter } from '../../src/adapters/types.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import {
  createRecordingLogger,
  createTestEngine,
  SOCAL_SNIPPET_START,
} from '../adapters/discord/fixtures.ts';
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
    engine: () => engine,
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

describe('Discord permission errors', () => {
  const question = 'how many mental health workers went on strike?';
  const channelMessages = new RegExp(`^/channels/${FAKE_IDS.channelId}/messages$`);
  const anyMessages = /^\/channels\/\d+\/messages$/;
  const posts = (path: RegExp) => (c: RecordedCall) => c.method === 'POST' && path.test(c.path);
  const route = (c: RecordedCall) => `${c.method} ${c.path} ${c.status}`;
  const dmOpens = () => fake.calls.filter(posts(/^\/users\/@me\/channels$/));
  const mention = (author: FakeUser) =>
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> ${question}`,
      mentionsBot: true,
      author,
    });
  type Sent = { content?: string; embeds?: { fields?: { value: string }[] }[] };
  const sent = (call: RecordedCall) => call.body as Sent & Record<string, unknown>;
  const noPings = { parse: [], replied_user: false };

  afterEach(() => fake.setChannelOverwrites([]));

  it('DMs the answer, naming the permissions it lacks, when it may neither open a thread nor post', async () => {
    // An admin denied Send Messages and Create Public Threads to everyone in the channel.
    const denied =
      PermissionsBitField.Flags.SendMessages | PermissionsBitField.Flags.CreatePublicThreads;
    fake.setChannelOverwrites([
      { id: FAKE_IDS.guildId, type: 0, allow: '0', deny: String(denied) },
    ]);
    fake.refuse('POST', /\/threads$/, 50013);
    fake.refuse('POST', channelMessages, 50013);
    const author = newUser();
    const messageId = mention(author);
    const dm = await fake.waitForCall((c) => posts(anyMessages)(c) && c.status === 200);

    const opened = dmOpens()[0] as RecordedCall;
    const dmChannelId = (opened.response as { id: string }).id;
    expect(opened.body).toEqual({ recipient_id: author.id });
    expect(fake.calls.map(route)).toEqual([
      `POST /channels/${FAKE_IDS.channelId}/messages/${messageId}/threads 403`,
      `POST /channels/${FAKE_IDS.channelId}/typing 204`,
      `POST /channels/${FAKE_IDS.channelId}/messages 403`,
      'POST /users/@me/channels 200',
      `POST /channels/${dmChannelId}/messages 200`,
    ]);
    expect(sent(dm).content).toBe(
      `I couldn't answer in <#${FAKE_IDS.channelId}>: I need the Send Messages and Create Public Threads permissions there. A server admin can grant them to me in the channel's settings (Permissions).`,
    );
    expect(sent(dm).embeds?.[0]?.fields?.[0]?.value).toContain(
      `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
    );
    expect(sent(dm).allowed_mentions).toEqual(noPings);
    expect(sent(dm)).not.toHaveProperty('message_reference');
    expect(
      logger.lines
        .filter((l) => l.level !== 'info')
        .map((l) => [l.level, l.message, l.fields?.requestId, l.fields?.code]),
    ).toEqual([
      ['warn', 'discord could not open a thread; answering in the channel', messageId, 50013],
      ['warn', 'discord may not send a channel answer there; sending it by DM', messageId, 50013],
    ]);
    await vi.waitFor(() =>
      expect(logger.lines).toContainEqual({
        level: 'info',
        message: 'discord answered by DM',
        fields: { requestId: messageId, userId: author.id, channelId: FAKE_IDS.channelId },
      }),
    );
  });

  it('logs the message id and gives up when the DM is refused too, then answers the next question', async () => {
    fake.refuse('POST', /\/threads$/, 50001);
    fake.refuse('POST', channelMessages, 50001);
    fake.refuse('POST', anyMessages, 50007);
    const author = newUser();
    const messageId = mention(author);
    await vi.waitFor(
      () => expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1),
      { timeout: 10_000 },
    );
    const refusedDm = fake.calls.find(
      (c) => posts(anyMessages)(c) && !channelMessages.test(c.path),
    );
    // Nothing about this channel is cached, so the note names everything a mention uses.
    expect(sent(refusedDm as RecordedCall).content).toBe(
      `I couldn't answer in <#${FAKE_IDS.channelId}>: I need the View Channel, Send Messages, Read Message History, Create Public Threads and Send Messages in Threads permissions there. A server admin can grant them to me in the channel's settings (Permissions).`,
    );
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'discord could not DM the answer either; giving up',
        fields: {
          requestId: messageId,
          userId: author.id,
          channelId: FAKE_IDS.channelId,
          error: 'Cannot send messages to this user',
          status: 403,
          code: 50007,
        },
      },
    ]);

    fake.calls.length = 0;
    mention(author);
    const answer = await fake.waitForCall((c) => posts(anyMessages)(c) && c.status === 200);
    expect(answer.path).not.toBe(`/channels/${FAKE_IDS.channelId}/messages`);
    expect(sent(answer).embeds?.[0]?.fields?.[0]?.value).toContain(
      `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
    );
    expect(dmOpens()).toEqual([]);
  });

  it('DMs a thread follow-up it may not post in the thread, naming the thread', async () => {
    const author = newUser();
    mention(author);
    const first = await fake.waitForCall((c) => posts(anyMessages)(c) && c.status === 200);
    const threadId = first.path.split('/')[2] as string;
    fake.calls.length = 0;
    logger.lines.length = 0;

    fake.refuse('POST', new RegExp(`^/channels/${threadId}/messages$`), 50001);
    const followUpId = fake.sendMessage({
      content: 'and in Northern California?',
      channelId: threadId,
      author,
    });
    const dm = await fake.waitForCall((c) => posts(anyMessages)(c) && c.status === 200);
    expect(dm.path).not.toBe(`/channels/${threadId}/messages`);
    expect(sent(dm).content).toBe(
      `I couldn't answer in <#${threadId}>: I need the View Channel and Send Messages in Threads permissions there. A server admin can grant them to me in the channel's settings (Permissions).`,
    );
    expect(sent(dm).embeds?.[0]?.fields?.[0]?.value).toContain('in Northern California.');
    expect(logger.lines.find((l) => l.level === 'warn')).toEqual({
      level: 'warn',
      message: 'discord may not send a thread answer there; sending it by DM',
      fields: {
        requestId: followUpId,
        channelId: threadId,
        error: 'Missing Access',
        status: 403,
        code: 50001,
      },
    });
  });

  it('tells the /ask user ephemerally which permission to grant when it may not open a thread', async () => {
    fake.refuse('POST', /\/threads$/, 50001);
    const withoutThreads = new PermissionsBitField(requiredPermissions).remove(
      'CreatePublicThreads',
    );
    const { id, token } = fake.sendSlashCommand(question, {
      user: newUser(),
      appPermissions: withoutThreads.bitfield.toString(),
    });
    const note = await fake.waitForCall(
      posts(new RegExp(`^/webhooks/${FAKE_IDS.applicationId}/${token}$`)),
    );
    expect(edits()).toHaveLength(1);
    expect(note.query).toBe('wait=true');
    expect(note.body).toEqual({
      content: `I can't open a thread for follow-ups in <#${FAKE_IDS.channelId}>: I need the Create Public Threads permission there. A server admin can grant it to me in the channel's settings (Permissions).`,
      flags: 64,
      allowed_mentions: noPings,
      tts: false,
      enforce_nonce: false,
    });
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'discord could not open a thread on the /ask reply',
        fields: { requestId: id, error: 'Missing Access', status: 403, code: 50001 },
      },
    ]);
  });

  it('retries a 429 and a 500 on an answer instead of treating them as missing permissions', async () => {
    fake.fail('POST', anyMessages, 429, 1, 0.1);
    fake.fail('POST', anyMessages, 500, 1);
    mention(newUser());
    await fake.waitForCall((c) => posts(anyMessages)(c) && c.status === 200);
    await settle();
    expect(fake.calls.filter(posts(anyMessages)).map((c) => c.status)).toEqual([429, 500, 200]);
    expect(dmOpens()).toEqual([]);
    expect(fake.calls.some(posts(/\/webhooks\//))).toBe(false);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'discord API answered 429; waiting retry_after, then retrying',
      'discord API answered a server error; retrying',
    ]);
  });
});
