import { config as loadDotenv } from 'dotenv';
import { type Config, configSecrets, loadConfig } from './config.ts';
import { createEngine, type Engine } from './core/engine.ts';
import { loadKnowledge } from './knowledge/load-knowledge.ts';
import { createLogger, type Logger } from './logger.ts';

/** Everything a command needs: configuration, a logger and the engine. */
export interface Runtime {
  config: Config;
  logger: Logger;
  engine: Engine;
  /** Milliseconds from start to a ready engine. */
  readyMs: number;
}

/**
 * Reads `.env` (quietly: stdout stays clean for `--json`), parses the configuration, loads the
 * knowledge folder and builds the engine. Throws a `StrikebotError` naming what is wrong.
 */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const started = performance.now();
  loadDotenv({ quiet: true });
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: configSecrets(config) });
  const documents = await loadKnowledge(config.KNOWLEDGE_DIR);
  const engine = createEngine(documents, { maxQuestionLength: config.MAX_QUESTION_LENGTH });
  return { config, logger, engine, readyMs: performance.now() - started };
}

/** Prints a start-up failure without a stack trace and exits 1. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`strikebot: ${message}\n`);
  process.exit(1);
}
