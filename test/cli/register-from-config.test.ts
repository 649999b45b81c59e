import { describe, expect, it } from 'vitest';
import { registerCommandsFromConfig } from '../../src/cli/register-from-config.ts';
import { loadConfig } from '../../src/config.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';
import { FAKE_IDS, FAKE_TOKEN, startFakeDiscord } from '../fakes/discord/fake-discord.ts';

describe('registerCommandsFromConfig', () => {
  it('names the missing variables and where to find them', async () => {
    await expect(registerCommandsFromConfig({}, createRecordingLogger())).rejects.toThrow(
      'Cannot register Discord commands: set DISCORD_TOKEN (Developer Portal > Bot > Reset Token) and DISCORD_APPLICATION_ID (Developer Portal > General Information > Application ID) in .env.',
    );
  });

  it('registers to DISCORD_GUILD_ID through DISCORD_API_URL', async () => {
    const fake = await startFakeDiscord();
    try {
      const config = loadConfig({
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_APPLICATION_ID: FAKE_IDS.applicationId,
        DISCORD_GUILD_ID: FAKE_IDS.guildId,
        DISCORD_API_URL: fake.apiUrl,
      });
      const result = await registerCommandsFromConfig(config, createRecordingLogger());
      expect(result).toEqual({ scope: 'guild', names: ['ask', 'sources', 'timeline'] });
      expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        `PUT /applications/${FAKE_IDS.applicationId}/guilds/${FAKE_IDS.guildId}/commands`,
      ]);
    } finally {
      await fake.close();
    }
  });
});
