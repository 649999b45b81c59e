/** A structured logger; adapters receive one instead of touching `console`. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Severity names in increasing order. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written. Default `info`. */
  level: LogLevel;
  /** Where lines go. Default: standard error, so stdout stays clean for answers and `--json`. */
  write: (line: string) => void;
  /** Secret values (tokens, signing secrets) replaced by `[redacted]` wherever they appear. */
  secrets: readonly string[];
  /** Clock for timestamps. Default `() => new Date()`. */
  now: () => Date;
}

const defaultOptions: LoggerOptions = {
  level: 'info',
  write: (line) => process.stderr.write(`${line}\n`),
  secrets: [],
  now: () => new Date(),
};

/** Replaces every occurrence of each secret (4+ characters) in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

function serialiseField(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

/**
 * Creates a logger that writes one line per event: `time level message {fields}`.
 * Secrets are redacted from the whole line, fields included.
 *
 * @example
 * const log = createLogger({ level: 'debug', secrets: [config.DISCORD_TOKEN] });
 * log.info('discord ready', { guilds: 3 });
 */
export function createLogger(options: Partial<LoggerOptions> = {}): Logger {
  const { level, write, secrets, now } = { ...defaultOptions, ...options };
  const threshold = LOG_LEVELS.indexOf(level);
  const emit =
    (lineLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: Record<string, unknown>) => {
      if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
      let line = `${now().toISOString()} ${lineLevel.toUpperCase()} ${message}`;
      if (fields && Object.keys(fields).length > 0) {
        const plain = Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [k, serialiseField(v)]),
        );
        line += ` ${JSON.stringify(plain)}`;
      }
      write(redactSecrets(line, secrets));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything; handy in tests. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
