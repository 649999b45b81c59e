/**
 * The Slack adapter: a Bolt app that turns `/ask`, `/sources`, mentions, thread replies, DMs and
 * button clicks into the bot layer's `Incoming` messages and renders its replies in Block Kit. It only
 * translates; the lifecycle is `src/bot/`'s and every answer comes from the engine.
 */
import type { Server } from 'node:http';
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import { type AnswerQueue, createAnswerQueue } from '../../bot/answer-queue.ts';
import { type ConversationStore, createConversationStore } from '../../bot/conversation-history.ts';
import { createDedupe } from '../../bot/dedupe.ts';
import { decideFailure } from '../../bot/failure-policy.ts';
import { parseFeedbackId } from '../../bot/feedback-ids.ts';
import type { BotCommand, Incoming } from '../../bot/incoming.ts';
import { createBot, type EngineSource, type ReplyPort } from '../../bot/pipeline.ts';
import { createRateLimiter, type RateLimiter } from '../../bot/rate-limit.ts';
import { runWithRequestId } from '../../bot/request-context.ts';
import { parsePage } from '../../bot/sources-command.ts';
import { StrikebotError } from '../../core/errors.ts';
import { stripUndefined } from '../../core/strip-undefined.ts';
import type { SourcesList } from '../../knowledge/list-sources.ts';
import type { Logger } from '../../logger.ts';
import type { QuestionLog } from '../../store/question-log.ts';
import { createRedactingLogger } from '../redact.ts';
import type { RunningAdapter } from '../types.ts';
import { createBoltLogger } from './bolt-logger.ts';
import { classifySlackError, describeSlackError, mayHaveLanded, slackErrorCode } from './errors.ts';
import { toPlainQuestion } from './format.ts';
import { guardReceiver, slackRequestId } from './guard-receiver.ts';
import { buttonPort, commandPort, conversationKey, threadPort } from './ports.ts';

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
  /**
   * The engine answering now (answers, and documents and chunks for "Show context"), asked for at
   * each question so a hot reload takes effect at once: `() => holder.current()`. Required.
   */
  engine: EngineSource;
  /** What `/sources` lists now. Default: the current engine's documents, nothing refused. */
  sources: (() => SourcesList) | undefined;
  /** Where the adapter and Bolt log. Required. */
  logger: Logger;
  /** Slash command the bot answers; `/ask timeline 2019` lists dated events. Default `/ask`. */
  command: string;
  /** Slash command that lists the sources (also `/ask sources`). Default `/sources`. */
  sourcesCommand: string;
  /** Slash command that lists dated events (`/timeline 2019`). Default `/timeline`. */
  timelineCommand: string;
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
  /** Where questions and votes are stored. Default: off. */
  questionLog: QuestionLog | undefined;
}

/** The options {@link startSlack} fills in when they are left out. */
export const defaultSlackOptions = {
  signingSecret: undefined,
  appToken: undefined,
  apiUrl: undefined,
  port: 3000,
  host: undefined,
  command: '/ask',
  sourcesCommand: '/sources',
  sources: undefined,
  timelineCommand: '/timeline',
  workingReaction: 'eyes',
  webApiRetries: 2,
  webApiTimeoutMs: 30_000,
  conversations: undefined,
  maxRemembered: 5000,
  now: () => performance.now(),
  rateLimiter: undefined,
  answerQueue: undefined,
  questionLog: undefined,
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

/** How long an idle HTTP connection to the app stays open. */
const KEEP_ALIVE_MS = 65_000;

/** Message subtypes that are still a person writing; all others (edits, bots...) are ignored. */
const personSubtypes = new Set([undefined, 'thread_broadcast', 'file_share']);

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
 * Starts the Slack adapter: checks the bot token with `auth.test`, then serves Events API,
 * slash command and button requests over HTTP (the default) or Socket Mode (when `appToken` is
 * set). Every lifecycle step is the shared bot layer's (`src/bot/`); this adapter only
 * translates Slack events and renders replies. Throws a {@link StrikebotError} when a token is
 * refused or a required option is missing.
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
  const { botToken, signingSecret, appToken } = opts;
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
  const clientOptions = {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: {
      retries: opts.webApiRetries,
      onFailedAttempt: (error: Error) => {
        // The failure policy: never retry a call that may have landed.
        if (!decideFailure(classifySlackError(error)).retry && mayHaveLanded(error)) throw error;
      },
    },
    timeout: opts.webApiTimeoutMs,
  };

  const identity = await checkToken(botToken, clientOptions, boltLogger);
  const { botUserId, botId } = identity;
  const bot = createBot({
    platform: 'slack',
    engine: opts.engine,
    sources: opts.sources,
    logger,
    logPrefix: 'slack: ',
    command: opts.command,
    sourcesCommand: opts.sourcesCommand,
    rateLimiter: opts.rateLimiter ?? createRateLimiter(),
    answerQueue: opts.answerQueue,
    conversations: opts.conversations,
    dedupe: createDedupe({ max: opts.maxRemembered, now: opts.now }),
    questionLog: opts.questionLog,
    classifyError: classifySlackError,
    describeError: describeSlackError,
  });

  let receiver: HTTPReceiver | undefined;
  if (!socketMode) {
    receiver = new HTTPReceiver({ signingSecret: signingSecret as string, logger: boltLogger });
    guardReceiver(receiver, { signingSecret: signingSecret as string, logger });
  }
  const app = new App({
    token: botToken,
    botId,
    botUserId,
    ...(receiver ? { receiver } : { appToken, socketMode: true }),
    logger: boltLogger,
    clientOptions,
    // We keep our own thread memory; Bolt's would grow without bound.
    convoStore: false,
    // The error handler then also gets the request body, so its log names the request.
    extendedErrorHandler: true,
  });
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    logger.error('slack: request failed', {
      requestId: slackRequestId(body),
      error,
      code: slackErrorCode(error),
    });
  });

  // Reactions are a courtesy: a rate-limited one is skipped, never waited for. (Bolt's client
  // pauses every call, answers included, while it waits out a 429; reactions are Tier 3.)
  const reactions = new webApi.WebClient(botToken, {
    ...clientOptions,
    logger: boltLogger,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    ...(identity.teamId ? { teamId: identity.teamId } : {}),
  });
  const reactTo = (channel: string, timestamp: string) => async (add: boolean) => {
    const args = { channel, timestamp, name: opts.workingReaction };
    try {
      if (add) await reactions.reactions.add(args);
      else await reactions.reactions.remove(args);
    } catch (error) {
      // A missing reaction never stops an answer.
      logger.debug('slack: reaction failed', { code: slackErrorCode(error) ?? String(error) });
    }
  };

  /**
   * Hands a slash command or click to the bot under its request id (none: nothing to do), then
   * acknowledges it when the bot did not: Slack shows an error for an unacknowledged request.
   */
  async function handleAcknowledged(
    incoming: Incoming | undefined,
    port: ReplyPort & { acked(): boolean },
    ack: () => Promise<void>,
  ): Promise<void> {
    try {
      if (incoming) await runWithRequestId(incoming.id, () => bot.handle(incoming, port));
    } finally {
      // A re-delivered command the bot dropped still needs its acknowledgement.
      if (!port.acked()) await ack();
    }
  }

  // `/ask` asks (the bot layer reads `/ask sources` and `/ask timeline` as commands);
  // `/sources [page]` lists the sources; `/timeline [year or words]` lists dated events.
  const commands: [string, (asked: string) => BotCommand | undefined][] = [
    [opts.command, () => undefined],
    [opts.sourcesCommand, (asked) => ({ kind: 'sources', page: parsePage(asked) })],
    [opts.timelineCommand, () => ({ kind: 'timeline' })],
  ];
  for (const [name, commandOf] of commands) {
    app.command(name, async ({ command, ack, respond, client }) => {
      const requestId = command.trigger_id;
      const asked = toPlainQuestion(command.text ?? '', botUserId);
      const port = commandPort({
        requestId,
        command,
        asked,
        ack,
        respond,
        client,
        botUserId,
        logger,
      });
      const botCommand = commandOf(asked);
      const incoming: Incoming = {
        platform: 'slack',
        id: requestId,
        // Slack never re-delivers a slash command, and trigger ids are not promised unique.
        dedupeKeys: [],
        userId: command.user_id,
        via: 'command',
        text: asked,
        ...(botCommand ? { command: botCommand } : {}),
      };
      await handleAcknowledged(incoming, port, () => ack());
    });
  }

  app.action(/^strikebot:/, async ({ ack, body, action, respond }) => {
    const id = (action as { action_id?: unknown }).action_id;
    const feedback = parseFeedbackId(id);
    const user = (body as { user?: { id?: unknown } }).user?.id;
    const trigger = (body as { trigger_id?: unknown }).trigger_id;
    const actionTs = (action as { action_ts?: unknown }).action_ts;
    const requestId = typeof trigger === 'string' ? trigger : String(actionTs ?? id);
    const incoming: Incoming | undefined =
      feedback && typeof user === 'string'
        ? {
            platform: 'slack',
            id: requestId,
            userId: user,
            via: 'button',
            text: '',
            action: feedback,
          }
        : undefined;
    await handleAcknowledged(
      incoming,
      buttonPort(() => ack(), respond),
      () => ack(),
    );
  });

  app.event('app_mention', async ({ event, body, client }) => {
    if (!event.user) return;
    const threadTs = event.thread_ts ?? event.ts;
    await bot.handle(
      {
        platform: 'slack',
        id: body.event_id,
        dedupeKeys: [body.event_id, conversationKey(event.channel, event.ts)],
        userId: event.user,
        fromBot: Boolean(event.bot_id) || event.user === botUserId,
        via: 'mention',
        conversation: conversationKey(event.channel, threadTs),
        text: toPlainQuestion(event.text, botUserId),
      },
      threadPort({
        channel: event.channel,
        threadTs,
        messageThreadTs: event.thread_ts,
        messageTs: event.ts,
        user: event.user,
        client,
        react: reactTo(event.channel, event.ts),
      }),
    );
  });

  app.event('message', async ({ event, body, client }) => {
    const message = event as unknown as IncomingMessage;
    if (!personSubtypes.has(message.subtype) || message.bot_id || !message.user) return;
    if (message.user === botUserId) return;
    const text = message.text ?? '';
    const isDm = message.channel_type === 'im';
    let conversation: string | undefined;
    if (isDm) {
      conversation = message.thread_ts
        ? conversationKey(message.channel, message.thread_ts)
        : message.channel;
    } else {
      // A mention is answered by the app_mention listener; answering here too would double it.
      if (text.includes(`<@${botUserId}`)) return;
      if (!message.thread_ts) return;
      conversation = conversationKey(message.channel, message.thread_ts);
      if (!bot.knowsConversation(conversation)) return;
    }
    await bot.handle(
      {
        platform: 'slack',
        id: body.event_id,
        dedupeKeys: [body.event_id, conversationKey(message.channel, message.ts)],
        userId: message.user,
        via: isDm ? 'dm' : 'thread',
        conversation,
        text: toPlainQuestion(text, botUserId),
      },
      threadPort({
        channel: message.channel,
        threadTs: message.thread_ts,
        messageThreadTs: message.thread_ts,
        messageTs: message.ts,
        user: message.user,
        client,
        react: reactTo(message.channel, message.ts),
      }),
    );
  });

  let port: number | undefined;
  if (socketMode) {
    try {
      await app.start();
    } catch (error) {
      throw appTokenError(error);
    }
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
      await bot.stop();
      await app.stop();
      logger.info('slack: stopped');
    },
  };
}

/** A Socket Mode start-up failure as an error naming SLACK_APP_TOKEN when Slack refused it. */
function appTokenError(error: unknown): StrikebotError {
  const code = slackErrorCode(error) ?? (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? String(error);
  if (
    /invalid_auth|not_authed|token_revoked|account_inactive|not_allowed_token_type/.test(
      `${message} ${slackErrorCode(error) ?? ''}`,
    )
  ) {
    return new StrikebotError(
      'CONFIG_INVALID',
      `Slack refused SLACK_APP_TOKEN (apps.connections.open: ${slackErrorCode(error) ?? message}); generate an app-level token with the connections:write scope under Basic Information > App-Level Tokens, or unset SLACK_APP_TOKEN to use HTTP mode`,
      { cause: error },
    );
  }
  return new StrikebotError(
    'PLATFORM_ERROR',
    `Could not open a Socket Mode connection to Slack (${String(code ?? message)}); check the network and SLACK_APP_TOKEN`,
    { cause: error },
  );
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
      code ? 'CONFIG_INVALID' : 'PLATFORM_ERROR',
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
