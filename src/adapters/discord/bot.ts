/**
 * The Discord adapter: translates `/ask`, `/sources`, mentions, thread follow-ups, DMs and button
 * clicks into the bot layer's `Incoming` messages, and renders its replies as Discord messages. No
 * lifecycle or answer logic lives here.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Message,
  Partials,
} from 'discord.js';
import { type AnswerQueue, createAnswerQueue } from '../../bot/answer-queue.ts';
import { type ConversationStore, createConversationStore } from '../../bot/conversation-history.ts';
import { createDedupe } from '../../bot/dedupe.ts';
import { parseFeedbackId } from '../../bot/feedback-ids.ts';
import type { BotCommand } from '../../bot/incoming.ts';
import { createBot, type EngineSource, type ReplyPort } from '../../bot/pipeline.ts';
import { createRateLimiter, type RateLimiter } from '../../bot/rate-limit.ts';
import { runWithRequestId } from '../../bot/request-context.ts';
import { parsePage } from '../../bot/sources-command.ts';
import { StrikebotError } from '../../core/errors.ts';
import type { SourcesList } from '../../knowledge/list-sources.ts';
import type { Logger } from '../../logger.ts';
import type { QuestionLog } from '../../store/question-log.ts';
import { createRedactingLogger } from '../redact.ts';
import type { RunningAdapter } from '../types.ts';
import {
  ASK_COMMAND,
  discordInviteUrl,
  PAGE_OPTION,
  QUESTION_OPTION,
  SOURCES_COMMAND,
  TIMELINE_COMMAND,
  TIMELINE_QUERY_OPTION,
} from './commands.ts';
import { classifyDiscordError, errorFields } from './errors.ts';
import { NO_MENTIONS } from './format.ts';
import { createDiscordPorts, THREAD_PERMISSIONS } from './ports.ts';

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
  /**
   * The engine answering now (answers, and documents and chunks for "Show context"), asked for at
   * each question so a hot reload takes effect at once: `() => holder.current()`. Required.
   */
  engine: EngineSource;
  /** What `/sources` lists now. Default: the current engine's documents, nothing refused. */
  sources?: () => SourcesList;
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
    sources: opts.sources,
    logger,
    logPrefix: 'discord ',
    command: `/${ASK_COMMAND}`,
    sourcesCommand: `/${SOURCES_COMMAND}`,
    rateLimiter: opts.rateLimiter ?? createRateLimiter(),
    answerQueue: opts.answerQueue,
    conversations: opts.conversations,
    dedupe: createDedupe({ max: opts.maxRemembered }),
    questionLog: opts.questionLog,
    classifyError: classifyDiscordError,
    describeError: errorFields,
  });
  const ports = createDiscordPorts({ logger, threadAutoArchiveMinutes });

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
      ports.slashPort(interaction, asked),
    );
  }

  /** Hands a command other than asking (`/sources`, `/timeline`) to the bot layer. */
  async function onOtherCommand(
    interaction: ChatInputCommandInteraction,
    command: BotCommand,
    text: string,
    port: ReplyPort,
  ): Promise<void> {
    logger.info(`discord /${interaction.commandName}`, {
      requestId: interaction.id,
      userId: interaction.user.id,
      channelId: interaction.channelId,
    });
    await bot.handle(
      {
        platform: 'discord',
        id: interaction.id,
        userId: interaction.user.id,
        via: 'command',
        text,
        command,
      },
      port,
    );
  }

  async function onSourcesCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    // A missing, mistyped or out-of-range page (a stale command definition) is page 1.
    const option = interaction.options.get(PAGE_OPTION)?.value;
    const page = parsePage(typeof option === 'number' ? String(option) : '');
    await onOtherCommand(
      interaction,
      { kind: 'sources', page },
      '',
      ports.slashPort(interaction, ''),
    );
  }

  async function onTimeline(interaction: ChatInputCommandInteraction): Promise<void> {
    const option = interaction.options.get(TIMELINE_QUERY_OPTION)?.value;
    const query = typeof option === 'string' ? option : '';
    await onOtherCommand(interaction, { kind: 'timeline' }, query, ports.timelinePort(interaction));
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
      ports.buttonPort(interaction),
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
        ports.channelPort(message, channel, 'a DM answer', undefined),
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
        ports.channelPort(message, channel, 'a thread answer', THREAD_PERMISSIONS),
      );
      return;
    }

    if (!mentioned || !channel.isSendable()) return;
    logger.info('discord mention', { requestId, channelId: channel.id, userId: message.author.id });
    await bot.handle({ ...base, via: 'mention' }, ports.mentionPort(message, channel, asked));
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
      allowedMentions: NO_MENTIONS,
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
        } else if (
          interaction.isChatInputCommand() &&
          interaction.commandName === SOURCES_COMMAND
        ) {
          void onSourcesCommand(interaction).catch(handlerFailed(interaction.id));
        } else if (
          interaction.isChatInputCommand() &&
          interaction.commandName === TIMELINE_COMMAND
        ) {
          void onTimeline(interaction).catch(handlerFailed(interaction.id));
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
