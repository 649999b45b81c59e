/**
 * The question log's schema, one migration per version. `PRAGMA user_version` holds the version
 * a database is at; opening it applies the missing migrations in order, each in a transaction.
 * Never edit a migration that has shipped: add the next one.
 */
import type { Database } from 'better-sqlite3';
import { StrikebotError } from '../core/errors.ts';

/** Migrations in order; migration `i` takes a database from version `i` to `i + 1`. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    platform TEXT NOT NULL,
    via TEXT NOT NULL,
    question TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'unsure', 'not-found', 'refused')),
    doc_ids TEXT NOT NULL,
    latency_ms REAL,
    asker TEXT NOT NULL
  );
  CREATE INDEX questions_by_time ON questions (asked_at);
  CREATE TABLE citations (
    answer_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT,
    date TEXT,
    url TEXT,
    snippet TEXT NOT NULL,
    PRIMARY KEY (answer_id, n)
  );
  CREATE TABLE votes (
    answer_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    voter TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('helpful', 'not-helpful')),
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (answer_id, voter)
  );
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings `db` (at any earlier version, 0 for a new file) to {@link SCHEMA_VERSION}. Throws a
 * `StrikebotError` naming the file when it was written by a newer strikebot.
 *
 * @example
 * migrate(db, '.data/strikebot.db');
 */
export function migrate(db: Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StrikebotError(
      'CONFIG_INVALID',
      `${file} has schema version ${version}, newer than this strikebot's ${SCHEMA_VERSION}; upgrade strikebot or set DATA_DIR to another folder`,
    );
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
