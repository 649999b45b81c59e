/**
 * Hot reload end to end: the real `src/main.ts` as a child process over a temporary knowledge
 * folder. In the console chat, a document added while it runs answers the next question within
 * 5 seconds and the snapshot is rewritten; a file that fails to load keeps the last good index
 * serving, with its file and line logged and listed by `:sources`; fixing it recovers; a removed
 * document leaves the list. With `KNOWLEDGE_WATCH=off` nothing is followed. On Slack (HTTP mode,
 * the fake Slack), `/ask` keeps being acknowledged within 3 seconds while a large folder is
 * re-indexed, and the new document then answers.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '../src/bench/generate-corpus.ts';
import { readSnapshotFile, snapshotKey } from '../src/knowledge/snapshot.ts';
import { type FakeSlack, startFakeSlack } from './fakes/slack/fake-slack.ts';
import { postSignedToSlackApp, slashCommandBody } from './fakes/slack/sign.ts';
import {
  type BotProcess,
  botEnvironment,
  freePort,
  startBotProcess,
} from './fixtures/bot-process.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const WATCHING = 'watching the knowledge folder; changes are picked up without a restart';
const WORKER_READY = 'DEBUG index worker ready';
const RELOADED = 'INFO knowledge reloaded';
/** The bound: a change is answered from within 5 s, without a restart. */
const PICKUP_BOUND_MS = 5000;

const RALLY = `---
title: Clinicians rally outside Oakland clinic
publisher: Bay Labor Journal
date: 2024-01-10
---
About 150 clinicians rallied outside the Oakland clinic on Wednesday to demand shorter waits for therapy appointments.
`;
const BARGAINING = `---
title: Bargaining resumes after summer pause
publisher: Bay Labor Journal
date: 2023-08-15
---
Bargaining resumed in Emeryville on Tuesday after a six-week pause, the union said.
`;
const PICKETS_SENTENCE =
  'Pickets outside the Riverside medical offices will begin at 5:30 a.m. on Monday, organisers said.';
const PICKETS = `---
title: Riverside pickets begin at dawn
publisher: Inland Coast Ledger
date: 2025-03-02
---
${PICKETS_SENTENCE}
`;
const TALKS_SENTENCE = 'Talks between the union and Kaiser resumed in Pasadena on Sunday morning.';
const talks = (date: string) => `---
title: Talks resume in Pasadena
publisher: Inland Coast Ledger
date: ${date}
---
${TALKS_SENTENCE}
`;

const roots: string[] = [];
const bots: BotProcess[] = [];
let fake: FakeSlack | undefined;

afterAll(async () => {
  for (const bot of bots) {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await fake?.close();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/**
 * Starts `src/main.ts` over a temporary knowledge folder holding `files` (snapshot and data in
 * the same temporary folder, no question log, debug logs) with `settings` added.
 */
async function startBot(files: Record<string, string>, settings: Record<string, string> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'strikebot-hot-reload-'));
  roots.push(root);
  const dir = join(root, 'knowledge');
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const snapshot = join(root, 'cache', 'index.bin');
  const bot = startBotProcess(
    botEnvironment({
      KNOWLEDGE_DIR: dir,
      INDEX_SNAPSHOT: snapshot,
      DATA_DIR: join(root, 'data'),
      QUESTION_LOG: 'off',
      LOG_LEVEL: 'debug',
      ...settings,
    }),
  );
  bots.push(bot);
  return { bot, dir, snapshot };
}

/** The `/sources` text with the rebuild time (the wall clock's) replaced by `<time>`. */
const withoutTime = (text: string) =>
  text.replace(/rebuilt \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, 'rebuilt <time> UTC');

/** How many times `text` occurs in `haystack`. */
const occurrences = (haystack: string, text: string) => haystack.split(text).length - 1;

/** Resolves once `check()` is true; rejects with `what` after `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The console chat of a running `src/main.ts`: sends lines, reads each reply from stdout. */
function consoleOf(bot: BotProcess) {
  let stdout = '';
  bot.child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  let marks = 0;
  return {
    /**
     * Sends `line` and resolves with the reply printed for it. An unknown console command follows
     * it, so the reply ends where that command's echo starts.
     */
    async say(line: string, timeoutMs = 30_000): Promise<string> {
      marks += 1;
      const mark = `:end-of-reply-${marks}`;
      const from = stdout.length;
      bot.child.stdin?.write(`${line}\n${mark}\n`);
      const end = `Q: ${mark}\n`;
      // Done when the command's own one-line reply has been printed too (it may arrive in a later
      // chunk than its "Q:" line), so the next line's reply starts after it.
      const done = () => {
        const at = stdout.indexOf(end, from);
        return at >= 0 && stdout.indexOf('\n\n', at + end.length) >= 0;
      };
      await waitUntil(done, timeoutMs, `the reply to ${line}`);
      const block = stdout.slice(from, stdout.indexOf(end, from));
      expect(block.startsWith(`Q: ${line}\n`)).toBe(true);
      return block.slice(`Q: ${line}\n`.length).trimEnd();
    },
  };
}

describe('hot reload in the console chat of src/main.ts', () => {
  it('answers from an added document within 5 s, keeps the last good index while a file is broken, and recovers', async () => {
    const { bot, dir, snapshot } = await startBot({
      '2024-01-10-clinic-rally.md': RALLY,
      '2023-08-15-bargaining.md': BARGAINING,
    });
    const chat = consoleOf(bot);
    await bot.waitForOutput(WATCHING, 60_000);
    // The bound is for a running bot: its index worker has loaded (a second or more after start).
    await bot.waitForOutput(WORKER_READY, 60_000);
    const question = 'When will the pickets outside the Riverside medical offices begin?';
    expect(await chat.say(question)).not.toContain('Riverside medical offices will begin');

    // Added: the next question is answered from it, within the 5 seconds.
    const added = performance.now();
    await writeFile(join(dir, '2025-03-02-riverside-pickets.md'), PICKETS);
    await bot.waitForOutput(RELOADED, PICKUP_BOUND_MS);
    const answer = await chat.say(question, PICKUP_BOUND_MS);
    const pickupMs = performance.now() - added;
    expect(answer).toContain(`[1] organisers: “${PICKETS_SENTENCE}”`);
    expect(answer).toContain('Riverside pickets begin at dawn, Inland Coast Ledger, 2025-03-02');
    expect(pickupMs).toBeLessThan(PICKUP_BOUND_MS);
    // The snapshot is rewritten for the folder as it is now, so a restart loads it as is.
    await waitUntil(
      async () => (await readSnapshotFile(snapshot))?.header.key === (await snapshotKey(dir)),
      10_000,
      'the snapshot rewritten for the new folder',
    );

    // Broken: the file and line are logged, the last good index keeps answering.
    const broken = join(dir, '2025-03-09-talks.md');
    await writeFile(broken, talks('March 9'));
    const error = `${broken}:4: front matter: "date" must be an ISO date like 2024-10-14, got "March 9"`;
    await bot.waitForOutput(
      `WARN knowledge file refused; still serving the last good index ${JSON.stringify({ file: broken, error })}`,
      PICKUP_BOUND_MS,
    );
    expect(await chat.say(question)).toContain(`[1] organisers: “${PICKETS_SENTENCE}”`);
    expect(withoutTime(await chat.say(':sources'))).toBe(
      [
        '3 documents (3 sentences), newest first. Index last rebuilt <time> UTC.',
        '1 file could not be loaded; I keep answering from the last good index until it is fixed:',
        `  ${error}`,
        '1. Riverside pickets begin at dawn',
        '   Inland Coast Ledger · 2025-03-02 · 1 sentence',
        '2. Clinicians rally outside Oakland clinic',
        '   Bay Labor Journal · 2024-01-10 · 1 sentence',
        '3. Bargaining resumes after summer pause',
        '   Bay Labor Journal · 2023-08-15 · 1 sentence',
      ].join('\n'),
    );

    // Fixed: the file is picked up, the refusal is gone.
    const reloads = occurrences(bot.output(), RELOADED);
    await writeFile(broken, talks('2025-03-09'));
    await waitUntil(
      () => occurrences(bot.output(), RELOADED) > reloads,
      PICKUP_BOUND_MS,
      'the reload after the fix',
    );
    expect(await chat.say('Where did talks resume on Sunday morning?')).toContain(
      `[1] Reporter (Inland Coast Ledger): ${TALKS_SENTENCE}`,
    );

    // Removed: the document leaves the list (and the index).
    const beforeRemoval = occurrences(bot.output(), RELOADED);
    await rm(join(dir, '2024-01-10-clinic-rally.md'));
    await waitUntil(
      () => occurrences(bot.output(), RELOADED) > beforeRemoval,
      PICKUP_BOUND_MS,
      'the reload after the removal',
    );
    expect(withoutTime(await chat.say(':sources'))).toBe(
      [
        '3 documents (3 sentences), newest first. Index last rebuilt <time> UTC.',
        '1. Talks resume in Pasadena',
        '   Inland Coast Ledger · 2025-03-09 · 1 sentence',
        '2. Riverside pickets begin at dawn',
        '   Inland Coast Ledger · 2025-03-02 · 1 sentence',
        '3. Bargaining resumes after summer pause',
        '   Bay Labor Journal · 2023-08-15 · 1 sentence',
      ].join('\n'),
    );
    bot.child.stdin?.end();
    expect((await bot.exited).code).toBe(0);
  });
});

describe('src/main.ts with KNOWLEDGE_WATCH=off', () => {
  it('does not watch the folder: an added document is not listed, and nothing is rebuilt', async () => {
    const { bot, dir } = await startBot(
      { '2024-01-10-clinic-rally.md': RALLY, '2023-08-15-bargaining.md': BARGAINING },
      { KNOWLEDGE_WATCH: 'off' },
    );
    const chat = consoleOf(bot);
    const before = withoutTime(await chat.say(':sources'));
    await writeFile(join(dir, '2025-03-02-riverside-pickets.md'), PICKETS);
    // Longer than a watched folder takes to show a change (the debounce and a small rebuild).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(withoutTime(await chat.say(':sources'))).toBe(before);
    expect(before).toBe(
      [
        '2 documents (2 sentences), newest first. Index last rebuilt <time> UTC.',
        '1. Clinicians rally outside Oakland clinic',
        '   Bay Labor Journal · 2024-01-10 · 1 sentence',
        '2. Bargaining resumes after summer pause',
        '   Bay Labor Journal · 2023-08-15 · 1 sentence',
      ].join('\n'),
    );
    // Console commands other than :sources are named back, never asked as questions.
    expect(await chat.say(':pages 2')).toBe(
      "I don't know the command :pages. Type :sources to list the documents I answer from, :timeline for the dated events, or ask a question.",
    );
    bot.child.stdin?.end();
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).not.toContain(WATCHING);
    expect(bot.output()).not.toContain(RELOADED);
  });
});

describe('hot reload on Slack in src/main.ts', () => {
  const botToken = 'xoxb-hot-reload-token-7c21';
  const secret = 'hot-reload-signing-secret-40af';

  it('acknowledges /ask within 3 s while a large folder is re-indexed, then answers from the added document', async () => {
    // About 8,000 generated sentences, so a rebuild takes long enough for questions to overlap it.
    const corpus = Object.fromEntries(
      generateCorpus({ sentences: 8000, sentencesPerDocument: 200 }).map((d, i) => [
        `generated-${String(i).padStart(3, '0')}.md`,
        `---\ntitle: ${JSON.stringify(d.title)}\n---\n${d.body}\n`,
      ]),
    );
    fake = await startFakeSlack({ botToken });
    const port = await freePort();
    const { bot, dir } = await startBot(
      {
        ...corpus,
        '2024-01-10-clinic-rally.md': RALLY,
        '2023-08-15-bargaining.md': BARGAINING,
      },
      {
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
      },
    );
    await bot.waitForOutput('slack: listening for Events API requests', 90_000);
    await bot.waitForOutput(WORKER_READY, 60_000);
    const base = `http://127.0.0.1:${port}`;
    const slack = fake;
    const ask = async (text: string, user: string, command = '/ask') => {
      const sentAt = performance.now();
      const res = await postSignedToSlackApp(
        base,
        slashCommandBody({ command, text, user_id: user, trigger_id: `t.${user}` }),
        { secret },
      );
      return {
        sentAt,
        ackMs: performance.now() - sentAt,
        status: res.status,
        body: await res.text(),
      };
    };

    // Questions every 100 ms from the moment the document is written until the reload is done.
    await writeFile(join(dir, '2025-03-02-riverside-pickets.md'), PICKETS);
    const acks: Awaited<ReturnType<typeof ask>>[] = [];
    let reloadedAt: number | undefined;
    // Not within 30 s leaves `reloadedAt` unset, which the expectation below reports.
    void bot.waitForOutput(RELOADED, 30_000).then(
      () => {
        reloadedAt = performance.now();
      },
      () => undefined,
    );
    for (let i = 0; reloadedAt === undefined && i < 300; i++) {
      acks.push(
        await ask('How many clinicians rallied outside the Oakland clinic?', `U${100 + i}`),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(reloadedAt).toBeDefined();
    const rebuildMs = Number(
      /knowledge reloaded \{"documents":\d+,"ms":(\d+)\}/.exec(bot.output())?.[1],
    );
    const during = acks.filter((a) => a.sentAt >= (reloadedAt as number) - rebuildMs);
    expect(during.length).toBeGreaterThanOrEqual(3);
    for (const ack of acks) {
      expect(ack.status).toBe(200);
      expect(ack.ackMs).toBeLessThan(3000);
    }

    // The next question is answered from the added document, in the thread of the question.
    const posted = slack.callsTo('chat.postMessage').length;
    await ask('When will the pickets outside the Riverside medical offices begin?', 'U999');
    await slack.waitFor(
      () =>
        slack
          .callsTo('chat.postMessage')
          .slice(posted)
          .some((c) => JSON.stringify(c.args.blocks ?? '').includes(PICKETS_SENTENCE)),
      20_000,
    );
    // And /sources lists it first (the newest), with what it holds.
    const sources = await ask('', 'U998', '/sources');
    expect(sources.status).toBe(200);
    expect(sources.body).toContain(
      '*1. Riverside pickets begin at dawn*\\nInland Coast Ledger · 2025-03-02 · 1 sentence',
    );
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
  });
});
