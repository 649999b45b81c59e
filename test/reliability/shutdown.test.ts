/**
 * Graceful shutdown of the real entry point on a real signal: `src/main.ts` runs as a child
 * process (as `npm start` runs it) against the fake Slack, gets SIGTERM while an answer is in
 * flight, finishes that answer, refuses new questions and exits 0; on SIGINT with nothing in
 * flight, and on SIGTERM during start-up, it exits 0 at once. Every variable the bot reads is set
 * here, so no `.env` and no DISCORD_* or SLACK_* variable of the parent process can change what
 * runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../fakes/slack/fake-slack.ts';
import { postSignedToSlackApp, slashCommandBody } from '../fakes/slack/sign.ts';
import {
  type BotProcess,
  botEnvironment,
  freePort,
  repoRoot,
  startBotProcess,
} from '../fixtures/bot-process.ts';

// Starting tsx, Bolt and the engine in a child takes 10 s and more on a loaded 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const botToken = 'xoxb-shutdown-test-token-7c41';
const signingSecret = 'shutdown-signing-secret-e92d';
/** main.ts's SHUTDOWN_GRACE_MS: the longest it waits for answers in flight. */
const GRACE_MS = 10_000;
/** How late the fake answers the question post, and then the threaded answer post. */
const QUESTION_POST_DELAY_MS = 1500;
const ANSWER_POST_DELAY_MS = 2000;
const LISTENING = 'slack: listening for Events API requests';

const running: BotProcess[] = [];
const tempDirs: string[] = [];
const fakes: FakeSlack[] = [];

afterEach(async () => {
  for (const bot of running.splice(0)) {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
  }
  for (const fake of fakes.splice(0)) await fake.close();
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Starts the bot as `npm start` does, in HTTP mode against `fake`, its index snapshot in a temp dir. */
async function startBot(fake: FakeSlack): Promise<BotProcess & { port: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'strikebot-shutdown-'));
  tempDirs.push(dir);
  const port = await freePort();
  const bot = startBotProcess(
    botEnvironment({
      KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
      INDEX_SNAPSHOT: join(dir, 'index.json'),
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    }),
  );
  running.push(bot);
  return { ...bot, port };
}

/** The fake's `chat.postMessage`, answered like Slack, noting when each call arrived. */
function recordArrivals(fake: FakeSlack): Map<RecordedCall, number> {
  const arrivals = new Map<RecordedCall, number>();
  let nextTs = 1;
  fake.handle('chat.postMessage', (call) => {
    arrivals.set(call, performance.now());
    const ts = `1700000000.${String(nextTs++).padStart(6, '0')}`;
    return { ok: true, channel: call.args.channel, ts, message: { text: call.args.text, ts } };
  });
  return arrivals;
}

/**
 * Sends `signal` to the bot and expects it to exit 0 well before the grace period, logging the
 * signal and no secret. Returns the bot's output.
 */
async function signalAndExpectExit0(bot: BotProcess, signal: NodeJS.Signals): Promise<string> {
  const signalledAt = performance.now();
  bot.child.kill(signal);
  const exit = await bot.exited;
  const output = bot.output();
  expect({ code: exit.code, signal: exit.signal }, output).toEqual({ code: 0, signal: null });
  // Generous for a loaded machine, yet far below the grace a stuck adapter would use up.
  expect(exit.at - signalledAt).toBeLessThan(5000);
  expect(output).toContain(`${signal}: finishing answers in flight and disconnecting`);
  expectNoSecret(output);
  return output;
}

function expectNoSecret(output: string): void {
  expect(output).not.toContain(botToken);
  expect(output).not.toContain(signingSecret);
}

describe('src/main.ts shutdown', () => {
  it('on SIGTERM finishes the answer in flight, refuses new questions and exits 0', async () => {
    const fake = await startFakeSlack({ botToken });
    fakes.push(fake);
    const arrivals = recordArrivals(fake);
    const bot = await startBot(fake);
    await bot.waitForOutput(LISTENING, 45_000);
    const base = `http://127.0.0.1:${bot.port}`;
    const question = 'How many mental health workers went on strike in Southern California?';

    // Slack is slow: the question post answers late, so the threaded answer is sent after SIGTERM,
    // and that post answers late too, so the child must wait for it before exiting.
    fake.delayNext('chat.postMessage', QUESTION_POST_DELAY_MS);
    fake.delayNext('chat.postMessage', ANSWER_POST_DELAY_MS);
    const ask = await postSignedToSlackApp(
      base,
      slashCommandBody({ text: question, response_url: fake.responseUrl('first') }),
      { secret: signingSecret },
    );
    expect(ask.status).toBe(200);
    expect(await ask.text()).toBe('');
    await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1, 10_000);

    const signalledAt = performance.now();
    bot.child.kill('SIGTERM');
    await bot.waitForOutput('SIGTERM: finishing answers in flight and disconnecting', 10_000);

    // A question after the signal: the port is closed, or the app says it is restarting.
    const late = await postSignedToSlackApp(
      base,
      slashCommandBody({
        text: 'Did the Sacramento strike end?',
        trigger_id: '9.9.9',
        response_url: fake.responseUrl('late'),
      }),
      { secret: signingSecret },
    ).then(
      async (res) => ({ status: res.status, body: await res.text() }),
      (error: unknown) => ({ error }),
    );
    expect(bot.child.exitCode).toBeNull();
    if ('error' in late) {
      expect(late.error).toBeInstanceOf(TypeError);
      expect((late.error as Error).message).toBe('fetch failed');
    } else {
      expect(late.status).toBe(200);
      expect(JSON.parse(late.body)).toEqual({
        response_type: 'ephemeral',
        text: 'I am restarting; please ask again shortly.',
      });
    }

    const { code, signal, at: exitedAt } = await bot.exited;
    expect({ code, signal }, bot.output()).toEqual({ code: 0, signal: null });
    // Well inside the grace: the adapter finished; main.ts did not give up on it.
    expect(exitedAt - signalledAt).toBeLessThan(GRACE_MS);

    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((c) => [c.args.channel, c.args.thread_ts, c.args.text])).toEqual([
      ['C1', undefined, `<@U123> asked: ${question}`],
      ['C1', '1700000000.000001', expect.any(String)],
    ]);
    // The answer (confident or the closest passages) quotes the sentence in its blocks.
    expect(JSON.stringify(posts[1]?.args.blocks)).toContain('Nearly 2,400 mental health workers');
    const answerArrivedAt = arrivals.get(posts[1] as RecordedCall) ?? Number.NaN;
    expect(answerArrivedAt).toBeGreaterThan(signalledAt);
    // The child exited only after Slack answered the post (timers may fire a millisecond early).
    expect(exitedAt - answerArrivedAt).toBeGreaterThanOrEqual(ANSWER_POST_DELAY_MS - 50);
    expect(fake.responses).toEqual([]);

    const output = bot.output();
    expect(output).toContain('slack: stopped');
    expect(output).not.toContain('still in flight');
    expect(output).not.toMatch(/ ERROR /);
    expectNoSecret(output);
  });

  it('on SIGINT with nothing in flight exits 0 at once', async () => {
    const fake = await startFakeSlack({ botToken });
    fakes.push(fake);
    const bot = await startBot(fake);
    // No pause after this line: the handlers must already be in place when Slack says it listens.
    await bot.waitForOutput(LISTENING, 45_000);

    const output = await signalAndExpectExit0(bot, 'SIGINT');
    expect(output).toContain('slack: stopped');
    expect(fake.history.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('on SIGTERM during start-up exits 0', async () => {
    const fake = await startFakeSlack({ botToken });
    fakes.push(fake);
    const bot = await startBot(fake);
    // The engine is ready; the Slack adapter has not started (or is starting).
    await bot.waitForOutput('cold start to ready', 45_000);

    await signalAndExpectExit0(bot, 'SIGTERM');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
