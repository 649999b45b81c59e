/**
 * One failure policy for every platform. Each adapter only says what kind of failure a platform
 * error is; what happens next is decided here.
 */

/**
 * What kind of failure a delivery error is:
 * - `refused`: the platform refused for lack of permission or access (not in the channel,
 *   Missing Permissions); retrying cannot help, an admin can.
 * - `may-have-landed`: the call timed out or broke after it was sent; the message may be there
 *   already, and the platform has no idempotency key.
 * - `transient`: a rate limit, a server error, or a connection that never opened; the platform
 *   client retries these itself (Retry-After honoured) before the error reaches the bot.
 * - `failed`: anything else.
 */
export type FailureKind = 'refused' | 'may-have-landed' | 'transient' | 'failed';

/** What the bot does after a failed delivery. */
export interface FailureAction {
  /** Whether the platform client may retry the call. */
  retry: boolean;
  /** Deliver the reply to the asker privately instead, with guidance on what to grant. */
  privately: boolean;
  /** Apologise where the question was asked. */
  apologise: boolean;
}

const ACTIONS: Record<FailureKind, FailureAction> = {
  // Permission refused: answer privately with guidance; an apology would be refused too.
  refused: { retry: false, privately: true, apologise: false },
  // May have landed: a retry or an apology under a posted answer would only confuse. Log it.
  'may-have-landed': { retry: false, privately: false, apologise: false },
  // Transient: retried by the client; when the retries run out, apologise.
  transient: { retry: true, privately: false, apologise: true },
  failed: { retry: false, privately: false, apologise: true },
};

/**
 * What to do about a failure of `kind`.
 *
 * @example
 * decideFailure('refused'); // { retry: false, privately: true, apologise: false }
 */
export function decideFailure(kind: FailureKind): FailureAction {
  return ACTIONS[kind];
}
