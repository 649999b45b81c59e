/**
 * Hot reload: watches the knowledge folder and keeps an engine that follows it. A burst of file
 * events becomes one rebuild (debounced); the index is built in a worker thread while the current
 * engine goes on answering; the new engine replaces it in one step and the snapshot file is
 * rewritten. When a file fails to load, the last good engine keeps serving and the file and line
 * at fault are logged (and listed by `sources()`); fixing the file recovers.
 */
import { EventEmitter } from 'node:events';
import { type FSWatcher, statSync, watch } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Engine, EngineOptions } from '../core/engine.ts';
import { createStrikebotEngine } from '../domain/engine.ts';
import { type Logger, silentLogger } from '../logger.ts';
import type { BuildIndexRequest, BuildIndexResult, IndexWorkerReady } from './build-index-job.ts';
import { countSentences, type KnowledgeSource } from './knowledge-source.ts';
import type { RefusedFile } from './load-knowledge.ts';
import { snapshotKey, writeSnapshotFile } from './snapshot.ts';

export type { KnowledgeState } from './knowledge-source.ts';

/** Options for {@link watchKnowledge}. */
export interface WatchOptions {
  /** The knowledge folder. */
  dir: string;
  /** Where the index snapshot is rewritten after each rebuild. */
  snapshotPath: string;
  /** The engine serving now, the snapshot key it was built for and its documents. */
  initial: { engine: Engine; key: string };
  /** Options for `createEngine` (not the index: `maxQuestionLength`...). Default none. */
  engine: Partial<Omit<EngineOptions, 'snapshot'>>;
  /** Quiet time after the last file event before rebuilding, in ms. Default 300. */
  debounceMs: number;
  /** How often a knowledge folder that was deleted is looked for again, in ms. Default 1,000. */
  recheckMs: number;
  logger: Logger;
  /** Clock for the rebuild time shown by `/sources`. Default the system clock. */
  now: () => Date;
}

/** Defaults for {@link WatchOptions}. */
const defaultWatchOptions: Pick<
  WatchOptions,
  'engine' | 'debounceMs' | 'recheckMs' | 'logger' | 'now'
> = {
  engine: {},
  debounceMs: 300,
  recheckMs: 1000,
  logger: silentLogger,
  now: () => new Date(),
};

/** The reason a rebuild did not replace the engine. */
export interface RefusedEvent {
  refused: readonly RefusedFile[];
}

/** Details of a rebuild that replaced the engine. */
export interface ReloadedEvent {
  documents: number;
  /** Milliseconds from the start of the rebuild to the swap. */
  ms: number;
}

/**
 * An engine that follows the knowledge folder. The bot layer asks `current()` for each question,
 * so an answer always comes from one whole index.
 */
export interface EngineHolder extends KnowledgeSource {
  on(event: 'reloaded', listener: (event: ReloadedEvent) => void): this;
  on(event: 'refused', listener: (event: RefusedEvent) => void): this;
  off(event: 'reloaded' | 'refused', listener: (...args: never[]) => void): this;
  /** Resolves when no rebuild is running or waiting (for tests and shutdown). */
  idle(): Promise<void>;
  /** Stops watching and ends the worker. */
  close(): Promise<void>;
}

const WORKER_URL = new URL('./index-worker.mjs', import.meta.url);

/**
 * Starts watching. The holder serves `initial.engine` until the first change.
 *
 * @example
 * const loaded = await loadEngineWithSnapshot(dir, snapshotPath);
 * const holder = watchKnowledge({ dir, snapshotPath, initial: loaded, logger });
 * holder.current().answer('When did the strike start?');
 */
export function watchKnowledge(
  options: Pick<WatchOptions, 'dir' | 'snapshotPath' | 'initial'> & Partial<WatchOptions>,
): EngineHolder {
  const settings: WatchOptions = { ...defaultWatchOptions, ...options };
  const { dir, snapshotPath, logger, now } = settings;
  const events = new EventEmitter();
  let engine = settings.initial.engine;
  let key = settings.initial.key;
  let sentences = countSentences(engine);
  let rebuiltAt = now();
  let refused: readonly RefusedFile[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, (result: BuildIndexResult) => void>();

  const startWorker = (): Worker => {
    const starting = performance.now();
    const started = new Worker(WORKER_URL);
    started.unref();
    started.on('message', (result: BuildIndexResult | IndexWorkerReady) => {
      if (result.kind === 'ready') {
        logger.debug('index worker ready', { ms: Math.round(performance.now() - starting) });
        return;
      }
      waiting.get(result.id)?.(result);
      waiting.delete(result.id);
    });
    started.on('error', (error) => {
      logger.error('index worker failed; a new one starts with the next rebuild', { error });
      for (const [id, resolve] of waiting) resolve({ id, kind: 'failed', error: String(error) });
      waiting.clear();
      if (worker === started) worker = undefined;
    });
    return started;
  };

  const build = (request: Omit<BuildIndexRequest, 'id'>): Promise<BuildIndexResult> => {
    worker ??= startWorker();
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker?.postMessage({ ...request, id } satisfies BuildIndexRequest);
    });
  };

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    // The folder may have been deleted, or replaced by another (a deploy renaming a new one into
    // place): watch the folder that is there now, or look for it until it is back.
    if (!follow()) awaitFolder();
    const currentKey = await snapshotKey(dir).catch(() => undefined);
    if (currentKey === key && refused.length === 0) return;
    const result = await build({ dir });
    if (closed) return;
    if (result.kind === 'failed') {
      refused = [{ file: dir, error: result.error, code: 'KNOWLEDGE_UNREADABLE' }];
      logger.error('knowledge folder unusable; still serving the last good index', {
        error: result.error,
      });
      events.emit('refused', { refused } satisfies RefusedEvent);
      return;
    }
    if (result.kind === 'refused') {
      refused = result.refused;
      for (const { file, error } of result.refused) {
        logger.warn('knowledge file refused; still serving the last good index', { file, error });
      }
      events.emit('refused', { refused } satisfies RefusedEvent);
      return;
    }
    const next = createStrikebotEngine(result.documents, {
      ...settings.engine,
      snapshot: result.snapshot,
    });
    engine = next;
    key = result.key;
    sentences = countSentences(next);
    rebuiltAt = now();
    refused = [];
    const ms = Math.round(performance.now() - started);
    logger.info('knowledge reloaded', { documents: result.documents.length, ms });
    events.emit('reloaded', { documents: result.documents.length, ms } satisfies ReloadedEvent);
    await writeSnapshotFile(snapshotPath, result.key, result.snapshot).catch((error: unknown) => {
      logger.warn('index snapshot could not be written; the engine still works', {
        path: snapshotPath,
        error: error instanceof Error ? error.message : String(error),
      });
    });
  };

  const run = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await rebuild();
        } catch (error) {
          logger.error('knowledge reload failed; still serving the last good index', { error });
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
  };

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, settings.debounceMs);
  };

  // Started now, so the first rebuild does not wait for the worker to load its modules.
  worker = startWorker();

  let watcher: FSWatcher | undefined;
  /** The inode of the folder watched: another one at `dir` means the folder was replaced. */
  let watched: number | undefined;
  let recheck: NodeJS.Timeout | undefined;
  /** Set when the watched folder disappeared, so watching it once more is logged. */
  let lost = false;

  /** Watches the folder at `dir` unless already watching it; false when there is none. */
  function follow(): boolean {
    const found = (() => {
      try {
        return statSync(dir);
      } catch {
        return undefined;
      }
    })();
    if (!found?.isDirectory()) {
      // The watch on a deleted folder is dead, and a folder made again may get its inode number
      // back: forget it, so the next folder found is watched afresh.
      if (watcher) lost = true;
      watcher?.close();
      watcher = undefined;
      watched = undefined;
      return false;
    }
    if (watcher && found.ino === watched) return true;
    const again = watcher !== undefined || lost;
    lost = false;
    watcher?.close();
    watcher = undefined;
    try {
      watcher = watch(dir, { persistent: false }, schedule);
      watcher.on('error', (error) =>
        logger.error('cannot watch the knowledge folder', { dir, error }),
      );
      watched = found.ino;
      if (again) logger.info('watching the knowledge folder again', { dir });
      return true;
    } catch (error) {
      logger.error('cannot watch the knowledge folder; changes need a restart', { dir, error });
      return false;
    }
  }

  /** Looks for the folder every `recheckMs` until it is back, then watches it and rebuilds. */
  function awaitFolder(): void {
    if (recheck || closed) return;
    recheck = setInterval(() => {
      if (!follow()) return;
      clearInterval(recheck);
      recheck = undefined;
      schedule();
    }, settings.recheckMs);
    recheck.unref();
  }

  if (!follow()) awaitFolder();

  const holder: EngineHolder = {
    current: () => engine,
    state: () => ({ documents: engine.documents, sentences, rebuiltAt, refused }),
    on(event: string, listener: (...args: never[]) => void) {
      events.on(event, listener as (...args: unknown[]) => void);
      return holder;
    },
    off(event, listener) {
      events.off(event, listener as (...args: unknown[]) => void);
      return holder;
    },
    async idle() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, settings.debounceMs));
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      clearInterval(recheck);
      watcher?.close();
      await running;
      await worker?.terminate();
      worker = undefined;
    },
  } as EngineHolder;
  return holder;
}
