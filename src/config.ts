import { join } from 'node:path';
import { z } from 'zod';
import { StrikebotError } from './core/errors.ts';
import { LOG_LEVELS } from './logger.ts';

/** Empty strings in `.env` (`DISCORD_TOKEN=`) mean "not set". */
const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
);
const optionalUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.url({ protocol: /^https?$/ }).optional(),
);
const positiveInt = (fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().positive().default(fallback),
  );
const snowflake = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, 'must be a Discord snowflake id (17 to 20 digits)')
    .optional(),
);

/** A switch: `on` (the default) or `off`, in any case; empty means the default. */
const onOff = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
  z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).default('on'),
);

/** The environment strikebot reads; `.env.example` documents each variable. */
export const configSchema = z
  .object({
    /** Folder of `.md`/`.txt` source documents. */
    KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
    /** Where the prebuilt index snapshot is kept. */
    INDEX_SNAPSHOT: z.string().trim().min(1).default('.cache/index.bin'),
    /** `off`: the running bot does not follow changes to the knowledge folder (no hot reload). */
    KNOWLEDGE_WATCH: onOff,
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Questions longer than this get a polite refusal. */
    MAX_QUESTION_LENGTH: positiveInt(500),
    /** Per-user token bucket: questions allowed in a burst. */
    RATE_LIMIT_BURST: positiveInt(5),
    /** Per-user token bucket: questions refilled per minute. */
    RATE_LIMIT_PER_MINUTE: positiveInt(10),
    /** Folder of the question log (`strikebot.db`) and its user-hash key. */
    DATA_DIR: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.string().trim().min(1).default('.data'),
    ),
    /** `off` keeps no question log at all. */
    QUESTION_LOG: onOff,
    /** Questions (and their votes) older than this many days are deleted from the log. */
    QUESTION_LOG_RETENTION_DAYS: positiveInt(90),

    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: snowflake,
    DISCORD_GUILD_ID: snowflake,
    DISCORD_API_URL: optionalUrl,

    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'must be a bot token starting with "xoxb-"',
    }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'must be an app-level token starting with "xapp-"',
    }),
    SLACK_API_URL: optionalUrl,
    PORT: positiveInt(3000).pipe(z.number().max(65535)),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is required when DISCORD_TOKEN is set (Developer Portal > General Information)',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'is required when SLACK_BOT_TOKEN is set in HTTP mode (Basic Information > Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
      });
    }
    if (!env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_APP_TOKEN is set',
      });
    }
  });

/** Parsed, validated configuration. */
export type Config = z.infer<typeof configSchema>;

/**
 * Parses the environment once. Throws a {@link StrikebotError} (`CONFIG_INVALID`) whose message
 * names every variable at fault; values are never echoed, since some are secrets.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return `  ${name}: ${issue.message}`;
  });
  throw new StrikebotError(
    'CONFIG_INVALID',
    `Invalid configuration (see .env.example):\n${problems.join('\n')}`,
  );
}

/** Secret values in the config, for log redaction. */
export function configSecrets(config: Config): string[] {
  return [
    config.DISCORD_TOKEN,
    config.SLACK_BOT_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_APP_TOKEN,
  ].filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** The question log's database file: `strikebot.db` in `DATA_DIR`. */
export function questionLogFile(config: Pick<Config, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'strikebot.db');
}

/** True when Discord credentials are present. */
export function hasDiscord(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN);
}

/** True when Slack credentials are present. */
export function hasSlack(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN);
}
