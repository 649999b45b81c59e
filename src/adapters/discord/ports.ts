/**
 * How the bot layer's replies reach Discord: one {@link ReplyPort} per way a question arrives
 * (`/ask`, a message in a DM or thread, a mention in a channel, a button click). Rendering is
 * `format.ts`'s; what to do when a call fails is the shared failure policy's.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  MessageFlags,
  type PermissionsBitField,
  type PermissionsString,
  type SendableChannels,
  type User,
} from 'discord.js';
import type { ReplyPort } from '../../bot/pipeline.ts';
import type { Reply } from '../../bot/reply.ts';
import { COULD_NOT_ANSWER, COULD_NOT_OPEN_THREAD } from '../../bot/wording.ts';
import type { Logger } from '../../logger.ts';
import { errorFields, isMissingPermission } from './errors.ts';
import {
  permissionGuidance,
  renderDiscordReply as render,
  threadNameFor,
  withNotice,
} from './format.ts';

/** What answering a mention uses: a thread on the message, or else a reply in the channel. */
const MENTION_PERMISSIONS: readonly PermissionsString[] = [
  'ViewChannel',
  'SendMessages',
  'ReadMessageHistory',
  'CreatePublicThreads',
  'SendMessagesInThreads',
];
/** What answering inside a thread uses. */
export const THREAD_PERMISSIONS: readonly PermissionsString[] = [
  'ViewChannel',
  'SendMessagesInThreads',
];
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

/** A reply only the person who used a slash command sees. */
function ephemeral(reply: Reply) {
  return { ...render(reply), flags: MessageFlags.Ephemeral as const };
}

/** Private replies to a slash command: ephemeral, as a follow-up once the reply is deferred. */
function privateReplies(
  interaction: ChatInputCommandInteraction,
): Pick<ReplyPort, 'sendPrivately' | 'apologise'> {
  return {
    async sendPrivately(reply) {
      if (interaction.deferred || interaction.replied) await interaction.followUp(ephemeral(reply));
      else await interaction.reply(ephemeral(reply));
    },
    async apologise(text) {
      await interaction.followUp(ephemeral({ kind: 'text', text }));
    },
  };
}

/** What the ports share: where they log and how long threads they open stay active. */
export interface PortSettings {
  logger: Logger;
  /** Minutes of inactivity before Discord archives a thread the bot opens. */
  threadAutoArchiveMinutes: 60 | 1440 | 4320 | 10080;
}

/** The Discord ports. */
export interface DiscordPorts {
  slashPort(interaction: ChatInputCommandInteraction, asked: string): ReplyPort;
  timelinePort(interaction: ChatInputCommandInteraction): ReplyPort;
  channelPort(
    message: Message,
    channel: SendableChannels,
    what: string,
    needed: readonly PermissionsString[] | undefined,
  ): ReplyPort;
  mentionPort(message: Message, channel: SendableChannels, asked: string): ReplyPort;
  buttonPort(interaction: ButtonInteraction): ReplyPort;
}

/**
 * Creates the ports the Discord adapter hands the bot layer.
 *
 * @example
 * const ports = createDiscordPorts({ logger, threadAutoArchiveMinutes: 1440 });
 * await bot.handle(incoming, ports.mentionPort(message, channel, asked));
 */
export function createDiscordPorts({
  logger,
  threadAutoArchiveMinutes,
}: PortSettings): DiscordPorts {
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

  /** The port for `/timeline`: the list edits the deferred reply; private replies are ephemeral. */
  function timelinePort(interaction: ChatInputCommandInteraction): ReplyPort {
    return {
      failedTo: 'could not edit the /timeline reply',
      ...privateReplies(interaction),
      async working() {
        await interaction.deferReply();
      },
      async send(reply) {
        await interaction.editReply(render(reply));
        return undefined;
      },
    };
  }

  /**
   * The port for `/ask`: private replies are ephemeral; the answer edits the deferred reply and
   * opens a thread on it. A timeline (`/ask timeline 2019`) goes through {@link timelinePort}.
   */
  function slashPort(interaction: ChatInputCommandInteraction, asked: string): ReplyPort {
    const requestId = interaction.id;
    return {
      failedTo: 'could not edit the /ask reply',
      ...privateReplies(interaction),
      forCommand(command) {
        return command.kind === 'timeline' ? timelinePort(interaction) : this;
      },
      async working() {
        // Defer first: Discord drops interactions not acknowledged within 3 seconds.
        await interaction.deferReply();
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

  return { slashPort, timelinePort, channelPort, mentionPort, buttonPort };
}
