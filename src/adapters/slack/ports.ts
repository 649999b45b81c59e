/**
 * How the bot layer's replies reach Slack: one {@link ReplyPort} per way a question arrives (a
 * slash command, a message or mention, a button click). Rendering is `format.ts`'s; what to do
 * when a call fails is the shared failure policy's.
 */
import type { AckFn, RespondFn, webApi } from '@slack/bolt';
import type { ReplyPort } from '../../bot/pipeline.ts';
import type { Reply } from '../../bot/reply.ts';
import { slackInviteText } from '../../bot/wording.ts';
import { StrikebotError } from '../../core/errors.ts';
import type { Logger } from '../../logger.ts';
import { slackErrorCode } from './errors.ts';
import { formatSlackQuestion, renderSlackReply, type SlackBlock } from './format.ts';

/**
 * The key of a Slack thread: its channel and the `ts` of its first message.
 *
 * @example
 * conversationKey('C1', '1700000000.000100'); // 'C1:1700000000.000100'
 */
export function conversationKey(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

/** Links and media in answers are not unfurled (they would bury the quote). */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** The message fields of a rendered reply (`blocks` only when there are some). */
function messageOf(reply: Reply): { text: string; blocks?: SlackBlock[] } {
  const { text, blocks } = renderSlackReply(reply);
  return blocks.length > 0 ? { text, blocks } : { text };
}

/** The private note under an answer the bot could not post: how to invite it. */
function inviteBlock(botUserId: string): SlackBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: slackInviteText(`<@${botUserId}>`), verbatim: true }],
  };
}

/** How a slash command is acknowledged, shared by the ports of one command. */
type CommandAcknowledgement = Pick<ReplyPort, 'working' | 'sendPrivately' | 'apologise'> & {
  acked(): boolean;
};

/**
 * How a slash command is acknowledged and answered privately: `working` acknowledges it empty;
 * a private reply goes in the acknowledgement, or through `response_url` once acknowledged.
 */
function commandAcknowledgement(
  c: Pick<CommandContext, 'ack' | 'respond'>,
): CommandAcknowledgement {
  let acked = false;
  const ephemeral = (reply: Reply) => ({
    response_type: 'ephemeral' as const,
    ...messageOf(reply),
  });
  return {
    acked: () => acked,
    async working() {
      acked = true;
      await c.ack();
    },
    async sendPrivately(reply) {
      if (acked) {
        await c.respond(ephemeral(reply));
        return;
      }
      acked = true;
      await c.ack(ephemeral(reply));
    },
    async apologise(text) {
      await c.respond({ response_type: 'ephemeral', text });
    },
  };
}

/** What a slash command port needs. */
export interface CommandContext {
  requestId: string;
  command: { channel_id: string; user_id: string };
  /** The question as shown in the channel. */
  asked: string;
  ack: AckFn<string | Record<string, unknown>>;
  respond: RespondFn;
  client: webApi.WebClient;
  botUserId: string;
  logger: Logger;
}

/**
 * The port for `/ask`, `/sources` and `/timeline`: private replies go in the acknowledgement (or
 * through `response_url` once acknowledged); an answer is posted as "<@user> asked: …" in the
 * channel with the answer in its thread. Where the bot may not post, the answer is shown to the
 * asker only, with how to invite the bot. A timeline goes through {@link timelinePort}.
 */
export function commandPort(c: CommandContext): ReplyPort & { acked(): boolean } {
  const acknowledgement = commandAcknowledgement(c);
  const port: ReplyPort & { acked(): boolean } = {
    failedTo: 'could not answer /ask',
    ...acknowledgement,
    forCommand: (command) =>
      command.kind === 'timeline' ? timelinePort(c, acknowledgement) : port,
    async send(reply) {
      const message = messageOf(reply);
      const posted = await c.client.chat.postMessage({
        channel: c.command.channel_id,
        text: formatSlackQuestion(c.command.user_id, c.asked),
        ...NO_UNFURL,
      });
      if (!posted.ts) throw new StrikebotError('PLATFORM_ERROR', 'chat.postMessage returned no ts');
      // The answer is ready before the question is posted, so no "working" reaction is needed.
      await c.client.chat.postMessage({
        channel: c.command.channel_id,
        thread_ts: posted.ts,
        ...message,
        ...NO_UNFURL,
      });
      return { conversation: conversationKey(c.command.channel_id, posted.ts) };
    },
    async deliverRefused(reply, error) {
      c.logger.info('slack: cannot post in channel; answering privately', {
        requestId: c.requestId,
        code: slackErrorCode(error),
      });
      const { text, blocks = [] } = messageOf(reply);
      await c.respond({
        response_type: 'ephemeral',
        text,
        blocks: [...blocks, inviteBlock(c.botUserId)],
      });
    },
  };
  return port;
}

/**
 * The port for `/timeline` (and `/ask timeline …`): the list is posted to the channel through the
 * command's `response_url` (which needs no invitation to the channel); private replies go in the
 * acknowledgement, or through `response_url` once acknowledged.
 */
function timelinePort(
  c: Pick<CommandContext, 'respond'>,
  acknowledgement: CommandAcknowledgement,
): ReplyPort {
  return {
    failedTo: 'could not answer /timeline',
    ...acknowledgement,
    async send(reply) {
      await c.respond({ response_type: 'in_channel', ...messageOf(reply), ...NO_UNFURL });
      return undefined;
    },
  };
}

/** What a message or mention port needs. */
export interface ThreadContext {
  channel: string;
  /** Where answers go: the thread of the message (its own `ts` when it starts one); none in a plain DM. */
  threadTs: string | undefined;
  /** The thread the message itself is in (for private notes), if any. */
  messageThreadTs: string | undefined;
  messageTs: string;
  user: string;
  client: webApi.WebClient;
  /** Adds or removes the "working" reaction; never throws. */
  react(add: boolean): Promise<void>;
}

/** The port for mentions, thread replies and DMs: answers go in the thread, with 👀 meanwhile. */
export function threadPort(c: ThreadContext): ReplyPort {
  const where = { channel: c.channel, ...(c.threadTs ? { thread_ts: c.threadTs } : {}) };
  return {
    failedTo: 'could not answer',
    working: () => c.react(true),
    done: () => c.react(false),
    async send(reply) {
      await c.client.chat.postMessage({ ...where, ...messageOf(reply), ...NO_UNFURL });
      return undefined;
    },
    async sendPrivately(reply) {
      await c.client.chat.postEphemeral({
        channel: c.channel,
        user: c.user,
        text: renderSlackReply(reply).text,
        ...(c.messageThreadTs ? { thread_ts: c.messageThreadTs } : {}),
      });
    },
    async apologise(text) {
      await c.client.chat.postMessage({ ...where, text });
    },
  };
}

/** The port for a button click: it is acknowledged, then answered privately via `response_url`. */
export function buttonPort(
  ack: () => Promise<void>,
  respond: RespondFn,
): ReplyPort & {
  acked(): boolean;
} {
  let acked = false;
  const privately = async (reply: Reply) => {
    if (!acked) {
      acked = true;
      await ack();
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...messageOf(reply) });
  };
  return {
    failedTo: 'could not answer the button',
    acked: () => acked,
    async send(reply) {
      await privately(reply);
      return undefined;
    },
    sendPrivately: privately,
    apologise: (text) => privately({ kind: 'text', text }),
  };
}
