import type { RunningAdapter } from './adapters/types.ts';
import { bootstrap, exitWithError } from './bootstrap.ts';
import { createAnswerQueue } from './bot/answer-queue.ts';
import { createRateLimiter } from './bot/rate-limit.ts';
import { installLastResortHandlers } from './bot/request-context.ts';
import { runConsoleChat } from './cli/console-chat.ts';
import { type Config, hasDiscord, hasSlack, questionLogFile } from './config.ts';
import type { Engine } from './core/engine.ts';
import { fixedKnowledge, type KnowledgeSource } from './knowledge/knowledge-source.ts';
import { listSources } from './knowledge/list-sources.ts';
import { watchKnowledge } from './knowledge/watch-knowledge.ts';
import type { Logger } from './logger.ts';
import { disabledQuestionLog, openQuestionLog, type QuestionLog } from './store/question-log.ts';

/** Longest wait on shutdown for answers in flight before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `npm start`: the one place that wires configuration, knowledge, engine and adapters. Starts the
 * Discord and/or Slack adapters when their tokens are set, else the console chat. Every surface
 * answers from the knowledge source's current engine, which hot reload replaces when the
 * knowledge folder changes.
 */
async function main(): Promise<void> {
  const { config, logger, engine, readyMs, indexSource, indexKey } = await bootstrap();
  // No single request, event or click may end the process: what no handler caught is logged
  // with its request id, and the bot keeps serving.
  installLastResortHandlers(logger);
  const questionLog = openLog(config, logger);
  const knowledge = followKnowledge(config, logger, { engine, key: indexKey });
  const current = () => knowledge.current();
  const sources = () => listSources(knowledge.state());
  const adapters: RunningAdapter[] = [];
  if (!hasDiscord(config) && !hasSlack(config)) {
    logger.debug(`ready in ${Math.round(readyMs)} ms`, {
      documents: engine.documents.length,
      index: indexSource,
    });
    await runConsoleChat({
      engine: current,
      sources,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      questionLog,
      logger,
    });
    await knowledge.close();
    questionLog.close();
    return;
  }
  // Handlers go in before any adapter starts: until a listener exists a signal kills the process
  // at once (exit by signal, not 0), even after an adapter has said it is listening. A signal
  // during start-up stops the adapters started so far.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing answers in flight and disconnecting`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS);
    });
    const stopped = Promise.allSettled([
      ...adapters.map((a) => a.stop()),
      // A rebuild under way finishes (its snapshot is written whole) or is dropped.
      knowledge.close(),
    ]);
    const results = await Promise.race([stopped, timedOut]);
    clearTimeout(timer);
    if (results === 'timeout') {
      logger.warn(`answers still in flight after ${SHUTDOWN_GRACE_MS} ms; exiting anyway`);
    } else {
      for (const [i, result] of results.entries()) {
        if (result.status === 'rejected') {
          const what = adapters[i]?.name ?? 'knowledge watcher';
          logger.error(`${what} did not stop cleanly`, { error: result.reason });
        }
      }
    }
    questionLog.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // One bucket per user and platform (user ids of the two platforms never collide in practice,
  // but separate limiters keep them apart for certain).
  const limits = { burst: config.RATE_LIMIT_BURST, perMinute: config.RATE_LIMIT_PER_MINUTE };
  // Both platforms share one engine and one CPU, so their questions wait in one queue.
  const answerQueue = createAnswerQueue();
  logger.info(`cold start to ready in ${Math.round(readyMs)} ms`, {
    index: indexSource,
    documents: engine.documents.length,
    chunks: engine.chunks.length,
  });
  // A signal while one adapter starts stops the ones running; none starts after it.
  if (hasDiscord(config) && !stopping) {
    const { startDiscord } = await import('./adapters/discord/bot.ts');
    adapters.push(
      await startDiscord({
        token: config.DISCORD_TOKEN as string,
        applicationId: config.DISCORD_APPLICATION_ID as string,
        ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        engine: current,
        sources,
        logger,
        rateLimiter: createRateLimiter(limits),
        answerQueue,
        questionLog,
      }),
    );
  }
  if (hasSlack(config) && !stopping) {
    const { startSlack } = await import('./adapters/slack/app.ts');
    adapters.push(
      await startSlack({
        botToken: config.SLACK_BOT_TOKEN as string,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        port: config.PORT,
        engine: current,
        sources,
        logger,
        rateLimiter: createRateLimiter(limits),
        answerQueue,
        questionLog,
      }),
    );
  }
}

/**
 * The knowledge source every surface answers from: with `KNOWLEDGE_WATCH` on (the default), one
 * that follows the knowledge folder (hot reload: a worker rebuilds the index, the new engine
 * replaces the old in one step, a broken file keeps the last good one serving); with it off,
 * the engine loaded at start.
 */
function followKnowledge(
  config: Config,
  logger: Logger,
  initial: { engine: Engine; key: string },
): KnowledgeSource & { close(): Promise<void> } {
  if (config.KNOWLEDGE_WATCH === 'off') {
    return { ...fixedKnowledge(initial.engine, new Date()), close: async () => {} };
  }
  const holder = watchKnowledge({
    dir: config.KNOWLEDGE_DIR,
    snapshotPath: config.INDEX_SNAPSHOT,
    initial,
    engine: { maxQuestionLength: config.MAX_QUESTION_LENGTH },
    logger,
  });
  logger.info('watching the knowledge folder; changes are picked up without a restart', {
    dir: config.KNOWLEDGE_DIR,
  });
  return holder;
}

/** The question log the configuration asks for (`QUESTION_LOG`, `DATA_DIR`, retention). */
function openLog(config: Config, logger: Logger): QuestionLog {
  if (config.QUESTION_LOG === 'off') return disabledQuestionLog;
  return openQuestionLog({
    file: questionLogFile(config),
    retentionDays: config.QUESTION_LOG_RETENTION_DAYS,
    logger,
  });
}

main().catch(exitWithError);
