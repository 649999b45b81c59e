/**
 * The real `src/main.ts` in Slack HTTP mode, as a child process against the fake Slack: a vote
 * that was acknowledged is on disk even when the process is killed with SIGKILL right after, and
 * `npm run report -- --json` finds it; after a restart the old answer's buttons still work; and
 * one correctly signed request whose JSON body is `null` (which used to end the process) is
 * refused with 400 while the bot keeps answering.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/fake-slack.ts';
import { blockActionsBody, postSignedToSlackApp, slashCommandBody } from '../fakes/slack/sign.ts';
import {
  type BotProcess,
  botEnvironment,
  freePort,
  repoRoot,
  startBotProcess,
} from '../fixtures/bot-process.ts';
import { runReportJson } from '../fixtures/run-report.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const botToken = 'xoxb-crash-test-token-51d0';
const secret = 'crash-signing-secret-8e17';
const LISTENING = 'slack: listening for Events API requests';
const question = 'How many mental health workers went on strike in Southern California?';

let fake: FakeSlack;
let dir: string;
const bots: BotProcess[] = [];

afterAll(async () => {
  for (const bot of bots) {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Starts the bot on a free port with the log in `dir/data`; resolves once it listens. */
async function startBot(): Promise<{ bot: BotProcess; base: string }> {
  const port = await freePort();
  const bot = startBotProcess(
    botEnvironment({
      KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
      INDEX_SNAPSHOT: join(dir, 'index.bin'),
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    }),
  );
  bots.push(bot);
  await bot.waitForOutput(LISTENING, 60_000);
  return { bot, base: `http://127.0.0.1:${port}` };
}

type Button = { action_id: string; value: string };

describe('src/main.ts killed with SIGKILL', () => {
  let buttons: Button[] = [];

  it('keeps a vote it acknowledged, and the report finds it after the process is gone', async () => {
    fake = await startFakeSlack({ botToken });
    dir = await mkdtemp(join(tmpdir(), 'strikebot-crash-'));
    const { bot, base } = await startBot();
    await postSignedToSlackApp(base, slashCommandBody({ text: question }), { secret });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 2, 20_000);
    const blocks = fake.callsTo('chat.postMessage')[1]?.args.blocks as { elements?: Button[] }[];
    buttons = blocks.at(-1)?.elements ?? [];
    expect(buttons.map((b) => b.action_id.split(':')[1])).toEqual([
      'helpful',
      'not-helpful',
      'context',
    ]);

    const [helpful] = buttons as [Button];
    const acked = await postSignedToSlackApp(
      base,
      blockActionsBody({ actionId: helpful.action_id, value: helpful.value, userId: 'U77' }),
      { secret },
    );
    // Acknowledged: killed at once, before anything else can happen.
    expect(acked.status).toBe(200);
    bot.child.kill('SIGKILL');
    expect((await bot.exited).signal).toBe('SIGKILL');

    const report = await runReportJson(join(dir, 'data'));
    expect(report.votes).toEqual({ helpful: 1, notHelpful: 0 });
    expect(report.questions).toBe(1);
    // A confident answer or the closest passages, depending on the engine: both carry buttons.
    expect(report.byOutcome.answer + report.byOutcome.unsure).toBe(1);
    expect(report.byPlatform.slack).toBe(1);
  });

  it('after a restart, answers the old answer’s buttons, refuses a null body and keeps answering', async () => {
    const { bot, base } = await startBot();
    const context = buttons[2] as Button;
    await postSignedToSlackApp(
      base,
      blockActionsBody({
        actionId: context.action_id,
        value: context.value,
        userId: 'U78',
        responseUrl: fake.responseUrl('after-restart'),
      }),
      { secret },
    );
    await fake.waitFor(() => fake.responses.some((r) => r.id === 'after-restart'), 10_000);
    const shown = fake.responses.find((r) => r.id === 'after-restart')?.body;
    expect(shown?.response_type).toBe('ephemeral');
    expect(JSON.stringify(shown?.blocks)).toContain('Nearly 2,400 mental health workers');

    // One correctly signed request with a JSON `null` body, then a form payload of `null`.
    const nullBody = await postSignedToSlackApp(base, 'null', {
      secret,
      contentType: 'application/json',
    });
    expect(nullBody.status).toBe(400);
    const nullPayload = await postSignedToSlackApp(base, 'payload=null', { secret });
    expect(nullPayload.status).toBe(400);

    fake.reset();
    await postSignedToSlackApp(base, slashCommandBody({ text: question }), { secret });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 2, 20_000);
    expect(JSON.stringify(fake.callsTo('chat.postMessage')[1]?.args.blocks)).toContain(
      'Nearly 2,400 mental health workers',
    );
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output()).toContain(
      'slack: signed request whose body is not a JSON object; answered 400',
    );
  });
});
