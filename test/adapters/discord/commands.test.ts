import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  askCommand,
  discordInviteUrl,
  registerCommands,
  requiredPermissions,
  sourcesCommand,
  timelineCommand,
} from '../../../src/adapters/discord/commands.ts';
import { StrikebotError } from '../../../src/core/errors.ts';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from '../../fakes/discord/fake-discord.ts';
import { createRecordingLogger } from './fixtures.ts';

// Real sockets and a real client: generous limits so a loaded CI machine does not fail them.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });

describe('askCommand', () => {
  it('is /ask with one required question of at most 500 characters, in servers and DMs', () => {
    expect(askCommand).toEqual({
      type: 1,
      name: 'ask',
      description: 'Ask about the Kaiser Permanente mental health strikes; answers quote the news.',
      contexts: [0, 1],
      integration_types: [0],
      options: [
        {
          type: 3,
          name: 'question',
          description: 'Your question, e.g. how many workers struck in Southern California?',
          required: true,
          max_length: 500,
        },
      ],
    });
  });
});

describe('sourcesCommand', () => {
  it('is /sources with an optional page of at least 1, in servers and DMs', () => {
    expect(sourcesCommand).toEqual({
      type: 1,
      name: 'sources',
      description: 'List the documents strikebot answers from, newest first.',
      contexts: [0, 1],
      integration_types: [0],
      options: [
        {
          type: 4,
          name: 'page',
          description: 'Which page of the list (1 is the newest documents)',
          required: false,
          min_value: 1,
        },
      ],
    });
  });
});

describe('timelineCommand', () => {
  it('is /timeline with one optional year-or-words query, in servers and DMs', () => {
    expect(timelineCommand).toEqual({
      type: 1,
      name: 'timeline',
      description:
        'Dated events of the Kaiser mental health strikes, oldest first, quoted from the news.',
      contexts: [0, 1],
      integration_types: [0],
      options: [
        {
          type: 3,
          name: 'query',
          description: 'A year or words to keep, e.g. 2019 or contract',
          required: false,
          max_length: 100,
        },
      ],
    });
  });

  it("keeps its descriptions within Discord's 100-character limit", () => {
    // https://discord.com/developers/docs/interactions/application-commands: 1-100 characters.
    for (const command of [askCommand, sourcesCommand, timelineCommand]) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const option of command.options ?? []) {
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('discordInviteUrl', () => {
  it('asks for the bot and applications.commands scopes and exactly the permissions used', () => {
    expect(requiredPermissions.toArray()).toEqual([
      'ViewChannel',
      'SendMessages',
      'EmbedLinks',
      'ReadMessageHistory',
      'CreatePublicThreads',
      'SendMessagesInThreads',
    ]);
    expect(discordInviteUrl('123456789012345678')).toBe(
      'https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot+applications.commands&permissions=309237730304',
    );
  });

  it('preselects the server when given its id', () => {
    expect(discordInviteUrl('123456789012345678', '876543210987654321')).toBe(
      'https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot+applications.commands&permissions=309237730304&guild_id=876543210987654321&disable_guild_select=true',
    );
  });
});

describe('registerCommands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.calls.length = 0;
  });

  it('puts /ask, /sources and /timeline to one server when given a guild id', async () => {
    const logger = createRecordingLogger();
    const result = await registerCommands({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      guildId: FAKE_IDS.guildId,
      apiUrl: fake.apiUrl,
      logger,
    });
    expect(result).toEqual({ scope: 'guild', names: ['ask', 'sources', 'timeline'] });
    expect(fake.calls.map((c) => [c.method, c.path, c.body])).toEqual([
      [
        'PUT',
        `/applications/${FAKE_IDS.applicationId}/guilds/${FAKE_IDS.guildId}/commands`,
        [askCommand, sourcesCommand, timelineCommand],
      ],
    ]);
    expect(logger.lines).toEqual([
      {
        level: 'info',
        message: 'discord commands registered',
        fields: {
          scope: 'guild',
          names: ['ask', 'sources', 'timeline'],
          guildId: FAKE_IDS.guildId,
        },
      },
    ]);
  });

  it('puts the commands globally without a guild id', async () => {
    const result = await registerCommands({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      logger: createRecordingLogger(),
    });
    expect(result).toEqual({ scope: 'global', names: ['ask', 'sources', 'timeline'] });
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `PUT /applications/${FAKE_IDS.applicationId}/commands`,
    ]);
  });

  it('names the variables to check when Discord refuses', async () => {
    fake.fail('PUT', /commands$/, 403);
    const attempt = registerCommands({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      guildId: FAKE_IDS.guildId,
      apiUrl: fake.apiUrl,
      logger: createRecordingLogger(),
    });
    await expect(attempt).rejects.toThrow(StrikebotError);
    await expect(attempt).rejects.toThrow(
      'Registering the Discord guild commands failed (Missing Permissions): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID (is the bot in that server with the applications.commands scope?).',
    );
  });
});
