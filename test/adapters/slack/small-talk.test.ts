/**
 * Greetings, help, thanks and "what sources do you have?" on Slack, through the real Bolt app and
 * the fake Slack: a short reply, not the engine; thanks in a thread gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeSlackText } from '../../../src/adapters/slack/format.ts';
import { greetingText, sourcesText } from '../../../src/bot/wording.ts';
import type { FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { eventCallbackBody, postSignedToSlackApp } from '../../fakes/slack/sign.ts';
import { startSlackOnFake } from '../../fakes/slack/start-on-fake.ts';
import { createTestEngine } from './fixtures.ts';

const secret = 'small-talk-secret';
const botToken = 'xoxb-test-token';
const engine = createTestEngine();
const surface = { platform: 'slack' as const, command: '/ask' };
let fake: FakeSlack;
let close: () => Promise<void>;
let base: string;

beforeAll(async () => {
  ({ fake, base, close } = await startSlackOnFake({
    botToken,
    signingSecret: secret,
    engine: () => engine,
  }));
});
afterAll(() => close?.());

const send = (event: Record<string, unknown>) =>
  postSignedToSlackApp(base, eventCallbackBody(event), { secret });
const posts = () => fake.callsTo('chat.postMessage');

describe('small talk on Slack', () => {
  it('greets a mention in its thread, and names the sources when asked', async () => {
    await send({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> hello!',
      ts: '1711.000001',
      channel: 'C1',
    });
    await fake.waitFor(() => posts().length === 1);
    expect(posts()[0]?.args).toMatchObject({
      channel: 'C1',
      thread_ts: '1711.000001',
      text: escapeSlackText(greetingText(surface)),
    });
    await send({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'what sources do you have?',
      ts: '1711.000002',
      channel: 'D1',
    });
    await fake.waitFor(() => posts().length === 2);
    expect(posts()[1]?.args.text).toBe(
      escapeSlackText(
        sourcesText(surface, {
          documents: 2,
          publishers: ['CBS Los Angeles', 'The Sacramento Bee'],
          from: '2024-10-14',
          to: '2024-10-14',
        }),
      ),
    );
    expect(engine.calls).toEqual([]);
  });

  it('says nothing to thanks in its thread, and answers the next question there', async () => {
    fake.reset();
    await send({
      type: 'app_mention',
      user: 'U2',
      text: '<@UBOT> when did the contract expire?',
      ts: '1712.000001',
      channel: 'C1',
    });
    await fake.waitFor(() => posts().length === 1);
    await send({
      type: 'message',
      channel_type: 'channel',
      user: 'U2',
      text: 'thanks!',
      ts: '1712.000002',
      thread_ts: '1712.000001',
      channel: 'C1',
    });
    await send({
      type: 'message',
      channel_type: 'channel',
      user: 'U2',
      text: 'and in 2022?',
      ts: '1712.000003',
      thread_ts: '1712.000001',
      channel: 'C1',
    });
    await fake.waitFor(() => posts().length === 2);
    expect(engine.calls.map((c) => c.question)).toEqual([
      'when did the contract expire?',
      'and in 2022?',
    ]);
    expect(engine.calls[1]?.history).toEqual(['when did the contract expire?']);
  });
});
