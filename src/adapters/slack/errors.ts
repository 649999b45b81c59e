/**
 * What a Slack Web API error means for the shared failure policy (`src/bot/failure-policy.ts`).
 */
import type { FailureKind } from '../../bot/failure-policy.ts';

/** Web API error codes meaning "the bot may not post in this conversation". */
const cannotPost = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'access_denied']);

/** Network errors meaning the request never left: retrying them cannot post twice. */
const notSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** The Web API's `error` code of a failed call (`not_in_channel`), if it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * True when a failed Web API call may still have been carried out: it timed out or its connection
 * broke after the request was sent. Slack's `chat.postMessage` has no idempotency key, so such a
 * call is not retried (a retry would post the answer twice) and no apology follows it.
 */
export function mayHaveLanded(error: unknown): boolean {
  const e = error as { code?: unknown; original?: { name?: unknown; cause?: unknown } } | undefined;
  if (e?.code !== 'slack_webapi_request_error' || !e.original) return false;
  const { name, cause } = e.original;
  // The Web API client's own timeout.
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  // fetch's "fetch failed" carries the socket error; anything but "never connected" is ambiguous.
  // (A 429 also arrives as a request error, without a cause: Slack refused it, so it is retried.)
  if (name !== 'TypeError' || typeof cause !== 'object' || cause === null) return false;
  const code = (cause as { code?: unknown }).code;
  return !(typeof code === 'string' && notSent.has(code));
}

/**
 * What kind of failure a Slack error is: refused when the bot may not post in the conversation,
 * may have landed when the call timed out or broke after it was sent, transient for rate limits
 * and server errors (the Web API client retries those first), failed otherwise.
 *
 * @example
 * classifySlackError(Object.assign(new Error(), { data: { error: 'not_in_channel' } })); // 'refused'
 */
export function classifySlackError(error: unknown): FailureKind {
  const code = slackErrorCode(error);
  if (code !== undefined && cannotPost.has(code)) return 'refused';
  if (mayHaveLanded(error)) return 'may-have-landed';
  const e = error as { code?: unknown } | undefined;
  if (code === 'ratelimited' || e?.code === 'slack_webapi_http_error') return 'transient';
  if (e?.code === 'slack_webapi_rate_limited_error') return 'transient';
  return 'failed';
}

/** The log fields of a Slack error: the error and its Web API code. */
export function describeSlackError(error: unknown): Record<string, unknown> {
  return { error, code: slackErrorCode(error) };
}
