/**
 * Sends requests to a Bolt app exactly as Slack does: `v0` HMAC-SHA256 signatures over
 * `v0:<timestamp>:<raw body>`, form-encoded slash commands and JSON Events API callbacks.
 */
import { createHmac } from 'node:crypto';

/**
 * The `X-Slack-Signature` value for `body` sent at `timestampSec`.
 *
 * @example
 * signSlackBody('secret', 1700000000, 'a=1'); // 'v0=…64 hex digits'
 */
export function signSlackBody(secret: string, timestampSec: number, body: string): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`);
  return `v0=${hmac.digest('hex')}`;
}

/** Options for {@link postSignedToSlackApp}. */
export interface SignedPostOptions {
  /** Content type sent. Default: `application/json` for objects, form for strings. */
  contentType: string;
  /** Request time in seconds. Default: now. */
  timestampSec: number;
  /** Secret used to sign; pass a wrong one to test rejection. */
  secret: string;
  /** Extra headers (e.g. `X-Slack-Retry-Num`). */
  headers: Record<string, string>;
}

/**
 * POSTs a signed request to `<baseUrl>/slack/events`. A string body is sent as
 * `application/x-www-form-urlencoded` (exactly; Bolt refuses a charset suffix), an object as JSON.
 */
export async function postSignedToSlackApp(
  baseUrl: string,
  body: string | Record<string, unknown>,
  options: Partial<SignedPostOptions> & { secret: string },
): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType =
    options.contentType ??
    (typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json');
  const timestampSec = options.timestampSec ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestampSec),
      'X-Slack-Signature': signSlackBody(options.secret, timestampSec, raw),
      ...options.headers,
    },
    body: raw,
  });
}

/** Fields of a slash command payload; the defaults describe `/ask` in `#strike-news`. */
export interface SlashCommandFields {
  command: string;
  text: string;
  response_url: string;
  user_id: string;
  channel_id: string;
  trigger_id: string;
}

/**
 * The fields Slack sends for a slash command, as an object (a Socket Mode envelope's `payload`);
 * the defaults describe `/ask` in `#strike-news`.
 */
export function slashCommandPayload(
  fields: Partial<SlashCommandFields> & { text: string },
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'strikers',
    channel_id: 'C1',
    channel_name: 'strike-news',
    user_id: 'U123',
    user_name: 'rosa',
    command: '/ask',
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: '1.2.3',
    api_app_id: 'A1',
    ...fields,
  };
}

/** The form body Slack sends for a slash command over HTTP. */
export function slashCommandBody(fields: Partial<SlashCommandFields> & { text: string }): string {
  return new URLSearchParams(slashCommandPayload(fields)).toString();
}

let nextEventId = 1;

/** An Events API `event_callback` body wrapping `event`, with a fresh `event_id` unless given. */
export function eventCallbackBody(
  event: Record<string, unknown>,
  eventId = `Ev${String(nextEventId++).padStart(6, '0')}`,
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true, enterprise_id: null }],
    event,
  };
}

/** Fields of a button click (`block_actions`) that tests vary. */
export interface BlockActionFields {
  actionId: string;
  value: string;
  userId: string;
  triggerId: string;
  responseUrl: string;
  channelId: string;
  messageTs: string;
}

let nextAction = 1;

/** The interaction payload Slack sends when a person clicks a button in a message. */
export function blockActionsPayload(
  fields: Partial<BlockActionFields> & { actionId: string },
): Record<string, unknown> {
  const n = nextAction++;
  const {
    actionId,
    value = '',
    userId = 'U123',
    triggerId = `9${n}.1.${n}`,
    responseUrl = 'http://127.0.0.1:9/unused',
    channelId = 'C1',
    messageTs = '1700000000.000002',
  } = fields;
  return {
    type: 'block_actions',
    user: { id: userId, username: 'rosa', name: 'rosa', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: false,
    },
    trigger_id: triggerId,
    team: { id: 'T1', domain: 'strikers' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'strike-news' },
    message: { type: 'message', user: 'UBOT', ts: messageTs, text: 'answer', bot_id: 'BBOT' },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'strikebot:feedback',
        text: { type: 'plain_text', text: 'Helpful', emoji: true },
        value,
        type: 'button',
        action_ts: `1700000100.${String(n).padStart(6, '0')}`,
      },
    ],
  };
}

/** The form body Slack POSTs for a button click: `payload=<JSON>`. */
export function blockActionsBody(
  fields: Partial<BlockActionFields> & { actionId: string },
): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(fields)) }).toString();
}
