/**
 * `npm run build:index`: writes the index snapshot for the knowledge folder (KNOWLEDGE_DIR,
 * default `knowledge`) to INDEX_SNAPSHOT (default `.cache/index.bin`), unless the snapshot there
 * already matches the folder and engine. `--force` rebuilds anyway; `--knowledge DIR` and
 * `--out FILE` override the environment.
 */
import { config as loadDotenv } from 'dotenv';
import { StrikebotError } from '../core/errors.ts';
import { loadEngineWithSnapshot } from '../knowledge/snapshot.ts';
import { createLogger } from '../logger.ts';
import { parseFlags } from './parse-flags.ts';

loadDotenv({ quiet: true });
const values = parseFlags(
  {
    knowledge: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  'usage: npm run build:index -- [--knowledge DIR] [--out FILE] [--force]',
);
const dir = values.knowledge ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const out = values.out ?? process.env.INDEX_SNAPSHOT ?? '.cache/index.bin';

try {
  const loaded = await loadEngineWithSnapshot(
    dir,
    out,
    { force: values.force },
    createLogger({ level: 'warn' }),
  );
  const what =
    loaded.source === 'snapshot'
      ? `${out} is up to date`
      : `wrote ${out} (${loaded.reason === 'missing' ? 'new' : loaded.reason})`;
  process.stdout.write(
    `${what}: ${loaded.documents.length} documents, ${loaded.engine.chunks.length} chunks, ` +
      `${(loaded.snapshotBytes / 1024).toFixed(0)} KB, ready in ${loaded.timings.totalMs.toFixed(0)} ms, ` +
      `key ${loaded.key.slice(0, 12)}\n`,
  );
} catch (error) {
  const message = error instanceof StrikebotError ? error.message : String(error);
  process.stderr.write(`build:index: ${message}\n`);
  process.exit(1);
}
