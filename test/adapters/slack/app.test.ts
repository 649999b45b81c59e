import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSlackAdapter, startSlack } from '../../../src/adapters/slack/app.ts';
import { FAILURE_TEXT as SORRY } from '../../../src/bot/wording.ts';
import { StrikebotError } from '../../../src/core/errors.ts';
import { createLogger, silentLogger } from '../../../src/logger.ts';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { webApiScopes } from '../../fakes/slack/scopes.ts';
import {
  eventCallbackBody,
  postSignedToSlackApp,
  slashCommandBody,
} from '../../fakes/slack/sign.ts';
import { createTestEngine, SOCAL_SNIPPET } from './fixtures.ts';

const secret = 'test-signing-secret';
const botToken = 'xoxb-test-token';
const socalQuestion = 'How many mental health workers went on strike in Southern California?';
/** The citation section for the Southern California snippet, exactly as Slack receives it. */
const socalCitation = `*[1]* Reporter (CBS Los Angeles): ${SOCAL_SNIPPET}\n— <https://example.org/socal-strike?a=1&amp;b=2|Thousands of Kaiser Permanente mental health workers are going on strike across Southern California>, CBS Los Angeles, 2024-10-14`;

const engine = createTestEngine();
const asked = engine.calls;

let fake: FakeSlack;
let slack: RunningSlackAdapter;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
  slack = await startSlack({
    botToken,
    signingSecret: secret,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    engine: () => engine,
    logger: createLogger({ level: 'debug', write: (line) => logLines.push(line) }),
    webApiRetries: 0,
    // Only UFLOOD is over the limit; the token bucket itself has its own tests.
    rateLimiter: {
      take: (user) => (user === 'UFLOOD' ? { ok: false, retryAfterMs: 12_300 } : { ok: true }),
    },
  });
  base = `http://127.0.0.1:${slack.port}`;
  // Slack's URL check; it also warms up fetch and Bolt so the timing test measures the ack alone.
  const check = await postSignedToSlackApp(
    base,
    { token: 'x', challenge: 'c1', type: 'url_verification' },
    { secret },
  );
  expect(await check.json()).toEqual({ challenge: 'c1' });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

beforeEach(async () => {
  // Let the previous test's answers finish (each 👀 added is removed) so no call leaks into this one.
  await fake.waitFor(() => fake.reactionsSettled());
  fake.reset();
  asked.length = 0;
});

const posts = () => fake.callsTo('chat.postMessage');
const sendEvent = (event: Record<string, unknown>, eventId?: string, headers = {}) =>
  postSignedToSlackApp(base, eventCallbackBody(event, eventId), { secret, headers });
const blockTexts = (call: RecordedCall | undefined): string[] =>
  ((call?.args.blocks ?? []) as { text?: { text: string } }[]).map((b) => b.text?.text ?? '');

describe('startSlack /ask', () => {
  it('acks at once, posts the question, then the cited answer in its thread', async () => {
    const started = performance.now();
    const res = await postSignedToSlackApp(base, slashCommandBody({ text: socalQuestion }), {
      secret,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(performance.now() - started).toBeLessThan(1500);

    await fake.waitFor(() => posts().length === 2);
    const [question, answer] = posts();
    expect(question?.args).toMatchObject({
      channel: 'C1',
      text: `<@U123> asked: ${socalQuestion}`,
    });
    expect(question?.args.thread_ts).toBeUndefined();
    expect(answer?.args.channel).toBe('C1');
    expect(answer?.args.thread_ts).toBe('1700000000.000001');
    const [answerText, divider, firstCitation] = blockTexts(answer);
    expect(answerText?.startsWith(`${SOCAL_SNIPPET} [1]`)).toBe(true);
    expect(divider).toBe('');
    expect(firstCitation).toBe(socalCitation);
    expect(answer?.args.text).toMatch(
      /\n\n\[1\] Thousands of Kaiser Permanente mental health workers are going on strike across Southern California \(CBS Los Angeles, 2024-10-14\)(\n|$)/,
    );
    expect(asked).toEqual([{ question: socalQuestion, history: [] }]);
    // The answer is ready before the question is posted: no "working" reaction, two calls only.
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(fake.calls.every((c) => c.token === botToken)).toBe(true);
  });

  it('answers an empty /ask with ephemeral usage help and posts nothing', async () => {
    const res = await postSignedToSlackApp(base, slashCommandBody({ text: '   ' }), { secret });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Try `/ask How many workers struck in Southern California?`');
    expect(fake.calls).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('answers through response_url, ephemerally, when the bot is not in the channel', async () => {
    fake.failNext('chat.postMessage', 'not_in_channel');
    const res = await postSignedToSlackApp(
      base,
      slashCommandBody({
        text: socalQuestion,
        channel_id: 'C2',
        response_url: fake.responseUrl('r1'),
      }),
      { secret },
    );
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.responses.length === 1);
    const [response] = fake.responses;
    expect(response?.id).toBe('r1');
    expect(response?.body.response_type).toBe('ephemeral');
    expect(String(response?.body.text).startsWith(`${SOCAL_SNIPPET} [1]`)).toBe(true);
    const blocks = response?.body.blocks as {
      type: string;
      text?: { text: string };
      elements?: { text: string }[];
    }[];
    expect(blocks[2]?.text?.text).toBe(socalCitation);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: "Only you can see this: I can't post in this conversation. To share answers here, invite me with `/invite <@UBOT>`.",
          verbatim: true,
        },
      ],
    });
    expect(posts()).toHaveLength(1);
  });

  it('also falls back to response_url on channel_not_found (a private channel or DM)', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    await postSignedToSlackApp(
      base,
      slashCommandBody({ text: 'strike?', channel_id: 'G1', response_url: fake.responseUrl('r2') }),
      { secret },
    );
    await fake.waitFor(() => fake.responses.length === 1);
    expect(fake.responses[0]?.id).toBe('r2');
    expect(fake.responses[0]?.body.response_type).toBe('ephemeral');
  });

  it('apologises through response_url when Slack fails for another reason', async () => {
    fake.failNext('chat.postMessage', 'internal_error');
    await postSignedToSlackApp(
      base,
      slashCommandBody({ text: 'strike?', response_url: fake.responseUrl('r3') }),
      { secret },
    );
    await fake.waitFor(() => fake.responses.length === 1);
    expect(fake.responses[0]?.body).toEqual({ response_type: 'ephemeral', text: SORRY });
    expect(logLines.some((l) => l.includes('ERROR slack: could not answer /ask'))).toBe(true);
  });

  it('never posts <!channel> or @here from a question unescaped', async () => {
    await postSignedToSlackApp(
      base,
      // Slack sends `<`, `>` and `&` typed by people as entities; `<!channel>` is its markup.
      slashCommandBody({ text: '<!channel> @here &amp; &lt;b&gt;strike&lt;/b&gt; @everyone?' }),
      { secret },
    );
    await fake.waitFor(() => posts().length === 2);
    expect(posts()[0]?.args.text).toBe(
      '<@U123> asked: @\u200bhere &amp; &lt;b&gt;strike&lt;/b&gt; @\u200beveryone?',
    );
    const everything = JSON.stringify(fake.calls.map((c) => c.args));
    expect(everything).not.toMatch(/<!(channel|here|everyone)/);
    expect(everything).not.toMatch(/@(channel|here|everyone)/);
  });
});

describe('startSlack events', () => {
  it('answers an app_mention in the thread of the mention, without the mention', async () => {
    const res = await sendEvent({
      type: 'app_mention',
      user: 'U123',
      text: `<@UBOT> ${socalQuestion}`,
      ts: '1710000000.000100',
      channel: 'C1',
      event_ts: '1710000000.000100',
    });
    expect(res.status).toBe(200);
    await fake.waitFor(() => posts().length === 1 && fake.callsTo('reactions.remove').length === 1);
    expect(asked).toEqual([{ question: socalQuestion, history: [] }]);
    expect(posts()[0]?.args).toMatchObject({ channel: 'C1', thread_ts: '1710000000.000100' });
    expect(blockTexts(posts()[0])[2]).toBe(socalCitation);
    expect(fake.callsTo('reactions.add')[0]?.args).toEqual({
      channel: 'C1',
      timestamp: '1710000000.000100',
      name: 'eyes',
      team_id: 'T1',
    });
  });

  it('answers a mention inside a thread in that thread', async () => {
    await sendEvent({
      type: 'app_mention',
      user: 'U123',
      text: 'and the strike? <@UBOT>',
      ts: '1710000001.000200',
      thread_ts: '1710000000.999999',
      channel: 'C1',
      event_ts: '1710000001.000200',
    });
    await fake.waitFor(() => posts().length === 1);
    expect(posts()[0]?.args.thread_ts).toBe('1710000000.999999');
    expect(asked[0]?.question).toBe('and the strike?');
  });

  it('answers a follow-up in an /ask thread with the earlier question as history', async () => {
    await postSignedToSlackApp(base, slashCommandBody({ text: 'When did the contract expire?' }), {
      secret,
    });
    await fake.waitFor(() => posts().length === 2);
    const threadTs =
      posts()[0]?.args.channel === 'C1' ? (posts()[1]?.args.thread_ts as string) : '';
    fake.reset();
    asked.length = 0;

    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      user: 'U456',
      text: 'and in Northern California?',
      ts: '1700000099.000001',
      thread_ts: threadTs,
      channel: 'C1',
      event_ts: '1700000099.000001',
    });
    await fake.waitFor(() => posts().length === 1);
    expect(asked).toEqual([
      { question: 'and in Northern California?', history: ['When did the contract expire?'] },
    ]);
    expect(posts()[0]?.args).toMatchObject({ channel: 'C1', thread_ts: threadTs });
  });

  it('answers a direct message in the DM, threaded only when the DM message is', async () => {
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'U123',
      text: 'How many workers struck?',
      ts: '1710000002.000001',
      channel: 'D1',
      event_ts: '1710000002.000001',
    });
    await fake.waitFor(() => posts().length === 1);
    expect(posts()[0]?.args.channel).toBe('D1');
    expect(posts()[0]?.args.thread_ts).toBeUndefined();

    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'U123',
      text: 'And in 2022?',
      ts: '1710000003.000001',
      thread_ts: '1710000002.000001',
      channel: 'D1',
      event_ts: '1710000003.000001',
    });
    await fake.waitFor(() => posts().length === 2);
    expect(posts()[1]?.args).toMatchObject({ channel: 'D1', thread_ts: '1710000002.000001' });
  });

  it('apologises in the thread when posting the answer fails', async () => {
    fake.failNext('chat.postMessage', 'ratelimited');
    await sendEvent({
      type: 'app_mention',
      user: 'U123',
      text: '<@UBOT> strike?',
      ts: '1710000005.000001',
      channel: 'C1',
    });
    await fake.waitFor(
      () =>
        posts().length === 2 &&
        fake.callsTo('reactions.remove').some((c) => c.args.timestamp === '1710000005.000001'),
    );
    expect(posts()[1]?.args).toEqual({
      channel: 'C1',
      thread_ts: '1710000005.000001',
      text: SORRY,
      team_id: 'T1',
    });
  });

  it('tells a user over the rate limit, ephemerally, when to try again (/ask)', async () => {
    const res = await postSignedToSlackApp(
      base,
      slashCommandBody({ text: socalQuestion, user_id: 'UFLOOD' }),
      { secret },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_type: 'ephemeral',
      text: 'You are asking quickly; please try again in 13 seconds.',
    });
    await barrier();
    expect(asked.map((a) => a.question)).toEqual(['barrier strike']);
    expect(posts()).toHaveLength(1);
  });

  it('tells a user over the rate limit, ephemerally, when to try again (mention)', async () => {
    await sendEvent({
      type: 'app_mention',
      user: 'UFLOOD',
      text: '<@UBOT> strike dates?',
      ts: '1710000007.000001',
      thread_ts: '1710000006.000001',
      channel: 'C1',
      event_ts: '1710000007.000001',
    });
    await fake.waitFor(() => fake.callsTo('chat.postEphemeral').length === 1);
    expect(fake.callsTo('chat.postEphemeral')[0]?.args).toEqual({
      channel: 'C1',
      user: 'UFLOOD',
      thread_ts: '1710000006.000001',
      text: 'You are asking quickly; please try again in 13 seconds.',
      team_id: 'T1',
    });
    await barrier();
    expect(asked.map((a) => a.question)).toEqual(['barrier strike']);
  });

  it('answers a retried event (X-Slack-Retry-Num) and a repeated event_id only once', async () => {
    const event = {
      type: 'app_mention',
      user: 'U123',
      text: '<@UBOT> strike dates?',
      ts: '1710000004.000001',
      channel: 'C1',
      event_ts: '1710000004.000001',
    };
    expect((await sendEvent(event, 'EvRetry1')).status).toBe(200);
    const retry = await sendEvent(event, 'EvRetry1', {
      'X-Slack-Retry-Num': '1',
      'X-Slack-Retry-Reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    // The same message also arrives as a plain channel message event; it is not answered again.
    await sendEvent({ ...event, type: 'message', channel_type: 'channel' }, 'EvRetry2');
    await sendEvent(event, 'EvRetry1');
    await fake.waitFor(() => posts().length >= 1 && fake.callsTo('reactions.remove').length >= 1);
    await barrier();
    expect(posts()).toHaveLength(2); // the answer and the barrier's answer
    expect(asked.map((a) => a.question)).toEqual(['strike dates?', 'barrier strike']);
  });

  it('ignores its own messages, other bots, edits and messages in unknown threads', async () => {
    const common = { type: 'message', channel: 'C1', channel_type: 'channel' };
    await sendEvent({ ...common, user: 'UBOT', text: 'strike', ts: '1.1', thread_ts: '1.0' });
    await sendEvent({ ...common, subtype: 'bot_message', bot_id: 'B9', text: 'strike', ts: '1.2' });
    await sendEvent({
      ...common,
      subtype: 'message_changed',
      message: { user: 'U123', text: 'strike?' },
      ts: '1.3',
    });
    await sendEvent({ ...common, user: 'U123', text: 'strike?', ts: '1.4', thread_ts: '0.5' });
    await sendEvent({ ...common, user: 'U123', text: 'strike?', ts: '1.5' });
    await sendEvent({
      ...common,
      channel_type: 'im',
      channel: 'D1',
      user: 'UBOT',
      text: 'x',
      ts: '1.6',
    });
    await barrier();
    expect(asked.map((a) => a.question)).toEqual(['barrier strike']);
    expect(posts()).toHaveLength(1);
  });
});

describe('startSlack request verification', () => {
  it('rejects a bad signature with 401 and posts nothing', async () => {
    const res = await postSignedToSlackApp(base, slashCommandBody({ text: 'strike?' }), {
      secret: 'wrong-secret',
    });
    expect(res.status).toBe(401);
    const event = await postSignedToSlackApp(
      base,
      eventCallbackBody({
        type: 'message',
        channel_type: 'im',
        channel: 'D1',
        user: 'U1',
        text: 'strike',
        ts: '2.1',
      }),
      { secret: 'wrong-secret' },
    );
    expect(event.status).toBe(401);
    await barrier();
    expect(asked.map((a) => a.question)).toEqual(['barrier strike']);
  });

  it('rejects a timestamp over five minutes old with 401 and posts nothing', async () => {
    const res = await postSignedToSlackApp(base, slashCommandBody({ text: 'strike?' }), {
      secret,
      timestampSec: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await barrier();
    expect(asked.map((a) => a.question)).toEqual(['barrier strike']);
    expect(posts()).toHaveLength(1);
  });

  it('never writes a token or the signing secret to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(line).not.toContain(botToken);
      expect(line).not.toContain(secret);
    }
  });
});

describe('startSlack scopes', () => {
  it('calls only Web API methods whose scopes the manifest requests', () => {
    const methods = new Set(fake.history.map((c) => c.method));
    expect([...methods].sort()).toEqual(Object.keys(webApiScopes).sort());
  });
});

describe('startSlack start-up', () => {
  it('refuses a token Slack rejects, naming SLACK_BOT_TOKEN', async () => {
    const start = startSlack({
      botToken: 'xoxb-wrong',
      signingSecret: secret,
      apiUrl: fake.apiUrl,
      port: 0,
      host: '127.0.0.1',
      engine: () => engine,
      logger: silentLogger,
      webApiRetries: 0,
    });
    await expect(start).rejects.toThrow(
      new StrikebotError(
        'CONFIG_INVALID',
        'Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth); copy the Bot User OAuth Token from OAuth & Permissions',
      ),
    );
  });

  it('requires a signing secret in HTTP mode', async () => {
    await expect(
      startSlack({
        botToken,
        apiUrl: fake.apiUrl,
        port: 0,
        engine: () => engine,
        logger: silentLogger,
      }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

let barrierTs = 0;
/** Sends a DM that is answered and waits for its answer, so earlier requests have been handled. */
async function barrier(): Promise<void> {
  barrierTs += 1;
  const before = posts().length;
  await sendEvent({
    type: 'message',
    channel_type: 'im',
    user: 'U999',
    text: 'barrier strike',
    ts: `1800000000.${String(barrierTs).padStart(6, '0')}`,
    channel: 'D999',
  });
  await fake.waitFor(() => posts().length === before + 1);
}
