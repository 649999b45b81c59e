/**
 * Slack reliability through the real Bolt app and the fake Slack: the per-user token bucket with
 * a fake clock, Web API faults (HTTP 429 with Retry-After, 5xx) retried without a lost or doubled
 * answer, and every failure logged with the request's id.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type RunningSlackAdapter,
  type SlackStartOptions,
  startSlack,
} from '../../src/adapters/slack/app.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { FAILURE_TEXT as SORRY } from '../../src/bot/wording.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';
import { createTestEngine } from '../adapters/slack/fixtures.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/fake-slack.ts';
import { eventCallbackBody, postSignedToSlackApp, slashCommandBody } from '../fakes/slack/sign.ts';

vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

const secret = 'reliability-signing-secret';
const botToken = 'xoxb-reliability-token';
let clock = 0;
const engine = createTestEngine();
const logger = createRecordingLogger();
let fake: FakeSlack;
let slack: RunningSlackAdapter;
let base: string;

/** The Bolt app in HTTP mode against the fake, on a free port. */
const startAgainstFake = (options: Omit<SlackStartOptions, 'botToken' | 'engine' | 'logger'>) =>
  startSlack({
    botToken,
    signingSecret: secret,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    engine: () => engine,
    logger,
    ...options,
  });

beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
  slack = await startAgainstFake({
    webApiRetries: 2,
    rateLimiter: createRateLimiter({ burst: 2, perMinute: 6, now: () => clock }),
  });
  base = `http://127.0.0.1:${slack.port}`;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

beforeEach(async () => {
  await fake.waitFor(() => fake.reactionsSettled(), 10_000);
  fake.reset();
  logger.lines.length = 0;
});

const ask = (text: string, user: string, triggerId: string, responseId = 'r') =>
  postSignedToSlackApp(
    base,
    slashCommandBody({
      text,
      user_id: user,
      trigger_id: triggerId,
      response_url: fake.responseUrl(responseId),
    }),
    { secret },
  );
const answers = () => fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts);

describe('Slack rate limit', () => {
  it('lets a user ask a burst, then says when to try again, and lets them ask after the wait', async () => {
    const replies = [];
    for (const n of [1, 2, 3]) {
      const res = await ask(`strike question ${n}?`, 'URATE', `t-rate-${n}`);
      replies.push(await res.text());
    }
    expect(replies.slice(0, 2)).toEqual(['', '']);
    expect(JSON.parse(replies[2] as string)).toEqual({
      response_type: 'ephemeral',
      text: 'You are asking quickly; please try again in 10 seconds.',
    });
    // Another user is not held up by the first one's empty bucket.
    expect(await (await ask('strike?', 'UOTHER', 't-other')).text()).toBe('');
    clock += 10_000;
    expect(await (await ask('strike question 4?', 'URATE', 't-rate-4')).text()).toBe('');
    await fake.waitFor(() => answers().length === 4, 10_000);
    expect(logger.lines.filter((l) => l.message === 'slack: rate limited')).toEqual([
      {
        level: 'info',
        message: 'slack: rate limited',
        fields: { requestId: 't-rate-3', userId: 'URATE', retryAfterMs: 10_000 },
      },
    ]);
  });
});

describe('Slack Web API faults', () => {
  it('waits out a 429 (Retry-After) and retries a 500, answering exactly once', async () => {
    clock += 60_000;
    fake.failHttpNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    fake.failHttpNext('chat.postMessage', { status: 500 });
    const started = performance.now();
    await ask('How many mental health workers went on strike?', 'UFAULT1', 't-fault-1');
    await fake.waitFor(() => answers().length === 1 && fake.reactionsSettled(), 15_000);
    // The question post hit the 429 and waited at least Retry-After before its retry.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    const posts = fake.callsTo('chat.postMessage');
    // 429, 500, then the question, then the answer: four calls, two posts that stuck.
    expect(posts).toHaveLength(4);
    expect(answers()).toHaveLength(1);
    expect(fake.responses).toEqual([]);
  });

  it('apologises and logs the trigger id when Slack keeps failing', async () => {
    clock += 60_000;
    for (let i = 0; i < 3; i++) fake.failHttpNext('chat.postMessage', { status: 503 });
    await ask('strike?', 'UFAULT2', 't-fault-2', 'r-fault-2');
    await fake.waitFor(() => fake.responses.length === 1, 15_000);
    expect(fake.responses[0]?.body).toEqual({ response_type: 'ephemeral', text: SORRY });
    const failure = logger.lines.find((l) => l.message === 'slack: could not answer /ask');
    expect(failure?.level).toBe('error');
    expect(failure?.fields?.requestId).toBe('t-fault-2');
  });
});

describe('Slack Web API calls that may have landed', () => {
  it('does not retry or apologise for an answer whose post timed out, and logs the event id', async () => {
    const slow = await startAgainstFake({
      webApiRetries: 2,
      // Long enough that auth.test at start-up never times out on a loaded CI machine (300 ms did).
      webApiTimeoutMs: 2_000,
      rateLimiter: { take: () => ({ ok: true }) },
    });
    try {
      // Slack carries the post out but answers after the client gave up: a retry would post twice.
      fake.delayNext('chat.postMessage', 3_000);
      const body = eventCallbackBody(
        {
          type: 'app_mention',
          user: 'USLOW',
          text: '<@UBOT> How many mental health workers went on strike?',
          ts: '1730000000.000001',
          channel: 'C1',
          event_ts: '1730000000.000001',
        },
        'EvSlow1',
      );
      const res = await postSignedToSlackApp(`http://127.0.0.1:${slow.port}`, body, { secret });
      expect(res.status).toBe(200);
      await fake.waitFor(
        () => logger.lines.some((l) => l.message === 'slack: could not answer'),
        10_000,
      );
      // Long enough for a retry (or an apology) to have been sent, had there been one.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
      expect(fake.callsTo('chat.postMessage')[0]?.args.text).not.toBe(SORRY);
      const failure = logger.lines.find((l) => l.message === 'slack: could not answer');
      expect(failure?.level).toBe('error');
      expect(failure?.fields?.requestId).toBe('EvSlow1');
    } finally {
      await slow.stop();
    }
  });
});
