/**
 * The Discord adapter: translates `/ask`, mentions, thread follow-ups and DMs into engine
 * questions and the engine's answers into Discord messages. No answer logic lives here.
 */
import {
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Message,
  type MessageCreateOptions,
  MessageFlags,
  Partials,
  type PermissionsBitField,
  type PermissionsString,
  RESTJSONErrorCodes,
  type SendableChannels,
  type User,
} from 'discord.js';
import { LRUCache } from 'lru-cache';
import { type AnswerQueue, createAnswerQueue } from '../../bot/answer-queue.ts';
import { type ConversationStore, createConversationStore } from '../../bot/conversation-history.ts';
import { createRateLimiter, type RateLimiter } from '../../bot/rate-limit.ts';
import { rateLimitText } from '../../bot/wording.ts';
import type { Engine } from '../../core/engine.ts';
import { StrikebotError } from '../../core/errors.ts';
import type { Logger } from '../../logger.ts';
import { createRedactingLogger } from '../redact.ts';
import type { RunningAdapter } from '../types.ts';
import { ASK_COMMAND, discordInviteUrl, QUESTION_OPTION } from './commands.ts';
import {
  type DiscordReply,
  formatDiscordReply,
  permissionGuidance,
  threadNameFor,
  withNotice,
} from './format.ts';

/** Options for {@link startDiscord}. */
export interface DiscordAdapterOptions {
  /** Bot token (Developer Portal > Bot). Required. */
  token: string;
  /** Application id, used for the invite URL. Required. */
  applicationId: string;
  /** When set, the logged invite URL preselects this server. Default: none. */
  guildId?: string;
  /** REST base URL (`https://discord.com/api` by default); the gateway URL comes from its `/gateway/bot`. */
  apiUrl?: string;
  /** The answer engine (only `answer` is used). Required. */
  engine: Pick<Engine, 'answer'>;
  /** Where the adapter logs. Required. */
  logger: Logger;
  /**
   * Ask for the privileged Message Content intent, so thread follow-ups that don't mention the
   * bot can be read. When Discord refuses it (off in the Developer Portal), the adapter logs a
   * warning and connects without it: mentions, `/ask` and DMs still work. Default true.
   */
  messageContent: boolean;
  /** Thread memory for follow-ups. Default: a new {@link createConversationStore}. */
  conversations?: ConversationStore;
  /** Minutes of inactivity before Discord archives a thread the bot opens. Default 1,440 (a day). */
  threadAutoArchiveMinutes: 60 | 1440 | 4320 | 10080;
  /** Give up if the gateway is not ready after this many ms. Default 30,000. */
  readyTimeoutMs: number;
  /**
   * REST retries on 5xx and network errors. Default 3. (A 429 is always waited out and retried
   * by discord.js itself, honouring `retry_after`; this count does not limit that.)
   */
  restRetries: number;
  /** Per-user limit on questions (by Discord user id). Default: a {@link createRateLimiter} with its defaults. */
  rateLimiter?: RateLimiter;
  /** Where engine work waits its turn (share one between adapters). Default: a new {@link createAnswerQueue}. */
  answerQueue?: AnswerQueue;
  /** Interaction and message ids remembered to drop gateway re-deliveries. Default 10,000. */
  maxRemembered: number;
}

/** Defaults for the optional fields of {@link DiscordAdapterOptions}. */
export const defaultOptions = {
  messageContent: true,
  threadAutoArchiveMinutes: 1440,
  readyTimeoutMs: 30_000,
  restRetries: 3,
  maxRemembered: 10_000,
} as const satisfies Partial<DiscordAdapterOptions>;

/** What {@link startDiscord} requires; the other fields default to {@link defaultOptions}. */
export type StartDiscordOptions = Pick<
  DiscordAdapterOptions,
  'token' | 'applicationId' | 'engine' | 'logger'
> &
  Partial<DiscordAdapterOptions>;

/** Polite reply when something failed while answering. */
export const FAILURE_TEXT = 'Sorry, something went wrong while answering. Please try again.';

/**
 * Turns a message's text into the question: drops the bot's mention and any other user, role
 * or channel mention markup (`<@id>`, `<@&id>`, `<#id>`, which mean nothing to the engine), and
 * folds whitespace.
 *
 * @example
 * questionFromMessage('<@123> why strike? <@&456>', '123'); // 'why strike?'
 */
export function questionFromMessage(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function errorFields(error: unknown): Record<string, unknown> {
  const e = error as { message?: string; status?: number; code?: unknown };
  return { error: e?.message ?? String(error), status: e?.status, code: e?.code };
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

/** What answering a mention uses: a thread on the message, or else a reply in the channel. */
const MENTION_PERMISSIONS: readonly PermissionsString[] = [
  'ViewChannel',
  'SendMessages',
  'ReadMessageHistory',
  'CreatePublicThreads',
  'SendMessagesInThreads',
];
/** What answering inside a thread uses. */
const THREAD_PERMISSIONS: readonly PermissionsString[] = ['ViewChannel', 'SendMessagesInThreads'];
/** What opening a thread on an `/ask` reply, and answering in it, uses. */
const ASK_THREAD_PERMISSIONS: readonly PermissionsString[] = [
  'CreatePublicThreads',
  'SendMessagesInThreads',
];

/**
 * The permissions in `needed` that `granted` lacks; all of `needed` when that is unknown (the
 * bot's member is not cached) or the cache sees none missing though Discord just refused.
 */
function lackingPermissions(
  granted: Readonly<PermissionsBitField> | null | undefined,
  needed: readonly PermissionsString[],
): readonly PermissionsString[] {
  const missing = granted?.missing([...needed]) ?? [];
  return missing.length > 0 ? missing : needed;
}

/** Replies never ping anyone, whatever their text holds. */
const noMentions: DiscordReply['allowedMentions'] = { parse: [], repliedUser: false };

/**
 * Connects to Discord and answers `/ask`, mentions (in a new thread named after the question),
 * later messages in the threads it opened (with the thread's earlier questions as context) and
 * direct messages. Logs the invite URL with the exact permissions it needs. Resolves once the
 * gateway is ready; `stop()` waits for answers in flight, then disconnects.
 *
 * @example
 * const discord = await startDiscord({
 *   token: config.DISCORD_TOKEN,
 *   applicationId: config.DISCORD_APPLICATION_ID,
 *   guildId: config.DISCORD_GUILD_ID,
 *   apiUrl: config.DISCORD_API_URL,
 *   engine,
 *   logger,
 * });
 * process.once('SIGTERM', () => void discord.stop());
 */
export async function startDiscord(options: StartDiscordOptions): Promise<RunningAdapter> {
  const opts = { ...defaultOptions, ...options };
  const { engine, threadAutoArchiveMinutes } = opts;
  // Our own token never reaches a log, even through a logger that does not redact.
  const logger = createRedactingLogger(opts.logger, [opts.token]);
  const conversations = opts.conversations ?? createConversationStore();
  const limiter = opts.rateLimiter ?? createRateLimiter();
  const queue = opts.answerQueue ?? createAnswerQueue();
  // A resumed gateway session may deliver an event again; each id is answered once.
  const seen = new LRUCache<string, true>({ max: opts.maxRemembered });
  const firstTime = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.set(id, true);
    return true;
  };

  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (requestId: string, work: () => Promise<void>) => {
    if (stopping) return;
    if (!firstTime(requestId)) {
      logger.info('discord re-delivered event dropped', { requestId });
      return;
    }
    const job = work().catch((error: unknown) => {
      logger.error('discord handler failed', { requestId, ...errorFields(error) });
    });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  /** The engine's answer as a Discord payload; a polite failure reply if the engine throws. */
  const answerFor = async (
    requestId: string,
    question: string,
    history: readonly string[] = [],
  ): Promise<DiscordReply> => {
    try {
      return formatDiscordReply(await queue.run(() => engine.answer(question, { history })));
    } catch (error) {
      logger.error('discord engine failed', { requestId, ...errorFields(error) });
      return { content: FAILURE_TEXT, embeds: [], allowedMentions: noMentions };
    }
  };

  /**
   * Sends a reply, logging instead of throwing; returns the message or null. When Discord refuses
   * for lack of access or permission and `onRefused` is given, it runs instead (a warning, not an
   * error, is logged: the answer is not lost yet).
   */
  async function sendTo(
    requestId: string,
    channel: SendableChannels,
    payload: DiscordReply | MessageCreateOptions,
    what: string,
    onRefused?: () => Promise<void>,
  ): Promise<Message | null> {
    try {
      return await channel.send(payload);
    } catch (error) {
      const fields = { requestId, channelId: channel.id, ...errorFields(error) };
      if (onRefused && isMissingPermission(error)) {
        logger.warn(`discord may not send ${what} there; sending it by DM`, fields);
        await onRefused();
      } else {
        logger.error(`discord could not send ${what}`, fields);
      }
      return null;
    }
  }

  /**
   * DMs `asker` the answer Discord would not let the bot post in `channel`, headed by which
   * permissions the bot needs there. When the DM is refused too (DMs closed, 50007), logs an
   * error and gives up.
   */
  async function answerByDm(
    requestId: string,
    asker: User,
    channel: SendableChannels,
    answer: DiscordReply,
    needed: readonly PermissionsString[],
  ): Promise<void> {
    const granted =
      'permissionsFor' in channel ? channel.permissionsFor(channel.client.user) : undefined;
    const notice = permissionGuidance(
      "I couldn't answer",
      channel.id,
      lackingPermissions(granted, needed),
    );
    try {
      await asker.send(withNotice(answer, notice));
      logger.info('discord answered by DM', { requestId, userId: asker.id, channelId: channel.id });
    } catch (error) {
      logger.error('discord could not DM the answer either; giving up', {
        requestId,
        userId: asker.id,
        channelId: channel.id,
        ...errorFields(error),
      });
    }
  }

  async function typing(channel: SendableChannels): Promise<void> {
    try {
      await channel.sendTyping();
    } catch (error) {
      logger.debug('discord typing indicator failed', errorFields(error));
    }
  }

  /** Takes a token from the user's bucket; returns the polite refusal when there is none. */
  function overLimit(userId: string, requestId: string): string | undefined {
    const decision = limiter.take(userId);
    if (decision.ok) return undefined;
    logger.info('discord rate limited', {
      requestId,
      userId,
      retryAfterMs: decision.retryAfterMs,
    });
    return rateLimitText(decision.retryAfterMs);
  }

  async function onSlashCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const requestId = interaction.id;
    const question = interaction.options.getString(QUESTION_OPTION, true);
    logger.info('discord /ask', {
      requestId,
      userId: interaction.user.id,
      channelId: interaction.channelId,
    });
    const limited = overLimit(interaction.user.id, requestId);
    if (limited) {
      await tellAsker(interaction, requestId, 'reply', limited, 'the rate-limit reply');
      return;
    }
    // Defer first: Discord drops interactions not acknowledged within 3 seconds.
    await interaction.deferReply();
    // Asked inside a thread the bot takes part in: the thread's earlier questions give context.
    const channel = interaction.channel;
    const threadId =
      channel?.isThread() &&
      (channel.ownerId === interaction.client.user.id || conversations.has(channel.id))
        ? channel.id
        : undefined;
    const payload = await answerFor(
      requestId,
      question,
      threadId ? conversations.history(threadId) : [],
    );
    if (threadId) conversations.record(threadId, question);
    let reply: Message;
    try {
      reply = await interaction.editReply(payload);
    } catch (error) {
      logger.error('discord could not edit the /ask reply', { requestId, ...errorFields(error) });
      return;
    }
    if (!interaction.inGuild() || channel?.isThread()) return;
    try {
      const thread = await reply.startThread({
        name: threadNameFor(question),
        autoArchiveDuration: threadAutoArchiveMinutes,
      });
      conversations.record(thread.id, question);
    } catch (error) {
      // The answer is already in the channel; the conversation just can't continue in a thread.
      logger.warn('discord could not open a thread on the /ask reply', {
        requestId,
        ...errorFields(error),
      });
      if (!isMissingPermission(error)) return;
      // Only the asker needs to know why, and what a server admin can grant.
      const lacking = lackingPermissions(interaction.appPermissions, ASK_THREAD_PERMISSIONS);
      const guidance = permissionGuidance(
        "I can't open a thread for follow-ups",
        interaction.channelId,
        lacking,
      );
      await tellAsker(interaction, requestId, 'followUp', guidance, 'the thread guidance');
    }
  }

  /** Shows `content` to the asker only (as the reply or a follow-up), logging instead of throwing. */
  async function tellAsker(
    interaction: ChatInputCommandInteraction,
    requestId: string,
    as: 'reply' | 'followUp',
    content: string,
    what: string,
  ): Promise<void> {
    const message = {
      content,
      flags: MessageFlags.Ephemeral,
      allowedMentions: noMentions,
    } as const;
    try {
      await (as === 'reply' ? interaction.reply(message) : interaction.followUp(message));
    } catch (error) {
      logger.error(`discord could not send ${what}`, { requestId, ...errorFields(error) });
    }
  }

  /** Replies to `message` with the rate-limit text; true when the user is over their limit. */
  async function refusedForRate(message: Message, requestId: string): Promise<boolean> {
    const limited = overLimit(message.author.id, requestId);
    if (!limited || !message.channel.isSendable()) return Boolean(limited);
    await sendTo(
      requestId,
      message.channel,
      {
        content: limited,
        allowedMentions: noMentions,
        reply: { messageReference: message, failIfNotExists: false },
      },
      'the rate-limit reply',
    );
    return true;
  }

  async function onMessage(message: Message): Promise<void> {
    const requestId = message.id;
    const botId = message.client.user.id;
    if (message.author.bot || message.author.id === botId || message.system) return;
    const mentioned = message.mentions.users.has(botId);
    const channel = message.channel;
    const question = questionFromMessage(message.content, botId);

    if (channel.isDMBased()) {
      if (!channel.isSendable()) return;
      logger.info('discord DM', { requestId, userId: message.author.id });
      if (await refusedForRate(message, requestId)) return;
      await typing(channel);
      await sendTo(requestId, channel, await answerFor(requestId, question), 'a DM answer');
      return;
    }

    if (channel.isThread()) {
      const ours = channel.ownerId === botId || conversations.has(channel.id);
      if (!mentioned && !ours) return;
      // Without the Message Content intent, unmentioned messages arrive empty: nothing to answer.
      if (!mentioned && question === '') return;
      logger.info('discord thread question', {
        requestId,
        threadId: channel.id,
        followUp: !mentioned,
      });
      if (await refusedForRate(message, requestId)) return;
      await typing(channel);
      const payload = await answerFor(requestId, question, conversations.history(channel.id));
      conversations.record(channel.id, question);
      await sendTo(requestId, channel, payload, 'a thread answer', () =>
        answerByDm(requestId, message.author, channel, payload, THREAD_PERMISSIONS),
      );
      return;
    }

    if (!mentioned || !channel.isSendable()) return;
    logger.info('discord mention', { requestId, channelId: channel.id, userId: message.author.id });
    if (await refusedForRate(message, requestId)) return;
    const payload = await answerFor(requestId, question);
    let target: SendableChannels = channel;
    let needed = MENTION_PERMISSIONS;
    if (channel.isTextBased() && 'threads' in channel) {
      try {
        const thread = await message.startThread({
          name: threadNameFor(question),
          autoArchiveDuration: threadAutoArchiveMinutes,
        });
        conversations.record(thread.id, question);
        target = thread;
        needed = THREAD_PERMISSIONS;
      } catch (error) {
        logger.warn('discord could not open a thread; answering in the channel', {
          requestId,
          channelId: channel.id,
          ...errorFields(error),
        });
      }
    }
    await typing(target);
    const inChannel = target === channel;
    await sendTo(
      requestId,
      target,
      inChannel
        ? { ...payload, reply: { messageReference: message, failIfNotExists: false } }
        : payload,
      inChannel ? 'a channel answer' : 'a thread answer',
      () => answerByDm(requestId, message.author, target, payload, needed),
    );
  }

  /** A client with the adapter's handlers, asking for Message Content only when `withContent`. */
  function createClient(withContent: boolean): Client {
    const client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
        ...(withContent ? [GatewayIntentBits.MessageContent] : []),
      ],
      // DM channels are not cached before their first message; without this those messages are dropped.
      partials: [Partials.Channel],
      allowedMentions: noMentions,
      rest: {
        retries: opts.restRetries,
        ...(opts.apiUrl ? { api: opts.apiUrl.replace(/\/+$/, '') } : {}),
      },
    });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) {
        track(interaction.id, () => onSlashCommand(interaction));
      }
    });
    client.on(Events.MessageCreate, (message) => track(message.id, () => onMessage(message)));
    // discord.js waits out every 429 itself (honouring retry_after) and retries 5xx up to
    // `restRetries`; log each such answer so throttling and outages are visible.
    client.rest.on('response', (request, response) => {
      if (response.status === 429) {
        logger.warn('discord API answered 429; waiting retry_after, then retrying', {
          route: request.route,
          retryAfterSec: response.headers.get('retry-after'),
        });
      } else if (response.status >= 500) {
        logger.warn('discord API answered a server error; retrying', {
          route: request.route,
          status: response.status,
        });
      }
    });
    client.rest.on('rateLimited', (info) =>
      logger.warn('discord rate limit reached; waiting', {
        route: info.route,
        retryAfterMs: info.retryAfter,
        global: info.global,
      }),
    );
    client.on(Events.Error, (error) => logger.error('discord client error', errorFields(error)));
    client.on(Events.Warn, (warning) => logger.warn('discord client warning', { warning }));
    return client;
  }

  /** Logs in and resolves once the gateway is ready (`clientReady`); destroys the client on failure. */
  async function connect(withContent: boolean): Promise<Client> {
    const client = createClient(withContent);
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StrikebotError(
              'PLATFORM_ERROR',
              `Discord was not ready after ${opts.readyTimeoutMs} ms; check the network and DISCORD_API_URL.`,
            ),
          ),
        opts.readyTimeoutMs,
      );
      client.once(Events.ClientReady, () => resolve());
    });
    try {
      await client.login(opts.token);
      await ready;
      return client;
    } catch (error) {
      await client.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  let client: Client;
  try {
    client = await connect(opts.messageContent);
  } catch (error) {
    if (!(opts.messageContent && isDisallowedIntents(error))) throw loginError(error);
    logger.warn(
      'discord Message Content intent is off (Developer Portal > Bot > Privileged Gateway Intents); thread follow-ups must mention the bot',
    );
    try {
      client = await connect(false);
    } catch (retryError) {
      throw loginError(retryError);
    }
  }

  logger.info('discord ready', { user: client.user?.tag, guilds: client.guilds.cache.size });
  logger.info('discord invite url (bot + applications.commands, exact permissions)', {
    url: discordInviteUrl(opts.applicationId, opts.guildId),
  });

  return {
    name: 'discord',
    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      logger.info('discord stopped');
    },
  };
}

/** True for the gateway's 4014 close: a privileged intent is not enabled for the application. */
function isDisallowedIntents(error: unknown): boolean {
  return /disallowed intents/i.test((error as Error)?.message ?? '');
}

/** Turns login failures into errors that say which setting to fix. */
function loginError(error: unknown): StrikebotError {
  if (error instanceof StrikebotError) return error;
  const message = (error as Error)?.message ?? String(error);
  const code = (error as { code?: unknown })?.code;
  if (code === 'TokenInvalid' || /token/i.test(message)) {
    return new StrikebotError(
      'CONFIG_INVALID',
      `Discord refused DISCORD_TOKEN (${message}); reset it in the Developer Portal > Bot and update .env.`,
      { cause: error },
    );
  }
  return new StrikebotError('PLATFORM_ERROR', `Could not connect to Discord: ${message}`, {
    cause: error,
  });
}
