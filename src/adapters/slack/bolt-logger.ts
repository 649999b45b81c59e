import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, redactSecrets } from '../../logger.ts';

const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

function describe(part: unknown): string {
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/**
 * Wraps strikebot's {@link Logger} as the logger Bolt, its Web API client and its Socket Mode
 * client write to. Lines are prefixed with `slack:`, secrets are redacted even if a library puts
 * one in a message, and Bolt's own level setting filters below our logger's.
 *
 * @example
 * new App({ token, signingSecret, logger: createBoltLogger(logger, [token, signingSecret]) });
 */
export function createBoltLogger(logger: Logger, secrets: readonly string[]): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const emit =
    (lineLevel: LogLevel, write: Logger['info']) =>
    (...parts: unknown[]) => {
      if (order.indexOf(lineLevel) < order.indexOf(level)) return;
      write(`slack: ${redactSecrets(parts.map(describe).join(' '), secrets)}`);
    };
  return {
    debug: emit(LogLevel.DEBUG, logger.debug.bind(logger)),
    info: emit(LogLevel.INFO, logger.info.bind(logger)),
    warn: emit(LogLevel.WARN, logger.warn.bind(logger)),
    error: emit(LogLevel.ERROR, logger.error.bind(logger)),
    setLevel(next) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}
