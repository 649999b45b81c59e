/**
 * Secrets never reach a log line or a posted reply: both adapters run with a logger that does no
 * redaction of its own, at debug level, while the engine and the platform APIs fail with errors
 * whose messages contain the token and signing secret.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/bot.ts';
import { startSlack } from '../../src/adapters/slack/app.ts';
import { createBoltLogger } from '../../src/adapters/slack/bolt-logger.ts';
import { createLogger } from '../../src/logger.ts';
import { FAKE_IDS, FAKE_TOKEN, startFakeDiscord } from '../fakes/discord/fake-discord.ts';
import { startFakeSlack } from '../fakes/slack/fake-slack.ts';
import { postSignedToSlackApp, slashCommandBody } from '../fakes/slack/sign.ts';

vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

const slackToken = 'xoxb-secret-bot-token-123456';
const signingSecret = 'secret-signing-value-abcdef';
const secrets = [FAKE_TOKEN, slackToken, signingSecret];
const lines: string[] = [];
// No `secrets` here: whatever redaction happens is the adapters' own.
const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
/** An engine whose errors carry `own` (each adapter knows, and redacts, its own secrets). */
const leakyEngine = (own: string[]) => ({
  documents: [],
  chunks: [],
  timeline: () => [],
  answer(question: string): never {
    throw Object.assign(new Error(`engine broke near ${own.join(' and ')} (${question})`), {
      code: `E_${own[0]}`,
    });
  },
});
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function expectNoSecret(texts: string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('secrets', () => {
  it('never appear in Discord logs or replies', async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      engine: () => leakyEngine([FAKE_TOKEN]),
      logger,
      restRetries: 0,
    });
    cleanups.push(() => discord.stop());
    fake.sendSlashCommand('why strike?');
    fake.fail('POST', /^\/channels\/\d+\/messages$/, 500, 1);
    fake.sendMessage({ content: `<@${FAKE_IDS.botUserId}> when?`, mentionsBot: true });
    await vi.waitFor(
      () => {
        expect(lines.filter((l) => l.includes('discord engine failed'))).toHaveLength(2);
        expect(lines.some((l) => l.includes('discord could not send'))).toBe(true);
      },
      { timeout: 10_000 },
    );
    expect(lines.join('\n')).toContain('[redacted]');
    expectNoSecret(lines);
    expectNoSecret(fake.calls.map((c) => JSON.stringify(c.body ?? '')));
  });

  it('never appear in Slack or Bolt logs or replies', async () => {
    const fake = await startFakeSlack({ botToken: slackToken });
    cleanups.push(() => fake.close());
    const slack = await startSlack({
      botToken: slackToken,
      signingSecret,
      apiUrl: fake.apiUrl,
      port: 0,
      host: '127.0.0.1',
      engine: () => leakyEngine([slackToken, signingSecret]),
      logger,
      webApiRetries: 0,
    });
    cleanups.push(() => slack.stop());
    const base = `http://127.0.0.1:${slack.port}`;
    const before = lines.length;
    await postSignedToSlackApp(
      base,
      slashCommandBody({ text: 'why strike?', response_url: fake.responseUrl('r1') }),
      { secret: signingSecret },
    );
    // A bad signature makes Bolt log; an unknown method error carries the token in its message.
    await postSignedToSlackApp(base, slashCommandBody({ text: 'x' }), { secret: 'wrong' });
    fake.failNext('chat.postMessage', `invalid_auth ${slackToken}`);
    await postSignedToSlackApp(
      base,
      {
        type: 'event_callback',
        event_id: 'EvSecret',
        team_id: 'T1',
        api_app_id: 'A1',
        event: { type: 'app_mention', user: 'U1', text: '<@UBOT> hi', ts: '1.1', channel: 'C1' },
      },
      { secret: signingSecret },
    );
    await fake.waitFor(() => fake.responses.length === 1, 10_000);
    await fake.waitFor(() => fake.reactionsSettled(), 10_000);
    const slackLines = lines.slice(before);
    expect(slackLines.some((l) => l.includes('slack: could not answer /ask'))).toBe(true);
    expectNoSecret(slackLines);
    expectNoSecret([
      ...fake.history.map((c) => JSON.stringify(c.args)),
      ...fake.responses.map((r) => JSON.stringify(r.body)),
    ]);
  });

  it('never pass through the Bolt logger, whatever a library hands it', () => {
    const own: string[] = [];
    const bolt = createBoltLogger(
      createLogger({ level: 'debug', write: (l) => own.push(l) }),
      secrets,
    );
    bolt.setLevel('debug' as never);
    bolt.debug('token', slackToken, { headers: { Authorization: `Bearer ${slackToken}` } });
    bolt.info(new Error(`signature ${signingSecret}`));
    bolt.warn(`Bot ${FAKE_TOKEN}`);
    bolt.error({ nested: [signingSecret] });
    expect(own).toHaveLength(4);
    expectNoSecret(own);
  });
});
