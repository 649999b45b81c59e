/**
 * The buttons under Slack answers, through the real Bolt app (HTTP mode and Socket Mode) and the
 * fake Slack: labelled Block Kit buttons, each click acknowledged within 3 s and answered
 * privately through `response_url`, a repeated or retried click counted once, a vote changeable,
 * and clicks on an answer from before a restart still working; the votes show in the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningSlackAdapter, startSlack } from '../../../src/adapters/slack/app.ts';
import { silentLogger } from '../../../src/logger.ts';
import { openQuestionLog, type QuestionLog } from '../../../src/store/question-log.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import {
  blockActionsBody,
  blockActionsPayload,
  postSignedToSlackApp,
  slashCommandBody,
} from '../../fakes/slack/sign.ts';
import { runReportJson } from '../../fixtures/run-report.ts';
import { createTestEngine, SOCAL_SNIPPET } from './fixtures.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const secret = 'buttons-signing-secret';
const botToken = 'xoxb-test-token';
const appToken = 'xapp-test-token';
const dataDir = mkdtempSync(join(tmpdir(), 'strikebot-slack-buttons-'));
const file = join(dataDir, 'strikebot.db');
const engine = createTestEngine();
let fake: FakeSlack;
let slack: RunningSlackAdapter;
let log: QuestionLog;
let base: string;

type Button = {
  type: string;
  text: { type: string; text: string };
  action_id: string;
  value: string;
};
type Block = { type: string; block_id?: string; elements?: Button[]; text?: { text: string } };

async function start(socket = false): Promise<void> {
  log = openQuestionLog({ file, logger: silentLogger });
  slack = await startSlack({
    botToken,
    ...(socket ? { appToken } : { signingSecret: secret, port: 0, host: '127.0.0.1' }),
    apiUrl: fake.apiUrl,
    engine: () => engine,
    logger: silentLogger,
    webApiRetries: 0,
    rateLimiter: { take: () => ({ ok: true }) },
    questionLog: log,
  });
  base = `http://127.0.0.1:${slack.port}`;
}
async function stop(): Promise<void> {
  await slack.stop();
  log.close();
}

beforeAll(async () => {
  fake = await startFakeSlack({ botToken, appToken });
  await start();
});
afterAll(async () => {
  await stop();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

/** Clicks a button over HTTP; resolves with the HTTP answer, its time, and the private reply. */
async function click(button: Button, user: string, triggerId?: string) {
  const responseId = `r-${Math.random().toString(36).slice(2)}`;
  const started = performance.now();
  const res = await postSignedToSlackApp(
    base,
    blockActionsBody({
      actionId: button.action_id,
      value: button.value,
      userId: user,
      responseUrl: fake.responseUrl(responseId),
      ...(triggerId ? { triggerId } : {}),
    }),
    { secret },
  );
  const ms = performance.now() - started;
  await fake.waitFor(() => fake.responses.some((r) => r.id === responseId));
  const reply = fake.responses.find((r) => r.id === responseId)?.body;
  return { status: res.status, text: await res.text(), ms, reply, responseId };
}

let buttons: Button[] = [];
/** How many passages the answer quoted (sections after its text). */
let quoted = 0;

describe('buttons under a Slack answer', () => {
  it('puts Helpful, Not helpful and Show context buttons, with text labels, under the answer', async () => {
    await postSignedToSlackApp(
      base,
      slashCommandBody({
        text: 'How many mental health workers went on strike in Southern California?',
      }),
      { secret },
    );
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 2);
    const blocks = fake.callsTo('chat.postMessage')[1]?.args.blocks as Block[];
    const actions = blocks.at(-1) as Block;
    quoted = blocks.filter((b) => b.type === 'section').length - 1;
    buttons = actions.elements ?? [];
    const id = buttons[0]?.value as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(actions).toEqual({
      type: 'actions',
      block_id: `strikebot:feedback:${id}`,
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Helpful' },
          action_id: `strikebot:helpful:${id}`,
          value: id,
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Not helpful' },
          action_id: `strikebot:not-helpful:${id}`,
          value: id,
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Show context' },
          action_id: `strikebot:context:${id}`,
          value: id,
        },
      ],
    });
    // Slack rejects messages of more than 50 blocks.
    expect(blocks.length).toBeLessThanOrEqual(50);
  });

  it('acknowledges a vote within 3 s and thanks the voter privately; a retried click counts once', async () => {
    const first = await click(buttons[0] as Button, 'U1', 'trig-1');
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    expect(first.ms).toBeLessThan(3000);
    expect(first.reply).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks, noted as helpful.',
    });
    // Slack retries the same request (same trigger id): acknowledged, not counted again.
    const retry = await postSignedToSlackApp(
      base,
      blockActionsBody({
        actionId: buttons[0]?.action_id as string,
        value: buttons[0]?.value as string,
        userId: 'U1',
        triggerId: 'trig-1',
      }),
      { secret, headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } },
    );
    expect(retry.status).toBe(200);
    const again = await click(buttons[0] as Button, 'U1');
    expect(again.reply?.text).toBe('Thanks, noted as helpful.');
    expect((await runReportJson(dataDir)).votes).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it('shows the sentences around each quote, privately, within 3 s', async () => {
    const { ms, reply } = await click(buttons[2] as Button, 'U2');
    expect(ms).toBeLessThan(3000);
    expect(reply?.response_type).toBe('ephemeral');
    const blocks = reply?.blocks as Block[];
    const source =
      '<https://example.org/socal-strike?a=1&amp;b=2|Thousands of Kaiser Permanente mental health workers are going on strike across Southern California>, CBS Los Angeles, 2024-10-14';
    const next = 'The union’s contract with Kaiser expired on September 30.';
    const last =
      'However, the union says shortages are still persistent in Southern California, highlighting that Kaiser has about one therapist for every 3,000 Kaiser members, compared to one for every 2,000 in Northern California.';
    // One passage per citation of the answer, each with up to two sentences either side, verbatim.
    expect(blocks).toHaveLength(1 + quoted);
    expect(blocks.slice(0, 2).map((b) => b.text?.text)).toEqual([
      'The sentences around each quote, word for word from the document:',
      `*[1]* ${source}\n*${SOCAL_SNIPPET}* ${next} ${last}`,
    ]);
  });

  it('takes a changed vote and shows context after a restart, in Socket Mode too', async () => {
    await stop();
    await start(true);
    const ack = await fake.sendEnvelope({
      envelope_id: 'env-click-1',
      type: 'interactive',
      payload: blockActionsPayload({
        actionId: buttons[1]?.action_id as string,
        value: buttons[1]?.value as string,
        userId: 'U1',
        responseUrl: fake.responseUrl('socket-vote'),
      }),
      accepts_response_payload: false,
    });
    expect(ack).toEqual({ envelope_id: 'env-click-1', payload: {} });
    await fake.waitFor(() => fake.responses.some((r) => r.id === 'socket-vote'));
    expect(fake.responses.find((r) => r.id === 'socket-vote')?.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks, changed your vote: noted as not helpful. The people who keep my documents review these.',
    });
    await fake.sendEnvelope({
      envelope_id: 'env-click-2',
      type: 'interactive',
      payload: blockActionsPayload({
        actionId: buttons[2]?.action_id as string,
        value: buttons[2]?.value as string,
        userId: 'U3',
        responseUrl: fake.responseUrl('socket-context'),
      }),
    });
    await fake.waitFor(() => fake.responses.some((r) => r.id === 'socket-context'));
    const blocks = fake.responses.find((r) => r.id === 'socket-context')?.body.blocks as Block[];
    expect(blocks[1]?.text?.text).toContain(`*${SOCAL_SNIPPET}*`);
    const report = await runReportJson(dataDir);
    expect(report.votes).toEqual({ helpful: 0, notHelpful: 1 });
    expect(report.notHelpful).toEqual([
      {
        question: 'How many mental health workers went on strike in Southern California?',
        count: 1,
        docIds: ['socal-strike'],
      },
    ]);
    await stop();
    await start();
  });
});
