import { type Logger, redactSecrets } from '../logger.ts';

/** Replaces secrets in strings, error messages, arrays and plain objects (4 levels deep). */
function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: redactSecrets(value.message, secrets),
      ...(code === undefined ? {} : { code: redactValue(code, secrets, depth + 1) }),
    };
  }
  if (depth >= 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets, depth + 1)]),
  );
}

/**
 * Wraps a logger so the adapter's own secrets never reach it, even when the logger handed in
 * does not redact (the one from `main.ts` does; a test's may not). Errors become
 * `{ name, message, code }` with the message redacted.
 *
 * @example
 * const log = createRedactingLogger(options.logger, [options.token]);
 */
export function createRedactingLogger(logger: Logger, secrets: readonly string[]): Logger {
  const live = secrets.filter((s) => s.length >= 4);
  const wrap = (write: Logger['info']) => (message: string, fields?: Record<string, unknown>) =>
    write(
      redactSecrets(message, live),
      fields === undefined ? undefined : (redactValue(fields, live) as Record<string, unknown>),
    );
  return {
    debug: wrap(logger.debug.bind(logger)),
    info: wrap(logger.info.bind(logger)),
    warn: wrap(logger.warn.bind(logger)),
    error: wrap(logger.error.bind(logger)),
  };
}
