/**
 * `npm run discord:register`: registers the `/ask`, `/sources` and `/timeline` slash commands with Discord, to
 * `DISCORD_GUILD_ID` when set (available at once) or globally (may take up to an hour).
 */
import { config as loadDotenv } from 'dotenv';
import { configSecrets, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { registerCommandsFromConfig } from './register-from-config.ts';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: configSecrets(config) });
  const { scope, names } = await registerCommandsFromConfig(config, logger);
  const where = scope === 'guild' ? `server ${config.DISCORD_GUILD_ID}` : 'every server (global)';
  process.stdout.write(`Registered /${names.join(', /')} for ${where}.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`strikebot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
