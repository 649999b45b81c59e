/**
 * A platform-free, in-memory harness for the bot layer: tests drive the whole pipeline (small
 * talk, rate limit, history, queue, engine, question log, buttons, failure policy) without
 * discord.js or Bolt, and read back exactly what was replied and how.
 */
import type { BotCommand, Incoming, Platform, Via } from '../../src/bot/incoming.ts';
import { type Bot, type BotOptions, createBot, type ReplyPort } from '../../src/bot/pipeline.ts';
import type { Reply } from '../../src/bot/reply.ts';

/** One thing the harness's platform was asked to show. */
export interface Delivery {
  /** `public` where asked, `private` to the asker only, `apology` after a failed send, `refused` re-routed privately after a permission refusal. */
  how: 'public' | 'private' | 'apology' | 'refused';
  /** The request it answers. */
  requestId: string;
  reply: Reply;
}

/** What the harness's platform does when asked to send (default: succeed). */
export type SendBehaviour = (reply: Reply, how: Delivery['how']) => 'ok' | Error;

/** A bot over an in-memory platform. */
export interface MemoryHarness {
  readonly bot: Bot;
  /** Every delivery, in order. */
  readonly deliveries: Delivery[];
  /** Makes sends succeed or fail (an Error is thrown by the platform). */
  setSendBehaviour(behaviour: SendBehaviour): void;
  /** Sends a message and resolves with the deliveries made for it. */
  say(
    text: string,
    options?: {
      user?: string;
      via?: Via;
      conversation?: string;
      id?: string;
      dedupeKeys?: string[];
      fromBot?: boolean;
      /** A command other than asking (`/sources`, `timeline`), as an adapter would set it. */
      command?: BotCommand;
    },
  ): Promise<Delivery[]>;
  /** Clicks a button under an answer and resolves with the deliveries made for it. */
  click(
    action: NonNullable<Incoming['action']>,
    options?: { user?: string; id?: string },
  ): Promise<Delivery[]>;
}

let nextId = 1;

/**
 * Creates a bot over an in-memory platform; every option of {@link createBot} can be given.
 *
 * @example
 * const harness = createMemoryHarness({ engine: () => engine });
 * const [delivery] = await harness.say('How many workers struck?');
 * delivery.reply.kind; // 'answer'
 */
export function createMemoryHarness(
  options: Pick<BotOptions, 'engine'> & Partial<BotOptions> & { platform?: Platform },
): MemoryHarness {
  const platform = options.platform ?? 'console';
  const bot = createBot({ logger: silent, ...options, platform });
  const deliveries: Delivery[] = [];
  let behaviour: SendBehaviour = () => 'ok';

  const portFor = (requestId: string): ReplyPort => {
    const put = (how: Delivery['how'], reply: Reply) => {
      const result = behaviour(reply, how);
      if (result instanceof Error) throw result;
      deliveries.push({ how, requestId, reply });
    };
    return {
      failedTo: 'could not send the answer',
      async send(reply) {
        put('public', reply);
        return undefined;
      },
      async sendPrivately(reply) {
        put('private', reply);
      },
      async apologise(text) {
        put('apology', { kind: 'text', text });
      },
      async deliverRefused(reply) {
        put('refused', reply);
      },
    };
  };

  const run = async (incoming: Incoming): Promise<Delivery[]> => {
    await bot.handle(incoming, portFor(incoming.id));
    return deliveries.filter((d) => d.requestId === incoming.id);
  };

  return {
    bot,
    deliveries,
    setSendBehaviour(next) {
      behaviour = next;
    },
    say(
      text,
      {
        user = 'U1',
        via = 'dm',
        conversation,
        id = `m${nextId++}`,
        dedupeKeys,
        fromBot,
        command,
      } = {},
    ) {
      return run({
        platform,
        id,
        userId: user,
        via,
        text,
        ...(conversation ? { conversation } : {}),
        ...(dedupeKeys ? { dedupeKeys } : {}),
        ...(fromBot ? { fromBot } : {}),
        ...(command ? { command } : {}),
      });
    },
    click(action, { user = 'U1', id = `c${nextId++}` } = {}) {
      return run({ platform, id, userId: user, via: 'button', text: '', action });
    },
  };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
