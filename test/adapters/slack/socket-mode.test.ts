import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSlackAdapter, startSlack } from '../../../src/adapters/slack/app.ts';
import { StrikebotError } from '../../../src/core/errors.ts';
import { silentLogger } from '../../../src/logger.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { eventCallbackBody } from '../../fakes/slack/sign.ts';
import { createTestEngine, SOCAL_SNIPPET } from './fixtures.ts';

const botToken = 'xoxb-test-token';
const appToken = 'xapp-test-token';
const engine = createTestEngine();

let fake: FakeSlack;
let slack: RunningSlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken, appToken });
  slack = await startSlack({
    botToken,
    appToken,
    apiUrl: fake.apiUrl,
    engine: () => engine,
    logger: silentLogger,
    webApiRetries: 0,
  });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

beforeEach(async () => {
  // Let the previous test's answers finish (each 👀 added is removed) so no call leaks into this one.
  await fake.waitFor(() => fake.reactionsSettled());
  fake.reset();
  engine.calls.length = 0;
});

const posts = () => fake.callsTo('chat.postMessage');
const command = (text: string) => ({
  command: '/ask',
  text,
  response_url: fake.responseUrl('socket'),
  user_id: 'U123',
  user_name: 'rosa',
  channel_id: 'C1',
  channel_name: 'strike-news',
  team_id: 'T1',
  team_domain: 'strikers',
  api_app_id: 'A1',
  trigger_id: '1.2.3',
  token: 'legacy',
});

describe('startSlack in Socket Mode', () => {
  it('connects over the WebSocket from apps.connections.open and listens on no port', () => {
    expect(slack.port).toBeUndefined();
    expect(slack.botUserId).toBe('UBOT');
    expect(fake.openSockets).toBe(1);
  });

  it('acks /ask at once and answers in the thread of the posted question', async () => {
    const question = 'How many mental health workers went on strike in Southern California?';
    const ack = await fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      payload: command(question),
      accepts_response_payload: true,
    });
    expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
    await fake.waitFor(() => posts().length === 2);
    expect(posts()[0]?.args.text).toBe(`<@U123> asked: ${question}`);
    expect(posts()[1]?.args.thread_ts).toBe('1700000000.000001');
    const blocks = posts()[1]?.args.blocks as { text?: { text: string } }[];
    expect(
      blocks[2]?.text?.text.startsWith(`*[1]* Reporter (CBS Los Angeles): ${SOCAL_SNIPPET}`),
    ).toBe(true);
  });

  it('acks an empty /ask with ephemeral usage help', async () => {
    const ack = await fake.sendEnvelope({
      envelope_id: 'env-2',
      type: 'slash_commands',
      payload: command(''),
      accepts_response_payload: true,
    });
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(ack.payload?.text).toContain(
      'Try `/ask How many workers struck in Southern California?`',
    );
    expect(fake.calls).toEqual([]);
  });

  it('answers a mention once even when Slack redelivers it', async () => {
    const payload = eventCallbackBody(
      {
        type: 'app_mention',
        user: 'U123',
        text: '<@UBOT> When did the contract expire?',
        ts: '1720000000.000001',
        channel: 'C1',
        event_ts: '1720000000.000001',
      },
      'EvSocket1',
    );
    await fake.sendEnvelope({
      envelope_id: 'env-3',
      type: 'events_api',
      payload,
      retry_attempt: 0,
    });
    await fake.sendEnvelope({
      envelope_id: 'env-4',
      type: 'events_api',
      payload,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    // A later DM is answered after both deliveries were handled.
    const dm = eventCallbackBody({
      type: 'message',
      channel_type: 'im',
      user: 'U123',
      text: 'Why did they strike?',
      ts: '1720000001.000001',
      channel: 'D1',
    });
    await fake.sendEnvelope({ envelope_id: 'env-5', type: 'events_api', payload: dm });
    await fake.waitFor(() => posts().length === 2 && fake.callsTo('reactions.remove').length === 2);
    expect(posts()[0]?.args).toMatchObject({ channel: 'C1', thread_ts: '1720000000.000001' });
    expect(engine.calls).toEqual([
      { question: 'When did the contract expire?', history: [] },
      { question: 'Why did they strike?', history: [] },
    ]);
  });
});

describe('startSlack in Socket Mode with a refused app token', () => {
  it('names SLACK_APP_TOKEN when Slack answers invalid_auth', async () => {
    const start = startSlack({
      botToken,
      appToken: 'xapp-revoked-token',
      apiUrl: fake.apiUrl,
      engine: () => engine,
      logger: silentLogger,
      webApiRetries: 0,
    });
    await expect(start).rejects.toThrow(
      new StrikebotError(
        'CONFIG_INVALID',
        'Slack refused SLACK_APP_TOKEN (apps.connections.open: invalid_auth); generate an app-level token with the connections:write scope under Basic Information > App-Level Tokens, or unset SLACK_APP_TOKEN to use HTTP mode',
      ),
    );
    await expect(start).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
