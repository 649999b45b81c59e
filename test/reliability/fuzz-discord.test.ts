/**
 * Hostile gateway traffic to the real `src/main.ts` (a child process running the real discord.js
 * client against the fake Discord): frames that are not JSON, dispatches with wrong field types,
 * unknown events, unknown interaction and component types, button ids that are not ours or are
 * malformed, empty and huge messages. Some of it makes discord.js itself throw while it reads the
 * event; the adapter logs that with the event's id and drops the event, and the process keeps
 * serving: a normal question is answered after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  humanUser,
  startFakeDiscord,
} from '../fakes/discord/fake-discord.ts';
import {
  type BotProcess,
  botEnvironment,
  repoRoot,
  startBotProcess,
} from '../fixtures/bot-process.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const SOCAL_SNIPPET_START = 'Nearly 2,400 mental health workers at Kaiser Permanente facilities';
let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = await mkdtemp(join(tmpdir(), 'strikebot-fuzz-discord-'));
  bot = startBotProcess(
    botEnvironment({
      KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
      INDEX_SNAPSHOT: join(dir, 'index.bin'),
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_IDS.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    }),
  );
  await bot.waitForOutput('discord ready', 60_000);
});
afterAll(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null)
    bot.child.kill('SIGKILL');
  await bot?.exited;
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const interaction = (over: Record<string, unknown>) => ({
  id: '990000000000000001',
  application_id: FAKE_IDS.applicationId,
  token: 'hostile-token',
  version: 1,
  guild_id: FAKE_IDS.guildId,
  channel_id: FAKE_IDS.channelId,
  channel: { id: FAKE_IDS.channelId, type: 0, guild_id: FAKE_IDS.guildId },
  member: {
    user: humanUser,
    roles: [],
    joined_at: '2024-10-14T16:00:00.000000+00:00',
    permissions: '0',
  },
  app_permissions: '0',
  locale: 'en-US',
  entitlements: [],
  authorizing_integration_owners: {},
  ...over,
});
let nextId = 991000000000000000n;
const id = () => String(nextId++);

describe('the Discord client under hostile gateway traffic', () => {
  it('survives malformed frames and dispatches, then still answers a question', async () => {
    for (const frame of [
      '',
      'not json',
      '{"op": 0, "t": "MESSAGE_CREATE", "d": ',
      '[]',
      'null',
      '42',
    ]) {
      fake.sendRawFrame(frame);
    }
    fake.dispatch('SOMETHING_NEW', { what: 'an event type discord.js does not know' });
    fake.dispatch('MESSAGE_CREATE', {});
    const broken = id();
    fake.dispatch('MESSAGE_CREATE', {
      id: broken,
      channel_id: FAKE_IDS.channelId,
      content: 42,
      author: 'nobody',
    });
    fake.dispatch('INTERACTION_CREATE', interaction({ id: id(), type: 99, data: {} }));
    fake.dispatch(
      'INTERACTION_CREATE',
      interaction({ id: id(), type: 2, data: { id: '1', name: 'other', type: 1 } }),
    );
    fake.dispatch(
      'INTERACTION_CREATE',
      interaction({ id: id(), type: 2, data: { id: '1', name: 'ask', type: 1, options: [] } }),
    );
    fake.dispatch(
      'INTERACTION_CREATE',
      interaction({
        id: id(),
        type: 2,
        data: {
          id: '1',
          name: 'ask',
          type: 1,
          options: [{ name: 'question', type: 3, value: 12 }],
        },
      }),
    );
    fake.dispatch(
      'INTERACTION_CREATE',
      interaction({ id: id(), type: 4, data: { name: 'ask', options: [] } }),
    );
    fake.dispatch(
      'INTERACTION_CREATE',
      interaction({ id: id(), type: 5, data: { custom_id: 'x', components: [] } }),
    );
    fake.dispatch(
      'INTERACTION_CREATE',
      interaction({ id: id(), type: 3, data: { custom_id: 'x', component_type: 77 } }),
    );
    for (const customId of [
      'other:thing',
      'strikebot:helpful:',
      'strikebot:vote:../../etc',
      'strikebot:helpful:a:b',
      'x'.repeat(100),
    ]) {
      fake.clickButton(customId);
    }
    fake.sendMessage({ content: '', dm: true });
    fake.sendMessage({ content: '\u0000\u001b[31m\u202e', dm: true });
    fake.sendMessage({
      content: `<@${FAKE_IDS.botUserId}> ${'strike '.repeat(15_000)}`,
      mentionsBot: true,
    });

    fake.calls.length = 0;
    // Someone else asks (the hostile messages used up the first person's rate limit).
    fake.sendMessage({
      content: 'How many mental health workers went on strike?',
      dm: true,
      author: { ...humanUser, id: '400000000000000077' },
    });
    const answer = await fake
      .waitForCall(
        (c) =>
          c.method === 'POST' &&
          /^\/channels\/\d+\/messages$/.test(c.path) &&
          JSON.stringify(c.body).includes(SOCAL_SNIPPET_START),
        20_000,
      )
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${bot.output()}`);
      });
    expect(answer.status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
    // discord.js itself threw on the message whose author is a string; the adapter logged it with
    // the message's id, dropped it and kept serving. Nothing else escaped.
    const dropped = bot
      .output()
      .split('\n')
      .filter((line) => line.includes('ERROR discord could not read a gateway event; dropped it'));
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toContain(`"requestId":"${broken}","event":"MESSAGE_CREATE"`);
    expect(bot.output()).not.toContain('still serving');
    expect(bot.output()).not.toContain('discord handler failed');
  });
});
