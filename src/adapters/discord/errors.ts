/**
 * What a Discord REST error means for the shared failure policy (`src/bot/failure-policy.ts`),
 * and how it is logged.
 */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { FailureKind } from '../../bot/failure-policy.ts';

/** The log fields of a Discord error: its message, HTTP status and Discord error code. */
export function errorFields(error: unknown): Record<string, unknown> {
  const e = error as { message?: string; status?: number; code?: unknown };
  return { error: e?.message ?? String(error), status: e?.status, code: e?.code };
}

/**
 * What kind of failure a Discord error is, for the shared failure policy: refused for lack of
 * access or permission; may have landed when the request was aborted after it was sent; transient
 * for rate limits and server errors (discord.js waits out 429s and retries 5xx itself first).
 */
export function classifyDiscordError(error: unknown): FailureKind {
  if (isMissingPermission(error)) return 'refused';
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && (status === 429 || status >= 500)) return 'transient';
  if ((error as Error)?.name === 'AbortError') return 'may-have-landed';
  return 'failed';
}

/**
 * True when Discord refused a call because the bot may not see the channel (50001 Missing Access)
 * or lacks a permission there (50013 Missing Permissions): retrying cannot help, an admin can.
 * Rate limits (429) and server errors (5xx) never land here; discord.js retries those itself.
 */
export function isMissingPermission(error: unknown): error is DiscordAPIError {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.MissingAccess ||
      error.code === RESTJSONErrorCodes.MissingPermissions)
  );
}
