/**
 * The one lifecycle every platform shares. An {@link Incoming} message goes through small steps
 * in order: ignore bots and self, drop re-deliveries, refuse while stopping, buttons, small talk,
 * rate limit, then the answer (history, queue, engine, question log) and its delivery under one
 * failure policy. Adapters only translate their events into `Incoming` and implement a
 * {@link ReplyPort} that renders replies.
 */
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Engine } from '../core/engine.ts';
import { stripUndefined } from '../core/strip-undefined.ts';
import type { Answer } from '../core/types.ts';
import { countSentences } from '../knowledge/knowledge-source.ts';
import { listSources, type SourcesList } from '../knowledge/list-sources.ts';
import type { Logger } from '../logger.ts';
import { disabledQuestionLog, type QuestionLog } from '../store/question-log.ts';
import { type AnswerQueue, createAnswerQueue } from './answer-queue.ts';
import { parseAskCommand } from './ask-command.ts';
import { classifyMessage } from './classify-message.ts';
import { type ConversationStore, createConversationStore } from './conversation-history.ts';
import { createDedupe, type Dedupe } from './dedupe.ts';
import { decideFailure, type FailureKind } from './failure-policy.ts';
import { createInFlight } from './in-flight.ts';
import type { BotCommand, FeedbackAction, Incoming, Platform, SourcesCommand } from './incoming.ts';
import { toPlainWords } from './plain-text.ts';
import type { RateLimiter } from './rate-limit.ts';
import { type AnswerReply, outcomeOf, type Reply } from './reply.ts';
import { type CitedSnippet, findContext } from './show-context.ts';
import { summariseSources } from './sources-summary.ts';
import { buildTimeline } from './timeline.ts';
import {
  CONTEXT_GONE,
  FAILURE_TEXT,
  greetingText,
  helpText,
  RESTARTING_TEXT,
  rateLimitText,
  sourcesText,
  THANKS_TEXT,
  voteText,
} from './wording.ts';

/**
 * The engine as the bot layer uses it: answers, documents and chunks for "Show context", and the
 * timeline of dated events.
 */
export type BotEngine = Pick<Engine, 'answer' | 'documents' | 'chunks' | 'timeline'>;

/**
 * Where the bot layer gets its engine: called for each question, click and reply, so an engine
 * replaced by hot reload answers from the next question on. A fixed engine is `() => engine`.
 */
export type EngineSource = () => BotEngine;

/** What the pipeline asks of a platform to deliver one message's replies. */
export interface ReplyPort {
  /**
   * Shows `reply` where the question was asked. Resolves with the conversation (thread) the
   * exchange continues in when the platform opened or found one. Throws the platform's error.
   */
  send(reply: Reply): Promise<{ conversation?: string } | undefined>;
  /** Shows `reply` to the asker only (ephemeral where the platform has it). Throws. */
  sendPrivately(reply: Reply): Promise<void>;
  /** Shows the apology after a failed delivery. Throws. */
  apologise(text: string): Promise<void>;
  /** The answer is being worked on: acknowledge, show typing, add a reaction. */
  working?(): Promise<void>;
  /** The work is over, however it ended (remove the reaction). Never throws. */
  done?(): Promise<void>;
  /**
   * Delivers `reply` privately, with guidance on what the bot lacks, after the platform refused
   * `send` for lack of permission. Logs its own outcome. Without it, a refusal is logged.
   */
  deliverRefused?(reply: Reply, error: unknown): Promise<void>;
  /** What failed, for the log line when `send` fails (`could not send a thread answer`). */
  readonly failedTo: string;
  /**
   * The port for the replies to a command (`/timeline`, `/ask timeline 2019`, `/sources`) when
   * they go elsewhere than an answer's: Slack posts a timeline through the command's
   * `response_url`, Discord opens no thread on it. Default: this port.
   */
  forCommand?(command: BotCommand): ReplyPort;
}

/** Options for {@link createBot}. */
export interface BotOptions {
  /** The platform whose messages this bot handles. Required. */
  platform: Platform;
  /** The engine answering now, asked for at each question (see {@link EngineSource}). Required. */
  engine: EngineSource;
  /**
   * What `/sources` lists now. Default: the current engine's documents and sentence counts,
   * rebuilt when the bot was created, no file refused.
   */
  sources: () => SourcesList;
  /** The sources command as people type it, for the help reply and page hints. Default `/sources`. */
  sourcesCommand: string;
  /** Where the bot logs. Required. */
  logger: Logger;
  /** Prefix of every log message (`discord `, `slack: `). Default `${platform}: `. */
  logPrefix: string;
  /** The ask command as people type it, for the help reply. Default `/ask`. */
  command: string;
  /** Per-user limit; undefined means no limit (the console). Default: none. */
  rateLimiter: RateLimiter | undefined;
  /** Where engine work waits its turn (share one between platforms). Default: a new queue. */
  answerQueue: AnswerQueue;
  /** Earlier questions per thread. Default: a new store. */
  conversations: ConversationStore;
  /** Memory of handled deliveries. Default: a new one (10,000 keys, one hour). */
  dedupe: Dedupe;
  /** Where questions and votes are stored. Default: off. */
  questionLog: QuestionLog;
  /** Says what kind of failure a platform error is. Default: every error is `failed`. */
  classifyError: (error: unknown) => FailureKind;
  /** The log fields describing a platform error. Default `{ error: message }`. */
  describeError: (error: unknown) => Record<string, unknown>;
  /** Clock in ms for latency. Default `performance.now`. */
  now: () => number;
  /** Makes the id an answer's buttons carry. Default: a random UUID without dashes. */
  newAnswerId: () => string;
  /** Answers whose citations are kept in memory for "Show context". Default 10,000. */
  rememberedAnswers: number;
}

/** A running bot layer for one platform. */
export interface Bot {
  /**
   * Handles one incoming message, command or click: every reply goes through `port`. Resolves
   * when everything for it is done; never rejects.
   */
  handle(incoming: Incoming, port: ReplyPort): Promise<void>;
  /** True when the bot takes part in `conversation` (it answered there and remembers it). */
  knowsConversation(conversation: string): boolean;
  /** True once {@link Bot.stop} was called. */
  readonly stopping: boolean;
  /** Refuses new questions and waits for the answers in flight. */
  stop(): Promise<void>;
}

function defaultDescribeError(error: unknown): Record<string, unknown> {
  return { error: (error as Error)?.message ?? String(error) };
}

/**
 * Creates the bot layer for one platform.
 *
 * @example
 * const bot = createBot({ platform: 'slack', engine, logger, logPrefix: 'slack: ', questionLog });
 * await bot.handle(
 *   { platform: 'slack', id: eventId, userId, via: 'mention', text, conversation },
 *   port,
 * );
 */
export function createBot(
  options: Pick<BotOptions, 'platform' | 'engine' | 'logger'> & Partial<BotOptions>,
): Bot {
  const createdAt = new Date();
  const o: BotOptions = {
    sources: () => {
      const engine = options.engine();
      return listSources({
        documents: engine.documents,
        sentences: countSentences(engine),
        rebuiltAt: createdAt,
        refused: [],
      });
    },
    sourcesCommand: '/sources',
    logPrefix: `${options.platform}: `,
    command: '/ask',
    rateLimiter: undefined,
    answerQueue: createAnswerQueue(),
    conversations: createConversationStore(),
    dedupe: createDedupe(),
    questionLog: disabledQuestionLog,
    classifyError: () => 'failed',
    describeError: defaultDescribeError,
    now: () => performance.now(),
    newAnswerId: () => randomUUID().replace(/-/g, ''),
    rememberedAnswers: 10_000,
    // An option given as undefined keeps its default.
    ...(stripUndefined(options) as typeof options),
  };
  const { logger, logPrefix: p, conversations, questionLog } = o;
  const surface = { platform: o.platform, command: o.command, sourcesCommand: o.sourcesCommand };
  const inFlight = createInFlight();
  const cited = new LRUCache<string, CitedSnippet[]>({ max: o.rememberedAnswers });
  const text = (t: string): Reply => ({ kind: 'text', text: t });

  /** Runs a send that may fail; logs the failure at `level` instead of throwing. */
  const safely = async (
    requestId: string,
    what: string,
    send: () => Promise<unknown>,
    level: 'warn' | 'error' = 'error',
  ): Promise<boolean> => {
    try {
      await send();
      return true;
    } catch (error) {
      logger[level](`${p}could not send ${what}`, { requestId, ...o.describeError(error) });
      return false;
    }
  };

  /** Sends `reply` where it was asked, under the failure policy. */
  const deliver = async (
    incoming: Incoming,
    port: ReplyPort,
    reply: Reply,
  ): Promise<{ conversation?: string } | undefined> => {
    try {
      return await port.send(reply);
    } catch (error) {
      const action = decideFailure(o.classifyError(error));
      if (action.privately && port.deliverRefused) {
        await port.deliverRefused(reply, error);
        return undefined;
      }
      logger.error(`${p}${port.failedTo}`, { requestId: incoming.id, ...o.describeError(error) });
      if (action.apologise) {
        try {
          await port.apologise(FAILURE_TEXT);
        } catch (again) {
          logger.error(`${p}could not apologise`, {
            requestId: incoming.id,
            ...o.describeError(again),
          });
        }
      }
      return undefined;
    }
  };

  /** Logs a question that was refused before reaching the engine (rate limit). */
  const logRefused = (incoming: Incoming, question: string): void => {
    questionLog.recordQuestion({
      id: o.newAnswerId(),
      platform: incoming.platform,
      via: incoming.via,
      question,
      outcome: 'refused',
      citations: [],
      latencyMs: 0,
      userId: incoming.userId,
    });
  };

  const onAction = async (incoming: Incoming, port: ReplyPort, action: FeedbackAction) => {
    const requestId = incoming.id;
    if (action.kind === 'vote') {
      // Stored before the click is acknowledged: an acknowledged vote is on disk.
      const outcome = questionLog.recordVote({
        answerId: action.answerId,
        platform: incoming.platform,
        userId: incoming.userId,
        vote: action.vote,
      });
      logger.info(`${p}vote`, { requestId, answerId: action.answerId, vote: action.vote, outcome });
      await safely(requestId, 'the vote acknowledgement', () =>
        port.sendPrivately(text(voteText(action.vote, outcome))),
      );
      return;
    }
    const citations = cited.get(action.answerId) ?? questionLog.citationsOf(action.answerId);
    const engine = o.engine();
    const passages = (citations ?? [])
      .map((c) => findContext(engine, c))
      .filter((passage) => passage !== undefined);
    logger.info(`${p}show context`, { requestId, answerId: action.answerId });
    await safely(requestId, 'the context', () =>
      port.sendPrivately(passages.length > 0 ? { kind: 'context', passages } : text(CONTEXT_GONE)),
    );
  };

  /** Runs the engine through the queue; logs and returns undefined when it throws. */
  const answerFor = async (incoming: Incoming, question: string): Promise<Answer | undefined> => {
    const history = incoming.conversation ? conversations.history(incoming.conversation) : [];
    try {
      // The engine is taken when the question's turn comes, so a reload meanwhile counts.
      return await o.answerQueue.run(() => o.engine().answer(question, { history }));
    } catch (error) {
      logger.error(`${p}engine failed`, { requestId: incoming.id, ...o.describeError(error) });
      return undefined;
    }
  };

  const onQuestion = async (incoming: Incoming, port: ReplyPort, question: string) => {
    const started = o.now();
    try {
      await port.working?.();
      const answer = await answerFor(incoming, question);
      if (!answer) {
        await deliver(incoming, port, text(FAILURE_TEXT));
        return;
      }
      const latencyMs = o.now() - started;
      const reply: AnswerReply = {
        kind: 'answer',
        answer,
        asked: incoming.text,
        answerId: o.newAnswerId(),
      };
      if (answer.citations.length > 0) cited.set(reply.answerId, answer.citations);
      questionLog.recordQuestion({
        id: reply.answerId,
        platform: incoming.platform,
        via: incoming.via,
        question: answer.question,
        outcome: outcomeOf(answer),
        citations: answer.citations,
        latencyMs,
        userId: incoming.userId,
      });
      if (incoming.conversation) conversations.record(incoming.conversation, question);
      const delivered = await deliver(incoming, port, reply);
      if (delivered?.conversation && delivered.conversation !== incoming.conversation) {
        conversations.record(delivered.conversation, question);
      }
    } finally {
      await port.done?.();
    }
  };

  /** Lists the sources: to the asker only for a slash command, where asked otherwise. */
  const onSourcesCommand = async (incoming: Incoming, port: ReplyPort, command: SourcesCommand) => {
    const reply: Reply = {
      kind: 'sources',
      sources: o.sources(),
      page: command.page,
      command: o.sourcesCommand,
    };
    logger.info(`${p}sources`, { requestId: incoming.id, page: command.page });
    if (incoming.via === 'command') await port.sendPrivately(reply);
    else await port.send(reply);
  };

  /** Lists the dated events matching `query`, a year or words ('' for all). */
  const onTimeline = async (incoming: Incoming, port: ReplyPort, query: string) => {
    try {
      await port.working?.();
      let reply: Reply;
      try {
        reply = await o.answerQueue.run(() => buildTimeline(o.engine(), query));
      } catch (error) {
        logger.error(`${p}timeline failed`, { requestId: incoming.id, ...o.describeError(error) });
        reply = text(FAILURE_TEXT);
      }
      const events = reply.kind === 'timeline' ? reply.events.length : 0;
      logger.info(`${p}timeline`, { requestId: incoming.id, events });
      await deliver(incoming, port, reply);
    } finally {
      await port.done?.();
    }
  };

  /** The small-talk reply for `kind`, or undefined when nothing is to be said. */
  const smallTalk = (kind: ReturnType<typeof classifyMessage>, via: Incoming['via']) => {
    switch (kind) {
      case 'greeting':
        return greetingText(surface);
      case 'thanks':
        // In a thread, thanks ends nothing and answers nothing.
        return via === 'thread' ? undefined : THANKS_TEXT;
      case 'sources':
        return sourcesText(surface, summariseSources(o.engine().documents));
      default:
        return helpText(surface);
    }
  };

  const handle = async (incoming: Incoming, port: ReplyPort): Promise<void> => {
    const requestId = incoming.id;
    if (incoming.fromBot) return;
    if (!o.dedupe.firstTime(incoming.dedupeKeys ?? [incoming.id])) {
      logger.info(`${p}re-delivered event dropped`, { requestId });
      return;
    }
    if (inFlight.stopping) {
      if (incoming.via === 'command' || incoming.via === 'button') {
        await safely(requestId, 'the restarting notice', () =>
          port.sendPrivately(text(RESTARTING_TEXT)),
        );
      }
      return;
    }
    if (incoming.action) {
      const action = incoming.action;
      await inFlight.track(
        () => onAction(incoming, port, action),
        (error) => logger.error(`${p}handler failed`, { requestId, ...o.describeError(error) }),
      );
      return;
    }
    const question = toPlainWords(incoming.text);
    const kind = classifyMessage(question);
    // `/ask sources 2` and `/ask timeline 2019` are commands; a console line or a dedicated
    // command comes with its command set by the adapter.
    const command: BotCommand | undefined =
      incoming.command ?? (incoming.via === 'command' ? parseAskCommand(question) : undefined);
    const decision = o.rateLimiter?.take(incoming.userId) ?? { ok: true as const };
    if (!decision.ok) {
      logger.info(`${p}rate limited`, {
        requestId,
        userId: incoming.userId,
        retryAfterMs: decision.retryAfterMs,
      });
      if (kind === 'question' && !command) logRefused(incoming, question);
      await safely(
        requestId,
        'the rate-limit reply',
        () => port.sendPrivately(text(rateLimitText(decision.retryAfterMs))),
        'warn',
      );
      return;
    }
    if (command?.kind === 'timeline') {
      const query = command.query ?? question;
      await inFlight.track(
        () => onTimeline(incoming, port.forCommand?.(command) ?? port, query),
        (error) => logger.error(`${p}handler failed`, { requestId, ...o.describeError(error) }),
      );
      return;
    }
    if (command) {
      await inFlight.track(
        () => onSourcesCommand(incoming, port.forCommand?.(command) ?? port, command),
        (error) =>
          logger.warn(`${p}could not send the sources`, { requestId, ...o.describeError(error) }),
      );
      return;
    }
    if (kind !== 'question') {
      const words = smallTalk(kind, incoming.via);
      if (words === undefined) return;
      // An empty or help `/ask` is answered to the asker only, as Slack and Discord do for usage.
      const privately = incoming.via === 'command';
      await inFlight.track(
        async () => {
          await (privately ? port.sendPrivately(text(words)) : port.send(text(words)));
        },
        (error) =>
          logger.warn(`${p}could not send the ${kind} reply`, {
            requestId,
            ...o.describeError(error),
          }),
      );
      return;
    }
    await inFlight.track(
      () => onQuestion(incoming, port, question),
      (error) => logger.error(`${p}handler failed`, { requestId, ...o.describeError(error) }),
    );
  };

  return {
    handle,
    knowsConversation: (conversation) => conversations.has(conversation),
    get stopping() {
      return inFlight.stopping;
    },
    stop: () => inFlight.stop(),
  };
}
