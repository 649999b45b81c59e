import { config as loadDotenv } from 'dotenv';
import { type Config, configSecrets, loadConfig } from './config.ts';
import type { Engine } from './core/engine.ts';
import { loadEngineWithSnapshot } from './knowledge/snapshot.ts';
import { createLogger, type Logger } from './logger.ts';

/** Everything a command needs: configuration, a logger and the engine. */
export interface Runtime {
  config: Config;
  logger: Logger;
  engine: Engine;
  /** Milliseconds from start to a ready engine. */
  readyMs: number;
  /** Whether the index came from the snapshot or was built (and the snapshot rewritten). */
  indexSource: 'snapshot' | 'built';
  /** The snapshot key of the knowledge folder the engine was built for (hot reload starts from it). */
  indexKey: string;
}

/**
 * Reads `.env` (quietly: stdout stays clean for `--json`), parses the configuration, loads the
 * knowledge folder and the engine (from the index snapshot when it matches the knowledge files,
 * else built and the snapshot rewritten). Throws a `StrikebotError` naming what is wrong.
 */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const started = performance.now();
  loadDotenv({ quiet: true });
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: configSecrets(config) });
  const loaded = await loadEngineWithSnapshot(
    config.KNOWLEDGE_DIR,
    config.INDEX_SNAPSHOT,
    { engine: { maxQuestionLength: config.MAX_QUESTION_LENGTH } },
    logger,
  );
  return {
    config,
    logger,
    engine: loaded.engine,
    readyMs: performance.now() - started,
    indexSource: loaded.source,
    indexKey: loaded.key,
  };
}

/** Prints a start-up failure without a stack trace and exits 1. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`strikebot: ${message}\n`);
  process.exit(1);
}
