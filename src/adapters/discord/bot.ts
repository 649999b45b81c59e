/**
 * The Discord adapter: translates `/ask`, mentions, thread follow-ups, DMs and button clicks into
 * the bot layer's `Incoming` messages, and renders its replies as Discord messages. No lifecycle
 * or answer logic lives here.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Message,
  MessageFlags,
  Partials,
  type PermissionsBitField,
  type PermissionsString,
  RESTJSONErrorCodes,
  type SendableChannels,
  type User,
} from 'discord.js';
import { type AnswerQueue, createAnswerQueue } from '../../bot/answer-queue.ts';
import { type ConversationStore, createConversationStore } from '../../bot/conversation-history.ts';
import { createDedupe } from '../../bot/dedupe.ts';
import type { FailureKind } from '../../bot/failure-policy.ts';
import { parseFeedbackId } from '../../bot/feedback-ids.ts';
import { type BotEngine, createBot, type ReplyPort } from '../../bot/pipeline.ts';
import { createRateLimiter, type RateLimiter } from '../../bot/rate-limit.ts';
import type { Reply } from '../../bot/reply.ts';
import { runWithRequestId } from '../../bot/request-context.ts';
import { COULD_NOT_ANSWER, COULD_NOT_OPEN_THREAD } from '../../bot/wording.ts';
import { StrikebotError } from '../../core/errors.ts';
import type { Logger } from '../../logger.ts';
import { disabledQuestionLog, type QuestionLog } from '../../store/question-log.ts';
import { createRedactingLogger } from '../redact.ts';
import type { RunningAdapter } from '../types.ts';
import { ASK_COMMAND, discordInviteUrl, QUESTION_OPTION } from './commands.ts';
import {
  type DiscordReply,
  permissionGuidance,
  renderDiscordReply,
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
  /** The answer engine (answers, and documents and chunks for "Show context"). Required. */
  engine: BotEngine;
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
  /** Where questions and votes are stored. Default: off. */
  questionLog?: QuestionLog;
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
 * later messages in the threads it opened (with the thread's earlier questions as context),
 * direct messages, and clicks on the buttons under its answers. Logs the invite URL with the
 * exact permissions it needs. Resolves once the gateway is ready; `stop()` waits for answers in
 * flight, then disconnects. Every lifecycle step is the shared bot layer's (`src/bot/`); this
 * adapter only translates Discord events and renders replies.
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
  const { threadAutoArchiveMinutes } = opts;
  // Our own token never reaches a log, even through a logger that does not redact.
  const logger = createRedactingLogger(opts.logger, [opts.token]);
  const bot = createBot({
    platform: 'discord',
    engine: opts.engine,
    logger,
    logPrefix: 'discord ',
    command: `/${ASK_COMMAND}`,
    rateLimiter: opts.rateLimiter ?? createRateLimiter(),
    answerQueue: opts.answerQueue ?? createAnswerQueue(),
    conversations: opts.conversations ?? createConversationStore(),
    dedupe: createDedupe({ max: opts.maxRemembered }),
    questionLog: opts.questionLog ?? disabledQuestionLog,
    classifyError: classifyDiscordError,
    describeError: errorFields,
  });
  const render = renderDiscordReply;

  async function typing(channel: SendableChannels): Promise<void> {
    try {
      await channel.sendTyping();
    } catch (error) {
      logger.debug('discord typing indicator failed', errorFields(error));
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
    reply: Reply,
    needed: readonly PermissionsString[],
    what: string,
    error: unknown,
  ): Promise<void> {
    logger.warn(`discord may not send ${what} there; sending it by DM`, {
      requestId,
      channelId: channel.id,
      ...errorFields(error),
    });
    const granted =
      'permissionsFor' in channel ? channel.permissionsFor(channel.client.user) : undefined;
    const notice = permissionGuidance(
      COULD_NOT_ANSWER,
      channel.id,
      lackingPermissions(granted, needed),
    );
    try {
      await asker.send(withNotice(render(reply), notice));
      logger.info('discord answered by DM', { requestId, userId: asker.id, channelId: channel.id });
    } catch (dmError) {
      logger.error('discord could not DM the answer either; giving up', {
        requestId,
        userId: asker.id,
        channelId: channel.id,
        ...errorFields(dmError),
      });
    }
  }

  /** Replies to `message` in its channel (Discord has no private replies to messages). */
  const replyTo = (message: Message, reply: Reply) =>
    (message.channel as SendableChannels).send({
      ...render(reply),
      reply: { messageReference: message, failIfNotExists: false },
    });

  /** The port for `/ask`: private replies are ephemeral; the answer edits the deferred reply. */
  function slashPort(interaction: ChatInputCommandInteraction, asked: string): ReplyPort {
    const requestId = interaction.id;
    const ephemeral = (reply: Reply) => ({
      ...render(reply),
      flags: MessageFlags.Ephemeral as const,
    });
    return {
      failedTo: 'could not edit the /ask reply',
      async working() {
        // Defer first: Discord drops interactions not acknowledged within 3 seconds.
        await interaction.deferReply();
      },
      async sendPrivately(reply) {
        if (interaction.deferred || interaction.replied)
          await interaction.followUp(ephemeral(reply));
        else await interaction.reply(ephemeral(reply));
      },
      async apologise(text) {
        await interaction.followUp(ephemeral({ kind: 'text', text }));
      },
      async send(reply) {
        const message = await interaction.editReply(render(reply));
        const channel = interaction.channel;
        if (!interaction.inGuild() || channel?.isThread()) return undefined;
        try {
          const thread = await message.startThread({
            name: threadNameFor(asked),
            autoArchiveDuration: threadAutoArchiveMinutes,
          });
          return { conversation: thread.id };
        } catch (error) {
          // The answer is already in the channel; the conversation just can't continue in a thread.
          logger.warn('discord could not open a thread on the /ask reply', {
            requestId,
            ...errorFields(error),
          });
          if (!isMissingPermission(error)) return undefined;
          // Only the asker needs to know why, and what a server admin can grant.
          const lacking = lackingPermissions(interaction.appPermissions, ASK_THREAD_PERMISSIONS);
          const guidance = permissionGuidance(
            COULD_NOT_OPEN_THREAD,
            interaction.channelId,
            lacking,
          );
          try {
            await interaction.followUp(ephemeral({ kind: 'text', text: guidance }));
          } catch (again) {
            logger.error('discord could not send the thread guidance', {
              requestId,
              ...errorFields(again),
            });
          }
          return undefined;
        }
      },
    };
  }

  /** The port for a message in a DM or a thread: answers go to the same channel. */
  function channelPort(
    message: Message,
    channel: SendableChannels,
    what: string,
    needed: readonly PermissionsString[] | undefined,
  ): ReplyPort {
    return {
      failedTo: `could not send ${what}`,
      working: () => typing(channel),
      async send(reply) {
        await channel.send(render(reply));
        return undefined;
      },
      async sendPrivately(reply) {
        await replyTo(message, reply);
      },
      async apologise(text) {
        await channel.send(render({ kind: 'text', text }));
      },
      ...(needed
        ? {
            deliverRefused: (reply: Reply, error: unknown) =>
              answerByDm(message.id, message.author, channel, reply, needed, what, error),
          }
        : {}),
    };
  }

  /** The port for a mention in a channel: the answer goes in a new thread on the message. */
  function mentionPort(message: Message, channel: SendableChannels, asked: string): ReplyPort {
    const requestId = message.id;
    let target: SendableChannels = channel;
    let thread: string | undefined;
    const inChannel = () => target === channel;
    const port: ReplyPort = {
      get failedTo() {
        return `could not send ${inChannel() ? 'a channel answer' : 'a thread answer'}`;
      },
      async working() {
        if (channel.isTextBased() && 'threads' in channel) {
          try {
            const opened = await message.startThread({
              name: threadNameFor(asked),
              autoArchiveDuration: threadAutoArchiveMinutes,
            });
            target = opened;
            thread = opened.id;
          } catch (error) {
            logger.warn('discord could not open a thread; answering in the channel', {
              requestId,
              channelId: channel.id,
              ...errorFields(error),
            });
          }
        }
        await typing(target);
      },
      async send(reply) {
        if (inChannel()) await replyTo(message, reply);
        else await target.send(render(reply));
        return thread ? { conversation: thread } : undefined;
      },
      async sendPrivately(reply) {
        await replyTo(message, reply);
      },
      async apologise(text) {
        const reply: Reply = { kind: 'text', text };
        if (inChannel()) await replyTo(message, reply);
        else await target.send(render(reply));
      },
      deliverRefused: (reply, error) =>
        answerByDm(
          requestId,
          message.author,
          target,
          reply,
          inChannel() ? MENTION_PERMISSIONS : THREAD_PERMISSIONS,
          inChannel() ? 'a channel answer' : 'a thread answer',
          error,
        ),
    };
    return port;
  }

  /** The port for a button click: everything is an ephemeral reply, which also acknowledges it. */
  function buttonPort(interaction: ButtonInteraction): ReplyPort {
    const ephemeral = (reply: Reply) => ({
      ...render(reply),
      flags: MessageFlags.Ephemeral as const,
    });
    const privately = async (reply: Reply) => {
      if (interaction.deferred || interaction.replied) await interaction.followUp(ephemeral(reply));
      else await interaction.reply(ephemeral(reply));
    };
    return {
      failedTo: 'could not answer the button',
      async send(reply) {
        await privately(reply);
        return undefined;
      },
      sendPrivately: privately,
      apologise: (text) => privately({ kind: 'text', text }),
    };
  }

  async function onSlashCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    // A missing or mistyped option (a stale command definition, a hostile client) is an empty question.
    const option = interaction.options.get(QUESTION_OPTION)?.value;
    const asked = typeof option === 'string' ? option : '';
    logger.info('discord /ask', {
      requestId: interaction.id,
      userId: interaction.user.id,
      channelId: interaction.channelId,
    });
    // Asked inside a thread the bot takes part in: the thread's earlier questions give context.
    const channel = interaction.channel;
    const conversation =
      channel?.isThread() &&
      (channel.ownerId === interaction.client.user.id || bot.knowsConversation(channel.id))
        ? channel.id
        : undefined;
    await bot.handle(
      {
        platform: 'discord',
        id: interaction.id,
        userId: interaction.user.id,
        via: 'command',
        text: asked,
        ...(conversation ? { conversation } : {}),
      },
      slashPort(interaction, asked),
    );
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const action = parseFeedbackId(interaction.customId);
    if (!action) return;
    await bot.handle(
      {
        platform: 'discord',
        id: interaction.id,
        userId: interaction.user.id,
        via: 'button',
        text: '',
        action,
      },
      buttonPort(interaction),
    );
  }

  async function onMessage(message: Message): Promise<void> {
    const requestId = message.id;
    const botId = message.client.user.id;
    if (message.author.bot || message.author.id === botId || message.system) return;
    const mentioned = message.mentions.users.has(botId);
    const channel = message.channel;
    const asked = questionFromMessage(message.content, botId);
    const base = {
      platform: 'discord' as const,
      id: requestId,
      userId: message.author.id,
      text: asked,
    };

    if (channel.isDMBased()) {
      if (!channel.isSendable()) return;
      logger.info('discord DM', { requestId, userId: message.author.id });
      await bot.handle(
        { ...base, via: 'dm' },
        channelPort(message, channel, 'a DM answer', undefined),
      );
      return;
    }

    if (channel.isThread()) {
      const ours = channel.ownerId === botId || bot.knowsConversation(channel.id);
      if (!mentioned && !ours) return;
      // Without the Message Content intent, unmentioned messages arrive empty: nothing to answer.
      if (!mentioned && asked === '') return;
      logger.info('discord thread question', {
        requestId,
        threadId: channel.id,
        followUp: !mentioned,
      });
      await bot.handle(
        { ...base, via: ours ? 'thread' : 'mention', conversation: channel.id },
        channelPort(message, channel, 'a thread answer', THREAD_PERMISSIONS),
      );
      return;
    }

    if (!mentioned || !channel.isSendable()) return;
    logger.info('discord mention', { requestId, channelId: channel.id, userId: message.author.id });
    await bot.handle({ ...base, via: 'mention' }, mentionPort(message, channel, asked));
  }

  const handlerFailed = (requestId: string) => (error: unknown) =>
    logger.error('discord handler failed', { requestId, ...errorFields(error) });

  /**
   * discord.js builds its objects from each gateway event inside `client.ws.handlePacket`, outside
   * any handler of ours, and a malformed event (an author that is a string) throws there, where
   * nothing catches it. Each event is handled under its id, and such an error is logged with it
   * and the event dropped, so no event can end the process.
   */
  function guardGatewayEvents(client: Client): void {
    const ws = client.ws as unknown as {
      handlePacket(packet?: { t?: unknown; d?: { id?: unknown } | null }, shard?: unknown): boolean;
    };
    const handle = ws.handlePacket.bind(ws);
    ws.handlePacket = (packet, shard) => {
      const id = packet?.d?.id;
      const requestId = typeof id === 'string' ? id : undefined;
      try {
        return requestId === undefined
          ? handle(packet, shard)
          : runWithRequestId(requestId, () => handle(packet, shard));
      } catch (error) {
        logger.error('discord could not read a gateway event; dropped it', {
          requestId,
          event: packet?.t,
          ...errorFields(error),
        });
        return true;
      }
    };
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
    guardGatewayEvents(client);
    client.on(Events.InteractionCreate, (interaction) => {
      runWithRequestId(interaction.id, () => {
        if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) {
          void onSlashCommand(interaction).catch(handlerFailed(interaction.id));
        } else if (interaction.isButton()) {
          void onButton(interaction).catch(handlerFailed(interaction.id));
        }
      });
    });
    client.on(Events.MessageCreate, (message) =>
      runWithRequestId(message.id, () => void onMessage(message).catch(handlerFailed(message.id))),
    );
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
      await bot.stop();
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
