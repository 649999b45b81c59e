/**
 * The Slack adapter: a Bolt app that turns `/ask`, mentions, thread replies and DMs into engine
 * questions and posts the answers. It only translates; every answer comes from the engine.
 */
import type { Server } from 'node:http';
import { App, webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { type AnswerQueue, createAnswerQueue } from '../../bot/answer-queue.ts';
import { type ConversationStore, createConversationStore } from '../../bot/conversation-history.ts';
import { createRateLimiter, type RateLimiter } from '../../bot/rate-limit.ts';
import { rateLimitText } from '../../bot/wording.ts';
import type { Engine } from '../../core/engine.ts';
import { StrikebotError } from '../../core/errors.ts';
import type { Answer } from '../../core/types.ts';
import type { Logger } from '../../logger.ts';
import { createRedactingLogger } from '../redact.ts';
import type { RunningAdapter } from '../types.ts';
import { createBoltLogger } from './bolt-logger.ts';
import {
  escapeSlackText,
  formatSlackQuestion,
  formatSlackReply,
  type SlackBlock,
  type SlackMessage,
  toPlainQuestion,
} from './format.ts';

/** The bot token scopes the adapter uses; `manifest.yaml` requests exactly these. */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'groups:history',
  'im:history',
  'reactions:write',
] as const;

/** Options for {@link startSlack}. */
export interface SlackAdapterOptions {
  /** Bot token (`xoxb-...`), from `SLACK_BOT_TOKEN`. Required. */
  botToken: string;
  /** Signing secret, from `SLACK_SIGNING_SECRET`. Required in HTTP mode. */
  signingSecret: string | undefined;
  /** App-level token (`xapp-...`), from `SLACK_APP_TOKEN`; when set the app uses Socket Mode. */
  appToken: string | undefined;
  /** Web API base URL ending in `/` (e.g. `http://127.0.0.1:9999/api/`). Default: Slack's. */
  apiUrl: string | undefined;
  /** HTTP port for Events API and slash command requests (ignored in Socket Mode). Default 3000. */
  port: number;
  /** Interface to listen on. Default: all interfaces. */
  host: string | undefined;
  /** The answer engine (only its `answer` method is used). Required. */
  engine: Pick<Engine, 'answer'>;
  /** Where the adapter and Bolt log. Required. */
  logger: Logger;
  /** Slash command the bot answers. Default `/ask`. */
  command: string;
  /** Reaction shown on a question while it is being answered. Default `eyes`. */
  workingReaction: string;
  /**
   * Retries of a failed Web API call: HTTP 429 (after waiting the `Retry-After` Slack sends), HTTP
   * 5xx and connections that never opened; never a call that timed out or was cut off mid-way,
   * which may have posted already (see {@link mayHaveLanded}). Bolt's default is 10 over half an
   * hour. Default 2.
   */
  webApiRetries: number;
  /** A Web API call taking longer than this (ms) fails, so a hung call cannot hold an answer forever. Default 30,000. */
  webApiTimeoutMs: number;
  /** Memory of the threads the bot answers in. Default: a new {@link createConversationStore}. */
  conversations: ConversationStore | undefined;
  /** Events and messages remembered to drop Slack's retries. Default 5,000. */
  maxRemembered: number;
  /** Clock in milliseconds for that memory. Default `performance.now`. */
  now: () => number;
  /** Per-user limit on questions (by Slack user id). Default: a {@link createRateLimiter} with its defaults. */
  rateLimiter: RateLimiter | undefined;
  /** Where engine work waits its turn (share one between adapters). Default: a new {@link createAnswerQueue}. */
  answerQueue: AnswerQueue | undefined;
}

/** The options {@link startSlack} fills in when they are left out. */
export const defaultSlackOptions = {
  signingSecret: undefined,
  appToken: undefined,
  apiUrl: undefined,
  port: 3000,
  host: undefined,
  command: '/ask',
  workingReaction: 'eyes',
  webApiRetries: 2,
  webApiTimeoutMs: 30_000,
  conversations: undefined,
  maxRemembered: 5000,
  now: () => performance.now(),
  rateLimiter: undefined,
  answerQueue: undefined,
} satisfies Omit<SlackAdapterOptions, 'botToken' | 'engine' | 'logger'>;

/** What {@link startSlack} takes: the required fields plus any of the defaulted ones. */
export type SlackStartOptions = Pick<SlackAdapterOptions, 'botToken' | 'engine' | 'logger'> &
  Partial<Omit<SlackAdapterOptions, 'botToken' | 'engine' | 'logger'>>;

/** A started Slack adapter. */
export interface RunningSlackAdapter extends RunningAdapter {
  readonly name: 'slack';
  /** The port the HTTP receiver listens on; undefined in Socket Mode. */
  readonly port: number | undefined;
  /** The bot's user id, as `auth.test` reported it. */
  readonly botUserId: string;
}

/** What the bot says when answering failed for a reason on our side or Slack's. */
export const SORRY = 'Sorry, something went wrong while answering. Please try again in a minute.';

/** How long an idle HTTP connection to the app stays open. */
const KEEP_ALIVE_MS = 65_000;

/** Web API error codes meaning "the bot may not post in this conversation". */
const cannotPost = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'access_denied']);
/** Message subtypes that are still a person writing; all others (edits, bots...) are ignored. */
const personSubtypes = new Set([undefined, 'thread_broadcast', 'file_share']);

/** Network errors meaning the request never left: retrying them cannot post twice. */
const notSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

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

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function usageText(command: string): string {
  return [
    'Ask me about the Kaiser Permanente mental health strikes (NUHW, 2018 to 2024).',
    `Try \`${command} How many workers struck in Southern California?\``,
    'I answer from news articles and quote my sources. You can also mention me in a channel, reply in my threads, or send me a direct message.',
  ].join('\n');
}

function inviteBlock(botUserId: string): SlackBlock {
  return {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Only you can see this: I can't post in this conversation. To share answers here, invite me with \`/invite <@${botUserId}>\`.`,
        verbatim: true,
      },
    ],
  };
}

/** Fields of the message events the adapter reads. */
interface IncomingMessage {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
}

/**
 * Starts the Slack adapter: checks the bot token with `auth.test`, then serves Events API and
 * slash command requests over HTTP (the default) or Socket Mode (when `appToken` is set).
 * Throws a {@link StrikebotError} when the token is refused or a required option is missing.
 *
 * @example
 * const slack = await startSlack({
 *   botToken: config.SLACK_BOT_TOKEN,
 *   signingSecret: config.SLACK_SIGNING_SECRET,
 *   appToken: config.SLACK_APP_TOKEN,
 *   apiUrl: config.SLACK_API_URL,
 *   port: config.PORT,
 *   engine,
 *   logger,
 * });
 * // later
 * await slack.stop();
 */
export async function startSlack(options: SlackStartOptions): Promise<RunningSlackAdapter> {
  const opts: SlackAdapterOptions = {
    ...defaultSlackOptions,
    ...stripUndefined(options),
    botToken: options.botToken,
    engine: options.engine,
    logger: options.logger,
  };
  const { botToken, signingSecret, appToken, engine } = opts;
  const socketMode = appToken !== undefined;
  if (!socketMode && !signingSecret) {
    throw new StrikebotError(
      'CONFIG_INVALID',
      'SLACK_SIGNING_SECRET is required in HTTP mode (Slack app > Basic Information > Signing Secret); or set SLACK_APP_TOKEN to use Socket Mode',
    );
  }
  const secrets = [botToken, signingSecret, appToken].filter((s): s is string => Boolean(s));
  // Our own secrets never reach a log, even through a logger that does not redact.
  const logger = createRedactingLogger(opts.logger, secrets);
  const boltLogger = createBoltLogger(logger, secrets);
  const limiter = opts.rateLimiter ?? createRateLimiter();
  const queue = opts.answerQueue ?? createAnswerQueue();
  const answerOf = (question: string, history: readonly string[] = []): Promise<Answer> =>
    queue.run(() => engine.answer(question, { history }));
  const clientOptions = {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: {
      retries: opts.webApiRetries,
      onFailedAttempt: (error: Error) => {
        if (mayHaveLanded(error)) throw error;
      },
    },
    timeout: opts.webApiTimeoutMs,
  };

  const identity = await checkToken(botToken, clientOptions, boltLogger);
  const { botUserId, botId } = identity;
  const conversations = opts.conversations ?? createConversationStore();
  const seen = new LRUCache<string, true>({
    max: opts.maxRemembered,
    ttl: 60 * 60 * 1000,
    perf: { now: opts.now },
  });
  /** True the first time a key is seen; Slack retries and duplicate deliveries repeat keys. */
  const firstTime = (...keys: (string | undefined)[]): boolean => {
    const present = keys.filter((k): k is string => k !== undefined);
    if (present.some((k) => seen.has(k))) return false;
    for (const k of present) seen.set(k, true);
    return true;
  };

  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: () => Promise<void>): Promise<void> => {
    const run = work()
      .catch((error: unknown) => logger.error('slack: handler failed', { error }))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
    return run;
  };

  const app = new App({
    token: botToken,
    botId,
    botUserId,
    ...(socketMode ? { appToken, socketMode: true } : { signingSecret }),
    logger: boltLogger,
    clientOptions,
    // We keep our own thread memory; Bolt's would grow without bound.
    convoStore: false,
    // The error handler then also gets the request body, so its log names the request.
    extendedErrorHandler: true,
  });
  const onError = async ({ error, body }: { error: Error; body: unknown }): Promise<void> => {
    logger.error('slack: request failed', {
      requestId: requestIdOf(body),
      error,
      code: slackErrorCode(error),
    });
  };
  app.error(onError);

  /** Takes a token from the user's bucket; returns the polite refusal when there is none. */
  const overLimit = (userId: string, requestId: string | undefined): string | undefined => {
    const decision = limiter.take(userId);
    if (decision.ok) return undefined;
    logger.info('slack: rate limited', { requestId, userId, retryAfterMs: decision.retryAfterMs });
    return rateLimitText(decision.retryAfterMs);
  };

  /** Tells only `user` that they are over their limit (an ephemeral message in the conversation). */
  const refuseForRate = async (
    client: webApi.WebClient,
    target: { channel: string; threadTs: string | undefined; user: string },
    text: string,
    requestId: string | undefined,
  ): Promise<void> => {
    try {
      await client.chat.postEphemeral({
        channel: target.channel,
        user: target.user,
        text: escapeSlackText(text),
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      });
    } catch (error) {
      logger.warn('slack: could not send the rate-limit reply', {
        requestId,
        code: slackErrorCode(error) ?? String(error),
      });
    }
  };

  // Reactions are a courtesy: a rate-limited one is skipped, never waited for. (Bolt's client
  // pauses every call, answers included, while it waits out a 429; reactions are Tier 3.)
  const reactions = new webApi.WebClient(botToken, {
    ...clientOptions,
    logger: boltLogger,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    ...(identity.teamId ? { teamId: identity.teamId } : {}),
  });
  const react = async (add: boolean, channel: string, timestamp: string) => {
    const args = { channel, timestamp, name: opts.workingReaction };
    try {
      if (add) await reactions.reactions.add(args);
      else await reactions.reactions.remove(args);
    } catch (error) {
      // A missing reaction never stops an answer.
      logger.debug('slack: reaction failed', { code: slackErrorCode(error) ?? String(error) });
    }
  };

  /** Answers `question` with the thread's history and posts the reply (in `threadTs` when set). */
  const reply = async (
    client: webApi.WebClient,
    target: { channel: string; threadTs: string | undefined; messageTs: string },
    conversation: string,
    question: string,
    requestId: string | undefined,
  ): Promise<void> => {
    await react(true, target.channel, target.messageTs);
    try {
      const message: SlackMessage = question
        ? formatSlackReply(await answerOf(question, conversations.history(conversation)))
        : { text: escapeSlackText(usageText(opts.command)), blocks: [] };
      await client.chat.postMessage({
        channel: target.channel,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: message.text,
        ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      if (question) conversations.record(conversation, question);
    } catch (error) {
      logger.error('slack: could not answer', { requestId, error, code: slackErrorCode(error) });
      // The answer may be in the thread already; an apology under it would only confuse.
      if (mayHaveLanded(error)) return;
      await client.chat
        .postMessage({
          channel: target.channel,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          text: SORRY,
        })
        .catch((again: unknown) =>
          logger.error('slack: could not apologise', {
            requestId,
            error: again,
            code: slackErrorCode(again),
          }),
        );
    } finally {
      await react(false, target.channel, target.messageTs);
    }
  };

  app.command(opts.command, async ({ command, ack, respond, client }) => {
    const requestId = command.trigger_id;
    const question = toPlainQuestion(command.text ?? '', botUserId);
    if (stopping) {
      await ack({ response_type: 'ephemeral', text: 'I am restarting; please ask again shortly.' });
      return;
    }
    if (!question) {
      await ack({ response_type: 'ephemeral', text: usageText(opts.command) });
      return;
    }
    const limited = overLimit(command.user_id, requestId);
    if (limited) {
      await ack({ response_type: 'ephemeral', text: limited });
      return;
    }
    await ack();
    await track(async () => {
      try {
        await answerCommand();
      } catch (error) {
        logger.error('slack: could not answer /ask', {
          requestId,
          error,
          code: slackErrorCode(error),
        });
        await respond({ response_type: 'ephemeral', text: SORRY }).catch((again: unknown) =>
          logger.error('slack: could not apologise', { requestId, error: again }),
        );
      }
    });

    async function answerCommand(): Promise<void> {
      const answer = formatSlackReply(await answerOf(question));
      let posted: { ts?: string } | undefined;
      try {
        posted = await client.chat.postMessage({
          channel: command.channel_id,
          text: formatSlackQuestion(command.user_id, question),
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === undefined || !cannotPost.has(code)) throw error;
        logger.info('slack: cannot post in channel; answering privately', { requestId, code });
        const blocks = [...answer.blocks, inviteBlock(botUserId)];
        await respond({ response_type: 'ephemeral', text: answer.text, blocks });
        return;
      }
      const ts = posted.ts;
      if (!ts) throw new StrikebotError('PLATFORM_ERROR', 'chat.postMessage returned no ts');
      // The answer is ready before the question is posted, so no "working" reaction is needed.
      await client.chat.postMessage({
        channel: command.channel_id,
        thread_ts: ts,
        text: answer.text,
        blocks: answer.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      conversations.record(`${command.channel_id}:${ts}`, question);
    }
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    if (stopping) return;
    if (event.bot_id || event.user === botUserId) return;
    const key = `${event.channel}:${event.ts}`;
    if (!firstTime(body.event_id, key)) {
      logger.debug('slack: duplicate event dropped', { retryNum: context.retryNum });
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    const limited = event.user ? overLimit(event.user, body.event_id) : undefined;
    if (limited && event.user) {
      await refuseForRate(
        client,
        { channel: event.channel, threadTs: event.thread_ts, user: event.user },
        limited,
        body.event_id,
      );
      return;
    }
    await track(() =>
      reply(
        client,
        { channel: event.channel, threadTs, messageTs: event.ts },
        `${event.channel}:${threadTs}`,
        toPlainQuestion(event.text, botUserId),
        body.event_id,
      ),
    );
  });

  app.event('message', async ({ event, body, context, client }) => {
    if (stopping) return;
    const message = event as unknown as IncomingMessage;
    if (!personSubtypes.has(message.subtype) || message.bot_id || !message.user) return;
    if (message.user === botUserId) return;
    const text = message.text ?? '';
    const isDm = message.channel_type === 'im';
    let conversation: string;
    if (isDm) {
      conversation = message.thread_ts
        ? `${message.channel}:${message.thread_ts}`
        : message.channel;
    } else {
      // A mention is answered by the app_mention listener; answering here too would double it.
      if (text.includes(`<@${botUserId}`)) return;
      if (!message.thread_ts) return;
      conversation = `${message.channel}:${message.thread_ts}`;
      if (!conversations.has(conversation)) return;
    }
    const key = `${message.channel}:${message.ts}`;
    if (!firstTime(body.event_id, key)) {
      logger.debug('slack: duplicate event dropped', { retryNum: context.retryNum });
      return;
    }
    const limited = overLimit(message.user, body.event_id);
    if (limited) {
      await refuseForRate(
        client,
        { channel: message.channel, threadTs: message.thread_ts, user: message.user },
        limited,
        body.event_id,
      );
      return;
    }
    await track(() =>
      reply(
        client,
        { channel: message.channel, threadTs: message.thread_ts, messageTs: message.ts },
        conversation,
        toPlainQuestion(text, botUserId),
        body.event_id,
      ),
    );
  });

  let port: number | undefined;
  if (socketMode) {
    await app.start();
    logger.info('slack: connected in Socket Mode', { botUserId });
  } else {
    const server = (await app.start({ port: opts.port, host: opts.host })) as Server;
    // Node accepts one new connection per event-loop turn, so under load a fresh connection can
    // wait seconds before its request is even read. Keeping connections open (longer than the
    // 60 s idle timeout of common proxies and load balancers) lets Slack and proxies reuse them.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : opts.port;
    logger.info('slack: listening for Events API requests', { port, path: '/slack/events' });
  }

  return {
    name: 'slack',
    port,
    botUserId,
    async stop() {
      stopping = true;
      await app.stop();
      await Promise.allSettled([...inFlight]);
      logger.info('slack: stopped');
    },
  };
}

/** The id that names a request in logs: the event's `event_id` or the command's `trigger_id`. */
function requestIdOf(body: unknown): string | undefined {
  const b = body as { event_id?: unknown; trigger_id?: unknown } | undefined;
  if (typeof b?.event_id === 'string') return b.event_id;
  return typeof b?.trigger_id === 'string' ? b.trigger_id : undefined;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Calls `auth.test` so a wrong token fails at start with a clear message. */
async function checkToken(
  botToken: string,
  clientOptions: webApi.WebClientOptions,
  logger: ReturnType<typeof createBoltLogger>,
): Promise<{ botUserId: string; botId: string; teamId: string | undefined }> {
  const client = new webApi.WebClient(botToken, { ...clientOptions, logger });
  let result: { user_id?: string; bot_id?: string; team_id?: string };
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    throw new StrikebotError(
      'PLATFORM_ERROR',
      code
        ? `Slack refused SLACK_BOT_TOKEN (auth.test: ${code}); copy the Bot User OAuth Token from OAuth & Permissions`
        : `Could not reach Slack to check SLACK_BOT_TOKEN (auth.test): ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!result.user_id || !result.bot_id) {
    throw new StrikebotError(
      'PLATFORM_ERROR',
      'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id); use the Bot User OAuth Token (xoxb-...)',
    );
  }
  return { botUserId: result.user_id, botId: result.bot_id, teamId: result.team_id };
}
