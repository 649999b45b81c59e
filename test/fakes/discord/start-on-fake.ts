import { type StartDiscordOptions, startDiscord } from '../../../src/adapters/discord/bot.ts';
import type { RunningAdapter } from '../../../src/adapters/types.ts';
import { createRecordingLogger } from '../../adapters/discord/fixtures.ts';
import { FAKE_IDS, FAKE_TOKEN, type FakeDiscord, startFakeDiscord } from './fake-discord.ts';

/** A fake Discord and the real adapter connected to it. */
export interface DiscordOnFake {
  fake: FakeDiscord;
  discord: RunningAdapter;
  /** Stops the adapter, then the fake. */
  close(): Promise<void>;
}

/**
 * Starts a fake Discord and the real adapter (discord.js) against it: the fake's token and ids,
 * no REST retries, no rate limit, a recording logger; `options` adds or overrides the rest.
 *
 * @example
 * const { fake, close } = await startDiscordOnFake({ engine: () => engine });
 */
export async function startDiscordOnFake(
  options: Omit<StartDiscordOptions, 'token' | 'applicationId' | 'logger'> &
    Partial<StartDiscordOptions>,
): Promise<DiscordOnFake> {
  const fake = await startFakeDiscord();
  const discord = await startDiscord({
    token: FAKE_TOKEN,
    applicationId: FAKE_IDS.applicationId,
    apiUrl: fake.apiUrl,
    logger: createRecordingLogger(),
    restRetries: 0,
    rateLimiter: { take: () => ({ ok: true }) },
    ...options,
  });
  return {
    fake,
    discord,
    async close() {
      await discord.stop();
      await fake.close();
    },
  };
}
