import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { questionFromMessage, startDiscord } from '../../../src/adapters/discord/bot.ts';
import type { RunningAdapter } from '../../../src/adapters/types.ts';
import { FAILURE_TEXT } from '../../../src/bot/wording.ts';
import { createStrikebotEngine } from '../../../src/domain/engine.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  humanUser,
  type RecordedCall,
  startFakeDiscord,
} from '../../fakes/discord/fake-discord.ts';
import {
  createRecordingLogger,
  createTestEngine,
  type LogLine,
  SOCAL_SNIPPET_START,
} from './fixtures.ts';

// Real sockets and a real client: generous limits so a loaded CI machine does not fail them.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
type Body = {
  content?: string;
  embeds?: Embed[];
  allowed_mentions?: unknown;
  name?: string;
  type?: number;
  message_reference?: { message_id: string };
};
const body = (call: RecordedCall) => call.body as Body;
const isPost = (path: RegExp) => (c: RecordedCall) => c.method === 'POST' && path.test(c.path);

describe('startDiscord', () => {
  let fake: FakeDiscord;
  let discord: RunningAdapter;
  const logger = createRecordingLogger();
  const engine = createTestEngine();
  let startupLines: LogLine[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      engine: () => engine,
      logger,
      restRetries: 0,
      // Every test asks as the same person; the limit has its own tests.
      rateLimiter: { take: () => ({ ok: true }) },
    });
    startupLines = [...logger.lines];
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

  it('defers /ask, edits the reply with the quoted snippet and opens a thread on it', async () => {
    const question = 'How many mental health workers went on strike in Southern California?';
    const { id, token } = fake.sendSlashCommand(question);
    const thread = await fake.waitForCall(isPost(/\/threads$/));

    const paths = fake.calls.map((c) => `${c.method} ${c.path}`);
    expect(paths).toEqual([
      `POST /interactions/${id}/${token}/callback`,
      `PATCH /webhooks/${FAKE_IDS.applicationId}/${token}/messages/%40original`,
      expect.stringMatching(
        new RegExp(`^POST /channels/${FAKE_IDS.channelId}/messages/\\d+/threads$`),
      ),
    ]);
    expect(fake.calls[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = body(fake.calls[1] as RecordedCall);
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const field = edit.embeds?.[0]?.fields?.[0];
    expect(field?.name).toBe(
      '[1] Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
    );
    expect(field?.value.startsWith(`> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`)).toBe(
      true,
    );
    expect(body(thread).name).toBe(question);
  });

  it('opens a thread named after the question on a mention and answers inside it', async () => {
    const messageId = fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}>   why are   they striking?`,
      mentionsBot: true,
    });
    const answer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    const thread = fake.calls.find(isPost(/\/threads$/)) as RecordedCall;
    expect(thread.path).toBe(`/channels/${FAKE_IDS.channelId}/messages/${messageId}/threads`);
    expect(thread.body).toEqual({
      name: 'why are they striking?',
      auto_archive_duration: 1440,
      type: 11,
    });
    const threadId = (thread.response as { id: string }).id;
    expect(answer.path).toBe(`/channels/${threadId}/messages`);
    expect(body(answer).embeds?.[0]?.title).toBe('why are they striking?');
    expect(body(answer).embeds?.[0]?.fields?.[0]?.value).toContain(
      `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
    );
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /channels/${FAKE_IDS.channelId}/messages/${messageId}/threads`,
      `POST /channels/${threadId}/typing`,
      `POST /channels/${threadId}/messages`,
    ]);
  });

  it('answers a follow-up in its thread with the earlier question as context', async () => {
    const first = 'How many mental health workers went on strike in Southern California?';
    fake.sendMessage({ content: `<@${FAKE_IDS.botUserId}> ${first}`, mentionsBot: true });
    const firstAnswer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    const threadId = firstAnswer.path.split('/')[2] as string;
    fake.calls.length = 0;

    fake.sendMessage({ content: 'and in Northern California?', channelId: threadId });
    const followUp = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(engine.calls).toEqual([
      { question: first, history: [] },
      { question: 'and in Northern California?', history: [first] },
    ]);
    expect(followUp.path).toBe(`/channels/${threadId}/messages`);
    expect(body(followUp).embeds?.[0]?.title).toBe('and in Northern California?');
    expect(body(followUp).embeds?.[0]?.fields?.[0]?.value).toContain(
      'compared to one for every 2,000 in Northern California.',
    );
    expect(fake.calls.some(isPost(/\/threads$/))).toBe(false);

    fake.sendMessage({ content: 'and statewide?', channelId: threadId });
    await fake.waitForCall((c) => isPost(/^\/channels\/\d+\/messages$/)(c) && c !== followUp);
    expect(engine.calls[2]).toEqual({
      question: 'and statewide?',
      history: [first, 'and in Northern California?'],
    });
  });

  it('pings no one when a question contains @everyone', async () => {
    fake.sendMessage({
      content: `@everyone <@${FAKE_IDS.botUserId}> **how many** mental health workers went on strike? <@&500>`,
      mentionsBot: true,
    });
    const answer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(body(answer).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body(answer).embeds?.[0]?.title).toBe(
      '@everyone \\*\\*how many\\*\\* mental health workers went on strike?',
    );
  });

  it('answers in the channel, replying to the message, when it may not create a thread', async () => {
    fake.fail('POST', /\/threads$/, 403);
    const messageId = fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> how many mental health workers went on strike?`,
      mentionsBot: true,
    });
    const answer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(answer.path).toBe(`/channels/${FAKE_IDS.channelId}/messages`);
    expect(body(answer).message_reference?.message_id).toBe(messageId);
    expect(body(answer).embeds?.[0]?.fields?.[0]?.value).toContain(
      `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
    );
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'discord could not open a thread; answering in the channel',
        fields: {
          requestId: messageId,
          channelId: FAKE_IDS.channelId,
          error: 'Missing Permissions',
          status: 403,
          code: 50013,
        },
      },
    ]);
  });

  it('logs a failed send and keeps answering', async () => {
    fake.fail('POST', /^\/channels\/\d+\/messages$/, 500);
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> how many mental health workers went on strike?`,
      mentionsBot: true,
    });
    await fake.waitForCall((c) => c.status === 500);
    await vi.waitFor(() => expect(logger.lines.some((l) => l.level === 'error')).toBe(true));
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('discord could not send a thread answer');
    expect(errors[0]?.fields?.status).toBe(500);

    fake.calls.length = 0;
    fake.sendMessage({ content: 'how many mental health workers went on strike?', dm: true });
    const next = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(next.status).toBe(200);
  });

  it('answers a direct message in the DM channel', async () => {
    fake.sendMessage({ content: 'How many mental health workers went on strike?', dm: true });
    const answer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(answer.path).toBe('/channels/700000000000000001/messages');
    expect(body(answer).embeds?.[0]?.fields?.[0]?.value).toContain(
      `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
    );
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /channels/700000000000000001/typing',
      'POST /channels/700000000000000001/messages',
    ]);
  });

  it('answers a mention inside a thread someone else opened, in that thread', async () => {
    const threadId = fake.createUserThread('strike questions');
    fake.sendMessage({ content: 'just chatting here', channelId: threadId });
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> how many mental health workers went on strike?`,
      mentionsBot: true,
      channelId: threadId,
    });
    const answer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(answer.path).toBe(`/channels/${threadId}/messages`);
    expect(fake.calls.filter(isPost(/messages$/))).toHaveLength(1);
    expect(fake.calls.some(isPost(/\/threads$/))).toBe(false);
  });

  it('ignores channel messages that do not mention it, and other bots', async () => {
    fake.sendMessage({ content: 'how many mental health workers went on strike?' });
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> how many mental health workers went on strike?`,
      mentionsBot: true,
      author: { ...humanUser, id: '400000000000000009', bot: true },
    });
    // A DM sent last is answered; by then the two messages before it were handled and ignored.
    fake.sendMessage({ content: 'How many mental health workers went on strike?', dm: true });
    await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /channels/700000000000000001/typing',
      'POST /channels/700000000000000001/messages',
    ]);
  });

  it('says so, briefly and without an embed, when the documents do not answer', async () => {
    fake.sendSlashCommand('What is the capital of France?');
    const edit = await fake.waitForCall((c) => c.method === 'PATCH');
    expect(body(edit).embeds).toEqual([]);
    expect(body(edit).content).toBe(
      'I couldn\'t find that in the documents. My 2 documents about the Kaiser Permanente mental health strikes and bargaining (CBS Los Angeles, The Sacramento Bee); the dated ones are from Oct 2024. None of them mentions “capital” or “France”. Newest: "Thousands of Kaiser Permanente mental health workers are going on strike across Southern California" (2024-10-14); "4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday".',
    );
  });

  it('logs the invite URL with the exact permissions at start-up', () => {
    expect(startupLines).toContainEqual({
      level: 'info',
      message: 'discord invite url (bot + applications.commands, exact permissions)',
      fields: {
        url: `https://discord.com/oauth2/authorize?client_id=${FAKE_IDS.applicationId}&scope=bot+applications.commands&permissions=309237730304`,
      },
    });
  });
});

describe('startDiscord connection', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('keeps one session through heartbeats and disconnects on stop()', async () => {
    const logger = createRecordingLogger();
    const discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: `${fake.apiUrl}/`,
      engine: () => createTestEngine(),
      logger,
      restRetries: 0,
    });
    try {
      await vi.waitFor(() => expect(fake.heartbeats).toBeGreaterThanOrEqual(2), {
        timeout: 10_000,
      });
      fake.sendMessage({ content: 'How many mental health workers went on strike?', dm: true });
      const answer = await fake.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
      expect(body(answer).embeds?.[0]?.fields?.[0]?.value).toContain(
        `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
      );
      // Never identified again: the session survives heartbeats. (A RESUME is allowed: client and
      // fake share one event loop, and on a loaded machine an ACK can arrive after the next beat.)
      expect(fake.sessions.identify).toBe(1);
    } finally {
      await discord.stop();
    }
    await vi.waitFor(() => expect(fake.connections).toBe(0));
    expect(logger.lines.at(-1)).toEqual({ level: 'info', message: 'discord stopped' });
  });

  it('replies politely and logs when the engine throws', async () => {
    const logger = createRecordingLogger();
    const discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      engine: () => ({
        documents: [],
        chunks: [],
        timeline: () => [],
        answer() {
          throw new Error('index corrupt');
        },
      }),
      logger,
      restRetries: 0,
    });
    try {
      fake.calls.length = 0;
      const { id } = fake.sendSlashCommand('Why did they strike?');
      const edit = await fake.waitForCall((c) => c.method === 'PATCH');
      expect(body(edit).content).toBe(FAILURE_TEXT);
      expect(body(edit).allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
        {
          level: 'error',
          message: 'discord engine failed',
          fields: { requestId: id, error: 'index corrupt', status: undefined, code: undefined },
        },
      ]);
    } finally {
      await discord.stop();
    }
  });

  it('connects without Message Content when Discord refuses it, and still answers mentions', async () => {
    const strict = await startFakeDiscord({ disallowedIntents: GatewayIntentBits.MessageContent });
    const logger = createRecordingLogger();
    const discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: strict.apiUrl,
      engine: () => createTestEngine(),
      logger,
      restRetries: 0,
    });
    try {
      expect(strict.sessions).toEqual({ identify: 2, resume: 0 });
      expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
        {
          level: 'warn',
          message:
            'discord Message Content intent is off (Developer Portal > Bot > Privileged Gateway Intents); thread follow-ups must mention the bot',
        },
      ]);
      strict.sendMessage({
        content: `<@${FAKE_IDS.botUserId}> How many mental health workers went on strike?`,
        mentionsBot: true,
      });
      const answer = await strict.waitForCall(isPost(/^\/channels\/\d+\/messages$/));
      expect(body(answer).embeds?.[0]?.fields?.[0]?.value).toContain(
        `> Reporter (CBS Los Angeles): ${SOCAL_SNIPPET_START}`,
      );
    } finally {
      await discord.stop();
      await strict.close();
    }
  });

  it('finishes the answers in flight before stop() disconnects', async () => {
    const slow = await startFakeDiscord();
    slow.delay('POST', /^\/channels\/\d+\/messages$/, 300);
    const discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: slow.apiUrl,
      engine: () => createTestEngine(),
      logger: createRecordingLogger(),
      restRetries: 0,
    });
    try {
      slow.sendMessage({ content: 'How many mental health workers went on strike?', dm: true });
      await slow.waitForCall(isPost(/\/typing$/));
      await discord.stop();
      expect(slow.calls.map((c) => `${c.method} ${c.path} ${c.status}`).slice(-2)).toEqual([
        'POST /channels/700000000000000001/typing 204',
        'POST /channels/700000000000000001/messages 200',
      ]);
      slow.sendMessage({ content: 'How many mental health workers went on strike?', dm: true });
      await vi.waitFor(() => expect(slow.connections).toBe(0));
      expect(slow.calls.filter(isPost(/messages$/))).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('refuses a bad token with a message naming DISCORD_TOKEN', async () => {
    const attempt = startDiscord({
      token: 'not-the-token',
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      engine: () => createTestEngine(),
      logger: createRecordingLogger(),
      restRetries: 0,
    });
    await expect(attempt).rejects.toMatchObject({
      name: 'StrikebotError',
      code: 'CONFIG_INVALID',
      message:
        'Discord refused DISCORD_TOKEN (An invalid token was provided.); reset it in the Developer Portal > Bot and update .env.',
    });
  });
});

describe('startDiscord over the knowledge folder', () => {
  it('answers /ask with the quoted sentence and its source from knowledge/', async () => {
    const fake = await startFakeDiscord();
    const engine = createStrikebotEngine(await loadKnowledge('knowledge'));
    const discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      engine: () => engine,
      logger: createRecordingLogger(),
      restRetries: 0,
    });
    try {
      fake.sendSlashCommand(
        'How many mental health workers went on strike in Southern California?',
      );
      const edit = await fake.waitForCall((c) => c.method === 'PATCH');
      const field = body(edit).embeds?.[0]?.fields?.[0];
      // Confident or closest passages (the engine decides), the quote and its source are the same.
      expect(field?.name).toBe(
        '[1] Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
      );
      // The sentence reports Kaiser's charge, so it is Kaiser's claim; the document has no date.
      expect(field?.value).toBe(
        '> Kaiser: “Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system, while Kaiser officials say the union has moved through the bargaining process “slowly” and plans to strike before there are even labor talks. started.”\n— undated',
      );
    } finally {
      await discord.stop();
      await fake.close();
    }
  });
});

describe('questionFromMessage', () => {
  it('drops the bot mention and other mention markup and folds whitespace', () => {
    expect(questionFromMessage('<@123>  why   strike?', '123')).toBe('why strike?');
    expect(questionFromMessage('<@!123> why <#42> <@&7> <@99>\nnow? @everyone', '123')).toBe(
      'why now? @everyone',
    );
    expect(questionFromMessage('<@123>', '123')).toBe('');
  });
});
