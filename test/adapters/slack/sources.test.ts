/**
 * `/sources` and `/ask sources` on Slack, through the real Bolt app and the fake Slack, over HTTP
 * and Socket Mode: the list is the command's ephemeral acknowledgement, with the refused file,
 * each document's publisher, date and sentences, the rebuild time, and pages for a long list.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSlackAdapter, startSlack } from '../../../src/adapters/slack/app.ts';
import type { SlackBlock } from '../../../src/adapters/slack/format.ts';
import type { SourcesList } from '../../../src/knowledge/list-sources.ts';
import { silentLogger } from '../../../src/logger.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import {
  postSignedToSlackApp,
  slashCommandBody,
  slashCommandPayload,
} from '../../fakes/slack/sign.ts';
import { manySources, withOneRefusedFile } from '../../fixtures/sources.ts';
import { createTestEngine } from './fixtures.ts';

const secret = 'sources-signing-secret';
const botToken = 'xoxb-test-token';
const appToken = 'xapp-test-token';
const engine = createTestEngine();
const knowledge = withOneRefusedFile(engine);
let listed: SourcesList = knowledge;

/** The message Slack receives for {@link knowledge}, in the acknowledgement. */
const expectedMessage = {
  response_type: 'ephemeral',
  text: '2 documents (4 sentences), newest first. Index last rebuilt 2026-01-15 12:00 UTC',
  blocks: [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*2 documents (4 sentences), newest first*\nIndex last rebuilt 2026-01-15 12:00 UTC',
        verbatim: true,
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '1 file could not be loaded; I keep answering from the last good index until it is fixed:',
          '• knowledge/2025-05-09-riverside.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "May 9"',
          '*1. Thousands of Kaiser Permanente mental health workers are going on strike across Southern California*',
          'CBS Los Angeles · 2024-10-14 · 3 sentences',
          '*2. 4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday*',
          'The Sacramento Bee · undated · 1 sentence',
        ].join('\n'),
        verbatim: true,
      },
    },
  ],
};

const textOf = (block: SlackBlock): string =>
  block.type === 'section'
    ? block.text.text
    : block.type === 'context'
      ? block.elements.map((e) => e.text).join('')
      : '';

let fake: FakeSlack;
let http: RunningSlackAdapter;
let socket: RunningSlackAdapter;
let base: string;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken, appToken });
  const shared = {
    botToken,
    apiUrl: fake.apiUrl,
    engine: () => engine,
    sources: () => listed,
    logger: silentLogger,
    webApiRetries: 0,
    rateLimiter: { take: () => ({ ok: true as const }) },
  };
  http = await startSlack({ ...shared, signingSecret: secret, port: 0, host: '127.0.0.1' });
  socket = await startSlack({ ...shared, appToken });
  base = `http://127.0.0.1:${http.port}`;
});
afterAll(async () => {
  await http?.stop();
  await socket?.stop();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  engine.calls.length = 0;
  listed = knowledge;
});

/** Sends a signed slash command over HTTP and returns the acknowledgement's JSON. */
async function command(name: string, text: string): Promise<Record<string, unknown>> {
  const res = await postSignedToSlackApp(base, slashCommandBody({ command: name, text }), {
    secret,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('/sources on Slack', () => {
  it('lists the refused file and each document, newest first, in the ephemeral ack', async () => {
    expect(await command('/sources', '')).toEqual(expectedMessage);
    // Nothing is posted to the channel and the engine is not asked.
    expect(fake.calls).toEqual([]);
    expect(engine.calls).toEqual([]);
  });

  it('lists them for "/ask sources" too', async () => {
    expect(await command('/ask', 'sources')).toEqual(expectedMessage);
    expect(engine.calls).toEqual([]);
  });

  it('shows the page asked for within the block limits, and says how to see the next', async () => {
    listed = manySources(400);
    const body = (await command('/sources', '2')) as { blocks: SlackBlock[] };
    const last = body.blocks.at(-1);
    const pages = Number(/Page 2 of (\d+)/.exec(last ? textOf(last) : '')?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(last).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Page 2 of ${pages}; for the next, \`/sources 3\``,
          verbatim: true,
        },
      ],
    });
    // Slack's limits: 50 blocks, 3,000 characters of section text; about 12,000 in all.
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    for (const block of body.blocks) expect(textOf(block).length).toBeLessThanOrEqual(3000);
    const total = body.blocks.reduce((sum, block) => sum + textOf(block).length, 0);
    expect(total).toBeLessThanOrEqual(12_000);
    expect(textOf(body.blocks[1] as SlackBlock)).not.toContain('*1. Article 1:');
  });

  it('reads "/ask sources 2" as page 2 and a page that is not a number as page 1', async () => {
    listed = manySources(400);
    const second = (await command('/ask', 'sources 2')) as { blocks: SlackBlock[] };
    const first = (await command('/sources', 'newest')) as { blocks: SlackBlock[] };
    expect(textOf(second.blocks.at(-1) as SlackBlock)).toMatch(/^Page 2 of \d+;/);
    expect(textOf(first.blocks.at(-1) as SlackBlock)).toMatch(/^Page 1 of \d+;/);
  });

  it('acks /sources with the list over Socket Mode', async () => {
    const ack = await fake.sendEnvelope({
      envelope_id: 'env-sources',
      type: 'slash_commands',
      payload: slashCommandPayload({
        command: '/sources',
        text: '',
        response_url: fake.responseUrl('socket-sources'),
        trigger_id: '9.9.9',
      }),
      accepts_response_payload: true,
    });
    expect(ack).toEqual({ envelope_id: 'env-sources', payload: expectedMessage });
  });
});
