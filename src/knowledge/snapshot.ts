/**
 * The prebuilt index snapshot: the engine's serialised index for one knowledge folder, stored in
 * one file whose first line records the key it was built for. The key is a SHA-256 of the knowledge
 * files' names and contents and of what shapes the index (the engine's snapshot format and the
 * source of `src/core/`), so editing an article or the tokenizer makes the snapshot stale.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { type Engine, type EngineOptions, SNAPSHOT_VERSION } from '../core/engine.ts';
import { StrikebotError } from '../core/errors.ts';
import type { SourceDocument } from '../core/types.ts';
import { createStrikebotEngine } from '../domain/engine.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { type KnowledgeOptions, loadKnowledge } from './load-knowledge.ts';

/** Format of the snapshot file's header line. */
export const SNAPSHOT_FILE_FORMAT = 'strikebot-snapshot-file-2';

/** The header line of a snapshot file. */
export interface SnapshotHeader {
  format: string;
  /** {@link snapshotKey} of the knowledge folder and engine the snapshot was built from. */
  key: string;
  /** Length in bytes of the engine snapshot after the header line. */
  length: number;
  /** When the snapshot was written (ISO time). */
  createdAt: string;
}

/** A snapshot file's content: its header and the bytes from `engine.toSnapshot()`. */
export interface SnapshotFile {
  header: SnapshotHeader;
  engine: Uint8Array;
}

let coreFingerprint: string | undefined;

/** Path of the installed MiniSearch's package.json (its `exports` do not list the file). */
function miniSearchPackageJson(): string {
  const entry = createRequire(import.meta.url).resolve('minisearch');
  return join(entry.slice(0, entry.lastIndexOf(`${sep}dist${sep}`)), 'package.json');
}

/**
 * The engine settings/version string of the key: the engine's snapshot format and a hash of the
 * source files of `src/core/index/` (chunker, tokenizer, snapshot layout), the only part of the
 * core that decides what a snapshot holds; ranking changes leave snapshots valid.
 */
function engineVersion(): string {
  if (!coreFingerprint) {
    const dir = new URL('../core/index/', import.meta.url);
    const hash = createHash('sha256');
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ts|js|json)$/.test(name)) continue;
      hash
        .update(`${name}\0`)
        .update(readFileSync(new URL(name, dir)))
        .update('\0');
    }
    // The snapshot holds MiniSearch's own maps, so its version is part of the key too.
    hash.update(readFileSync(miniSearchPackageJson()));
    coreFingerprint = hash.digest('hex').slice(0, 16);
  }
  return `${SNAPSHOT_VERSION}+core.${coreFingerprint}`;
}

/**
 * SHA-256 (hex) of every visible file of the knowledge folder (names and bytes, sorted by name)
 * and of `version`. Hidden files are left out, so a snapshot kept in the folder does not change it.
 *
 * @example
 * await snapshotKey('knowledge') // => '3f1c…' (64 hex digits)
 */
export async function snapshotKey(dir: string, version: string = engineVersion()): Promise<string> {
  const hash = createHash('sha256').update(`${version}\0`);
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith('.')) continue;
    const file = join(dir, name);
    if (!(await stat(file)).isFile()) continue;
    hash
      .update(`${name}\0`)
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Reads a snapshot file. Returns `undefined` when there is no file; throws a `StrikebotError`
 * (`SNAPSHOT_INVALID`) naming the file when it is not a snapshot or is truncated.
 */
export async function readSnapshotFile(path: string): Promise<SnapshotFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StrikebotError('SNAPSHOT_INVALID', `${path}: cannot be read`, { cause: error });
  }
  const newline = bytes.indexOf(0x0a);
  let header: Partial<SnapshotHeader> | undefined;
  try {
    const line = newline < 0 ? bytes : bytes.subarray(0, newline);
    header = JSON.parse(line.toString('utf8')) as Partial<SnapshotHeader>;
  } catch {
    header = undefined;
  }
  if (header?.format !== SNAPSHOT_FILE_FORMAT || typeof header.key !== 'string') {
    throw new StrikebotError(
      'SNAPSHOT_INVALID',
      `${path}: not a strikebot index snapshot (${SNAPSHOT_FILE_FORMAT}); run npm run build:index`,
    );
  }
  const engine = bytes.subarray(newline + 1);
  if (engine.length !== header.length) {
    throw new StrikebotError(
      'SNAPSHOT_INVALID',
      `${path}: truncated (${engine.length} of ${header.length} bytes); run npm run build:index`,
    );
  }
  return { header: header as SnapshotHeader, engine };
}

/** Writes a snapshot file atomically (temporary file, then rename), creating its folder. */
export async function writeSnapshotFile(
  path: string,
  key: string,
  engineSnapshot: Uint8Array,
  now: () => Date = () => new Date(),
): Promise<number> {
  const header: SnapshotHeader = {
    format: SNAPSHOT_FILE_FORMAT,
    key,
    length: engineSnapshot.length,
    createdAt: now().toISOString(),
  };
  const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), engineSnapshot]);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
  return content.length;
}

/** Options for {@link loadEngineWithSnapshot}. */
export interface SnapshotOptions {
  /**
   * Options passed to `createEngine` (not part of the key: they do not shape the index). Default:
   * strikebot's profile and trained model.
   */
  engine: Partial<Omit<EngineOptions, 'snapshot'>>;
  /** Options of the knowledge loader. Default its defaults. */
  knowledge: Partial<KnowledgeOptions>;
  /** Rebuild and rewrite even when the snapshot matches. Default false. */
  force: boolean;
  /** Clock in milliseconds for the timings. Default `performance.now()`. */
  clock: () => number;
}

/** Defaults for {@link SnapshotOptions}. */
const defaultSnapshotOptions: SnapshotOptions = {
  engine: {},
  knowledge: {},
  force: false,
  clock: () => performance.now(),
};

/** Why the snapshot was not used: none on disk, built for other files or engine, or unreadable. */
export type RebuildReason = 'missing' | 'stale' | 'corrupt' | 'forced';

/** A ready engine and how it got that way. */
export interface LoadedEngine {
  engine: Engine;
  documents: SourceDocument[];
  /** `snapshot` when the index was loaded from the file, `built` when it was rebuilt (and rewritten). */
  source: 'snapshot' | 'built';
  /** Set when `source` is `built`. */
  reason?: RebuildReason;
  key: string;
  /** Size of the snapshot file in bytes (as read or as written; 0 if it could not be written). */
  snapshotBytes: number;
  /** Milliseconds of each step and in total (cold start to ready). */
  timings: {
    knowledgeMs: number;
    snapshotMs: number;
    engineMs: number;
    writeMs: number;
    totalMs: number;
  };
}

/**
 * Loads the knowledge folder and an engine over it, reusing the index snapshot at
 * `snapshotPath` when its key matches and otherwise building the index and rewriting the file.
 * A corrupt or unreadable snapshot is logged as a warning and rebuilt; a snapshot that cannot be
 * written is logged and the built engine is still returned.
 *
 * @example
 * const { engine, source, timings } = await loadEngineWithSnapshot('knowledge', '.cache/index.bin');
 * logger.info('ready', { source, ms: Math.round(timings.totalMs) });
 * @throws StrikebotError from the knowledge loader when the folder itself is unusable.
 */
export async function loadEngineWithSnapshot(
  dir: string,
  snapshotPath: string,
  options: Partial<SnapshotOptions> = {},
  logger: Logger = silentLogger,
): Promise<LoadedEngine> {
  const settings: SnapshotOptions = { ...defaultSnapshotOptions, ...options };
  const { clock } = settings;
  const started = clock();
  // Both read the folder at once; the loader's error (which names KNOWLEDGE_DIR) wins over the
  // key's raw file system error when the folder is missing.
  const keyHash = snapshotKey(dir);
  keyHash.catch(() => undefined);
  const documents = await loadKnowledge(dir, settings.knowledge);
  const key = await keyHash;
  const knowledgeMs = clock() - started;

  let reason: RebuildReason = settings.force ? 'forced' : 'missing';
  let snapshotBytes = 0;
  if (!settings.force) {
    const readStart = clock();
    try {
      const file = await readSnapshotFile(snapshotPath);
      if (file && file.header.key === key) {
        const snapshotMs = clock() - readStart;
        const engineStart = clock();
        const engine = createStrikebotEngine(documents, {
          ...settings.engine,
          snapshot: file.engine,
        });
        const engineMs = clock() - engineStart;
        snapshotBytes = file.engine.length + 1;
        const totalMs = clock() - started;
        logger.debug('index snapshot loaded', { path: snapshotPath, ms: Math.round(totalMs) });
        return {
          engine,
          documents,
          source: 'snapshot',
          key,
          snapshotBytes,
          timings: { knowledgeMs, snapshotMs, engineMs, writeMs: 0, totalMs },
        };
      }
      if (file) reason = 'stale';
    } catch (error) {
      reason = 'corrupt';
      logger.warn('index snapshot unusable; rebuilding it', {
        path: snapshotPath,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  const snapshotMs = 0;
  const engineStart = clock();
  const engine = createStrikebotEngine(documents, settings.engine);
  const engineMs = clock() - engineStart;
  const writeStart = clock();
  try {
    snapshotBytes = await writeSnapshotFile(snapshotPath, key, engine.toSnapshot());
  } catch (error) {
    logger.warn('index snapshot could not be written; the engine still works', {
      path: snapshotPath,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  const writeMs = clock() - writeStart;
  const totalMs = clock() - started;
  logger.info('index rebuilt', { reason, path: snapshotPath, ms: Math.round(totalMs) });
  return {
    engine,
    documents,
    source: 'built',
    reason,
    key,
    snapshotBytes,
    timings: { knowledgeMs, snapshotMs, engineMs, writeMs, totalMs },
  };
}
