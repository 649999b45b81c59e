/**
 * `npm run discord:register` reads its settings from the parsed configuration; the adapter's
 * {@link registerCommands} takes them as plain arguments.
 */
import { type RegisteredCommands, registerCommands } from '../adapters/discord/commands.ts';
import type { Config } from '../config.ts';
import { StrikebotError } from '../core/errors.ts';
import type { Logger } from '../logger.ts';

/**
 * Registers the commands with the Discord settings of a parsed {@link Config}: to
 * `DISCORD_GUILD_ID` when set, globally otherwise. Throws a {@link StrikebotError}
 * (`CONFIG_INVALID`) naming the variable when `DISCORD_TOKEN` or `DISCORD_APPLICATION_ID` is missing.
 *
 * @example
 * await registerCommandsFromConfig(loadConfig(process.env), logger);
 */
export function registerCommandsFromConfig(
  config: Pick<
    Config,
    'DISCORD_TOKEN' | 'DISCORD_APPLICATION_ID' | 'DISCORD_GUILD_ID' | 'DISCORD_API_URL'
  >,
  logger: Logger,
): Promise<RegisteredCommands> {
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID, DISCORD_API_URL } = config;
  const missing = [
    DISCORD_TOKEN ? undefined : 'DISCORD_TOKEN (Developer Portal > Bot > Reset Token)',
    DISCORD_APPLICATION_ID
      ? undefined
      : 'DISCORD_APPLICATION_ID (Developer Portal > General Information > Application ID)',
  ].filter((m): m is string => m !== undefined);
  if (!DISCORD_TOKEN || !DISCORD_APPLICATION_ID) {
    return Promise.reject(
      new StrikebotError(
        'CONFIG_INVALID',
        `Cannot register Discord commands: set ${missing.join(' and ')} in .env.`,
      ),
    );
  }
  return registerCommands({
    token: DISCORD_TOKEN,
    applicationId: DISCORD_APPLICATION_ID,
    ...(DISCORD_GUILD_ID ? { guildId: DISCORD_GUILD_ID } : {}),
    ...(DISCORD_API_URL ? { apiUrl: DISCORD_API_URL } : {}),
    logger,
  });
}
