/**
 * `npm run loadtest`: a bounded, self-stopping loopback load test of both adapters. Slack: signed
 * slash commands against the real Bolt HTTP app and the fake Slack Web API; Discord: `/ask`
 * interactions through the fake gateway and REST API to the real discord.js client. Each platform
 * runs twice, the second time with the fake API answering some calls 429 (with a retry wait) and
 * some 500. Reports acks, answers posted exactly once, latencies and peak RSS.
 *
 * Flags: `--requests N` (default 2,000), `--concurrency C` (default 200), `--json` (one JSON
 * object on stdout, nothing else).
 */
import { pathToFileURL } from 'node:url';
// The fakes live with the tests; the load test reuses them rather than keeping a second copy.
import { documents } from '../../test/adapters/slack/fixtures.ts';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeUser,
  humanUser,
  startFakeDiscord,
} from '../../test/fakes/discord/fake-discord.ts';
import { startFakeSlack } from '../../test/fakes/slack/fake-slack.ts';
import { postSignedToSlackApp, slashCommandBody } from '../../test/fakes/slack/sign.ts';
import { startDiscord } from '../adapters/discord/bot.ts';
import { startSlack } from '../adapters/slack/app.ts';
import { createStrikebotEngine } from '../domain/engine.ts';
import { silentLogger } from '../logger.ts';

/** One platform's figures: counts, and latencies in milliseconds. */
export interface PlatformReport {
  requests: number;
  ackedWithin3s: number;
  answered: number;
  lost: number;
  duplicated: number;
  ackP50Ms: number;
  ackP99Ms: number;
  answerP50Ms: number;
  answerP99Ms: number;
}

/** The whole run, as `--json` prints it. */
export interface LoadTestReport {
  slack: PlatformReport;
  discord: PlatformReport;
  slackFaults: PlatformReport;
  discordFaults: PlatformReport;
  peakRssMb: number;
}

/** Options for {@link runLoadTest}. */
export interface LoadTestOptions {
  /** Requests per platform and run. Default 2,000. */
  requests: number;
  /** Requests outstanding (sent, not yet answered) at once. Default 200. */
  concurrency: number;
  /** A request not answered this long after it was sent counts as lost. Default 60,000. */
  answerTimeoutMs: number;
}

const defaultOptions: LoadTestOptions = {
  requests: 2000,
  concurrency: 200,
  answerTimeoutMs: 60_000,
};

const QUESTIONS = [
  'How many mental health workers went on strike in Southern California?',
  'When did the union contract expire?',
  'Why did the clinicians call off the strike?',
  'How many therapists per member does Kaiser have?',
];

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] as number);
}

/** Per-request bookkeeping shared by both platforms. */
class Tracker {
  readonly sentAt: number[] = [];
  readonly ackMs: (number | undefined)[] = [];
  readonly answers: number[] = [];
  readonly answerMs: (number | undefined)[] = [];
  private readonly waiting = new Map<number, () => void>();

  constructor(readonly requests: number) {
    this.answers = new Array(requests).fill(0);
  }
  sent(i: number): void {
    this.sentAt[i] = performance.now();
  }
  acked(i: number): void {
    if (this.ackMs[i] === undefined) this.ackMs[i] = performance.now() - (this.sentAt[i] ?? 0);
  }
  answered(i: number): void {
    this.answers[i] = (this.answers[i] ?? 0) + 1;
    if (this.answerMs[i] === undefined)
      this.answerMs[i] = performance.now() - (this.sentAt[i] ?? 0);
    this.waiting.get(i)?.();
  }
  /** Resolves when request `i` is answered, or after `timeoutMs`. */
  waitForAnswer(i: number, timeoutMs: number): Promise<void> {
    if ((this.answers[i] ?? 0) > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiting = this.waiting;
      function done() {
        clearTimeout(timer);
        waiting.delete(i);
        resolve();
      }
      this.waiting.set(i, done);
    });
  }
  report(): PlatformReport {
    const acks = this.ackMs.filter((v): v is number => v !== undefined);
    const answers = this.answerMs.filter((v): v is number => v !== undefined);
    return {
      requests: this.requests,
      ackedWithin3s: acks.filter((ms) => ms <= 3000).length,
      answered: this.answers.filter((n) => n > 0).length,
      lost: this.answers.filter((n) => n === 0).length,
      duplicated: this.answers.filter((n) => n > 1).length,
      ackP50Ms: percentile(acks, 50),
      ackP99Ms: percentile(acks, 99),
      answerP50Ms: percentile(answers, 50),
      answerP99Ms: percentile(answers, 99),
    };
  }
}

/** Runs `send(i)` for every request with at most `concurrency` outstanding. */
async function pool(
  requests: number,
  concurrency: number,
  send: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests) await send(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
}

/**
 * Opens `count` keep-alive connections to the app before the clock starts, as Slack's servers
 * hold connections open to an app they call often. (Node accepts one new connection per
 * event-loop turn, so a cold burst of `count` connections into a busy process measures the
 * kernel's accept queue, not the bot.) The app answers these unsigned GETs with 404.
 */
async function warmConnections(base: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async () => {
      const res = await fetch(`${base}/`);
      await res.arrayBuffer();
    }),
  );
}

/** Fails the `n`th call of each `every` with a 429 or a 500, each distinct call at most once. */
function faultPlan<T>(every429: number, every500: number, make: (status: number) => T) {
  let n = 0;
  const faulted = new Set<string>();
  return (key: string): T | undefined => {
    if (faulted.has(key)) return undefined;
    n += 1;
    const status = n % every429 === 7 ? 429 : n % every500 === 3 ? 500 : undefined;
    if (status === undefined) return undefined;
    faulted.add(key);
    return make(status);
  };
}

async function runSlack(options: LoadTestOptions, faults: boolean): Promise<PlatformReport> {
  const botToken = 'xoxb-loadtest-token';
  const secret = 'loadtest-signing-secret';
  const fake = await startFakeSlack({ botToken });
  const tracker = new Tracker(options.requests);
  const questionTs = new Map<string, number>();
  let ts = 0;
  // Our own postMessage: ties the question post (`<@U<i>> asked`) to request i, and the answer
  // (posted in that message's thread) back to it.
  fake.handle('chat.postMessage', (call) => {
    const posted = `1700000000.${String(++ts).padStart(6, '0')}`;
    const threadTs = call.args.thread_ts as string | undefined;
    if (threadTs) {
      const i = questionTs.get(threadTs);
      if (i !== undefined) tracker.answered(i);
    } else {
      const user = /<@U(\d+)>/.exec(String(call.args.text))?.[1];
      if (user !== undefined) questionTs.set(posted, Number(user));
    }
    return { ok: true, channel: call.args.channel, ts: posted };
  });
  if (faults) {
    const pick = faultPlan(200, 50, (status) => ({ status, retryAfterSec: 1 }));
    fake.injectFaults((call) =>
      call.method === 'chat.postMessage' ? pick(JSON.stringify(call.args)) : undefined,
    );
  }
  const engine = createStrikebotEngine(documents);
  const slack = await startSlack({
    botToken,
    signingSecret: secret,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    engine: () => engine,
    logger: silentLogger,
    webApiRetries: 3,
    rateLimiter: { take: () => ({ ok: true }) },
  });
  const base = `http://127.0.0.1:${slack.port}`;
  try {
    await warmConnections(base, options.concurrency);
    await pool(options.requests, options.concurrency, async (i) => {
      const body = slashCommandBody({
        text: QUESTIONS[i % QUESTIONS.length] as string,
        user_id: `U${String(i).padStart(6, '0')}`,
        trigger_id: `t${i}`,
        response_url: fake.responseUrl(`r${i}`),
      });
      tracker.sent(i);
      try {
        const res = await postSignedToSlackApp(base, body, { secret });
        await res.text();
        if (res.status === 200) tracker.acked(i);
      } catch {
        return; // not acked; counted as lost unless answered anyway
      }
      await tracker.waitForAnswer(i, options.answerTimeoutMs);
    });
  } finally {
    await slack.stop();
    await fake.close();
  }
  return tracker.report();
}

async function runDiscord(options: LoadTestOptions, faults: boolean): Promise<PlatformReport> {
  const fake = await startFakeDiscord();
  const tracker = new Tracker(options.requests);
  const byInteraction = new Map<string, number>();
  const byToken = new Map<string, number>();
  fake.onCall((call) => {
    if (call.status < 200 || call.status >= 300) return;
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(call.path);
    if (call.method === 'POST' && callback) {
      const i = byInteraction.get(callback[1] as string);
      if (i !== undefined) tracker.acked(i);
    }
    const edit = /^\/webhooks\/\d+\/([^/]+)\/messages\/%40original$/.exec(call.path);
    if (call.method === 'PATCH' && edit) {
      const i = byToken.get(decodeURIComponent(edit[1] as string));
      if (i !== undefined) tracker.answered(i);
    }
  });
  if (faults) {
    const pick = faultPlan(20, 20, (status) => ({ status, retryAfterSec: 0.1 }));
    fake.injectFaults((method, path) =>
      /^\/(interactions|webhooks)\//.test(path) ? pick(`${method} ${path}`) : undefined,
    );
  }
  const engine = createStrikebotEngine(documents);
  const discord = await startDiscord({
    token: FAKE_TOKEN,
    applicationId: FAKE_IDS.applicationId,
    apiUrl: fake.apiUrl,
    engine: () => engine,
    logger: silentLogger,
    restRetries: 3,
    rateLimiter: { take: () => ({ ok: true }) },
  });
  try {
    await pool(options.requests, options.concurrency, async (i) => {
      const user: FakeUser = { ...humanUser, id: String(410000000000000000n + BigInt(i)) };
      tracker.sent(i);
      const id = String(800000000000000000n + BigInt(i));
      byInteraction.set(id, i);
      byToken.set(`interaction-token-${id}`, i);
      fake.sendSlashCommand(QUESTIONS[i % QUESTIONS.length] as string, { user, id });
      await tracker.waitForAnswer(i, options.answerTimeoutMs);
    });
    // Late duplicates, if any, would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await discord.stop();
    await fake.close();
  }
  return tracker.report();
}

/**
 * Runs the four loads one after another and returns their figures.
 *
 * @example
 * const report = await runLoadTest({ requests: 20, concurrency: 5 });
 * report.slack.lost; // 0
 */
export async function runLoadTest(options: Partial<LoadTestOptions> = {}): Promise<LoadTestReport> {
  const opts = { ...defaultOptions, ...options };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const slack = await runSlack(opts, false);
    const discord = await runDiscord(opts, false);
    const slackFaults = await runSlack(opts, true);
    const discordFaults = await runDiscord(opts, true);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { slack, discord, slackFaults, discordFaults, peakRssMb: Math.round(peakRss / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

function parseArgs(argv: string[]): Partial<LoadTestOptions> & { json: boolean } {
  const out: Partial<LoadTestOptions> & { json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) {
        throw new Error(`${arg} needs a positive whole number (got ${argv[i] ?? 'nothing'})`);
      }
      return n;
    };
    if (arg === '--json') out.json = true;
    else if (arg === '--requests') out.requests = value();
    else if (arg === '--concurrency') out.concurrency = value();
    else throw new Error(`unknown option ${arg}; use --requests N, --concurrency C, --json`);
  }
  return out;
}

function formatReport(report: LoadTestReport): string {
  const rows = (['slack', 'discord', 'slackFaults', 'discordFaults'] as const).map((name) => {
    const r = report[name];
    return `${name.padEnd(14)} requests ${r.requests}  acked≤3s ${r.ackedWithin3s}  answered ${r.answered}  lost ${r.lost}  duplicated ${r.duplicated}  ack p50/p99 ${r.ackP50Ms}/${r.ackP99Ms} ms  answer p50/p99 ${r.answerP50Ms}/${r.answerP99Ms} ms`;
  });
  return [...rows, `peak RSS ${report.peakRssMb} MB`].join('\n');
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`loadtest: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const { json, ...options } = args;
  const report = await runLoadTest(options);
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
  process.exit(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`loadtest failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
