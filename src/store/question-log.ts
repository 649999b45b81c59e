/**
 * The question log: every question, its outcome, the cited document ids, latency, platform and
 * votes, in one SQLite file (WAL mode, a schema version with migrations). People are stored only
 * as a keyed hash. The log never stops the bot: when the file is locked, read-only, corrupt or on
 * a full disk, it logs one error naming the file, drops writes, and tries again a minute later.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Outcome } from '../bot/reply.ts';
import type { CitedSnippet } from '../bot/show-context.ts';
import type { VoteOutcome } from '../bot/wording.ts';
import type { Logger } from '../logger.ts';
import { migrate } from './migrations.ts';
import { hashUser, loadOrCreateUserKey } from './user-key.ts';

/** One answered (or refused) question, as the bot hands it to the log. */
export interface QuestionRecord {
  /** The answer's id (its buttons carry it). */
  id: string;
  platform: string;
  via: string;
  /** The question as the engine read it (plain words). */
  question: string;
  outcome: Outcome;
  /** The cited passages, best first (empty for not found and refused). */
  citations: readonly CitedSnippet[];
  /** Milliseconds from receiving the question to having the answer. */
  latencyMs: number;
  /** The platform's user id; only its keyed hash is stored. */
  userId: string;
}

/** A vote on an answer. */
export interface VoteRecord {
  answerId: string;
  platform: string;
  /** The platform's user id; only its keyed hash is stored. */
  userId: string;
  vote: 'helpful' | 'not-helpful';
}

/** Whether the log is writing. */
export type LogStatus =
  | { state: 'on'; file: string }
  | { state: 'off' }
  | { state: 'unavailable'; file: string; error: string };

/** The question log as the bot uses it. No method throws. */
export interface QuestionLog {
  /** Stores a question; false when the log is off or unavailable. */
  recordQuestion(record: QuestionRecord): boolean;
  /** Stores or changes a vote (one per person and answer); says what happened. */
  recordVote(record: VoteRecord): VoteOutcome;
  /** The citations of a logged answer, for "Show context" after a restart. */
  citationsOf(answerId: string): CitedSnippet[] | undefined;
  status(): LogStatus;
  /** Closes the file. */
  close(): void;
}

/** Options for {@link openQuestionLog}. */
export interface QuestionLogOptions {
  /** The database file; its folder is created when missing. */
  file: string;
  /** Questions (with their votes) older than this many days are deleted. Default 90. */
  retentionDays: number;
  /** Where the one error about an unusable file goes. Required. */
  logger: Logger;
  /** Wall clock in ms (stored times and retention). Default `Date.now`. */
  now: () => number;
  /** After a failure, writes are dropped this long before the file is tried again. Default 60,000. */
  retryAfterMs: number;
  /**
   * How long a write waits for another process's lock before the log counts as unavailable. The
   * driver is synchronous, so this blocks the event loop: keep it short. Default 100 ms.
   */
  busyTimeoutMs: number;
}

/** Defaults for {@link QuestionLogOptions}. */
const defaultQuestionLogOptions = {
  retentionDays: 90,
  now: () => Date.now(),
  retryAfterMs: 60_000,
  busyTimeoutMs: 100,
} as const satisfies Partial<QuestionLogOptions>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Retention is enforced at most this often. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** The file of the key beside a database (`.data/strikebot.db` → `.data/user-hash.key`). */
function userKeyFile(databaseFile: string): string {
  return join(dirname(databaseFile), 'user-hash.key');
}

/** `SQLITE_BUSY: database is locked`, or the plain message. */
function describeError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const sqlite = typeof e?.code === 'string' && e.code.startsWith('SQLITE_');
  return sqlite && !message.startsWith(e.code as string) ? `${e.code}: ${message}` : message;
}

interface Statements {
  insertQuestion: Database.Statement;
  insertCitation: Database.Statement;
  findQuestion: Database.Statement;
  findVote: Database.Statement;
  upsertVote: Database.Statement;
  citations: Database.Statement;
  prune: Database.Statement;
}

/** Opens the database: folder, WAL, migrations, the user key and the statements. Throws. */
function openDatabase(
  file: string,
  busyTimeoutMs: number,
): { db: Database.Database; key: Buffer; statements: Statements } {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`cannot switch to WAL mode (journal mode is ${mode})`);
    // NORMAL in WAL mode: a committed transaction survives the process being killed (kill -9);
    // only a power cut can lose the last ones.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    const key = loadOrCreateUserKey(userKeyFile(file));
    const statements: Statements = {
      insertQuestion: db.prepare(
        `INSERT OR IGNORE INTO questions (id, asked_at, platform, via, question, outcome, doc_ids, latency_ms, asker)
         VALUES (@id, @askedAt, @platform, @via, @question, @outcome, @docIds, @latencyMs, @asker)`,
      ),
      insertCitation: db.prepare(
        `INSERT OR IGNORE INTO citations (answer_id, n, doc_id, title, publisher, date, url, snippet)
         VALUES (@answerId, @n, @docId, @title, @publisher, @date, @url, @snippet)`,
      ),
      findQuestion: db.prepare('SELECT 1 FROM questions WHERE id = ?'),
      findVote: db.prepare('SELECT vote FROM votes WHERE answer_id = ? AND voter = ?'),
      upsertVote: db.prepare(
        `INSERT INTO votes (answer_id, voter, vote, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      ),
      citations: db.prepare(
        'SELECT n, doc_id, title, publisher, date, url, snippet FROM citations WHERE answer_id = ? ORDER BY n',
      ),
      prune: db.prepare('DELETE FROM questions WHERE asked_at < ?'),
    };
    return { db, key, statements };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (creating or migrating) the question log in `file`. Never throws: a file that cannot be
 * used makes an unavailable log that logs one error naming the file and tries again later.
 *
 * @example
 * const log = openQuestionLog({ file: '.data/strikebot.db', logger });
 * log.recordQuestion({ id, platform: 'slack', via: 'mention', question, outcome: 'answer', citations, latencyMs, userId });
 */
export function openQuestionLog(
  options: Pick<QuestionLogOptions, 'file' | 'logger'> & Partial<QuestionLogOptions>,
): QuestionLog {
  const { file, logger, retentionDays, now, retryAfterMs, busyTimeoutMs } = {
    ...defaultQuestionLogOptions,
    ...options,
  };
  let open: ReturnType<typeof openDatabase> | undefined;
  let failure: string | undefined;
  let retryAt = 0;
  let prunedAt = Number.NEGATIVE_INFINITY;

  /** Marks the log unavailable; logs the error the first time only. */
  const fail = (error: unknown): void => {
    const reason = describeError(error);
    if (failure === undefined) {
      logger.error(
        `question log ${file} is unavailable (${reason}); still answering, without logging questions`,
        { file },
      );
    }
    failure = reason;
    retryAt = now() + retryAfterMs;
    if (open) {
      try {
        open.db.close();
      } catch {
        // Closing a broken handle can fail too; the next try opens a new one.
      }
      open = undefined;
    }
  };

  /** The open database, opening it when due; undefined while unavailable. */
  const database = (): ReturnType<typeof openDatabase> | undefined => {
    if (open) return open;
    if (failure !== undefined && now() < retryAt) return undefined;
    try {
      open = openDatabase(file, busyTimeoutMs);
      return open;
    } catch (error) {
      fail(error);
      return undefined;
    }
  };

  /** Runs `write` against the database; on failure marks the log unavailable. */
  const attempt = <T>(write: (d: ReturnType<typeof openDatabase>) => T): T | undefined => {
    const d = database();
    if (!d) return undefined;
    try {
      const result = write(d);
      if (failure !== undefined) {
        logger.info(`question log ${file} is available again`, { file });
        failure = undefined;
      }
      return result;
    } catch (error) {
      fail(error);
      return undefined;
    }
  };

  const prune = (d: ReturnType<typeof openDatabase>): void => {
    const t = now();
    if (t - prunedAt < PRUNE_EVERY_MS) return;
    d.statements.prune.run(t - retentionDays * DAY_MS);
    prunedAt = t;
  };

  attempt(prune);

  return {
    recordQuestion(record) {
      return (
        attempt((d) => {
          const askedAt = now();
          d.db.transaction(() => {
            d.statements.insertQuestion.run({
              id: record.id,
              askedAt,
              platform: record.platform,
              via: record.via,
              question: record.question,
              outcome: record.outcome,
              docIds: JSON.stringify([...new Set(record.citations.map((c) => c.docId))]),
              latencyMs: record.latencyMs,
              asker: hashUser(d.key, record.platform, record.userId),
            });
            for (const c of record.citations) {
              d.statements.insertCitation.run({
                answerId: record.id,
                n: c.n,
                docId: c.docId,
                title: c.title,
                publisher: c.publisher ?? null,
                date: c.date ?? null,
                url: c.url ?? null,
                snippet: c.snippet,
              });
            }
          })();
          prune(d);
          return true;
        }) ?? false
      );
    },
    recordVote({ answerId, platform, userId, vote }) {
      const outcome = attempt((d): VoteOutcome => {
        const voter = hashUser(d.key, platform, userId);
        return d.db.transaction((): VoteOutcome => {
          if (!d.statements.findQuestion.get(answerId)) return 'unknown';
          const before = d.statements.findVote.get(answerId, voter) as { vote: string } | undefined;
          if (before?.vote === vote) return 'unchanged';
          d.statements.upsertVote.run(answerId, voter, vote, now());
          return before ? 'changed' : 'recorded';
        })();
      });
      return outcome ?? 'unavailable';
    },
    citationsOf(answerId) {
      const rows = attempt(
        (d) =>
          d.statements.citations.all(answerId) as {
            n: number;
            doc_id: string;
            title: string;
            publisher: string | null;
            date: string | null;
            url: string | null;
            snippet: string;
          }[],
      );
      if (!rows || rows.length === 0) return undefined;
      return rows.map((r) => ({
        n: r.n,
        docId: r.doc_id,
        title: r.title,
        snippet: r.snippet,
        ...(r.publisher === null ? {} : { publisher: r.publisher }),
        ...(r.date === null ? {} : { date: r.date }),
        ...(r.url === null ? {} : { url: r.url }),
      }));
    },
    status() {
      if (failure !== undefined) return { state: 'unavailable', file, error: failure };
      return { state: 'on', file };
    },
    close() {
      open?.db.close();
      open = undefined;
    },
  };
}

/**
 * The log when `QUESTION_LOG=off`: stores nothing; votes are acknowledged as not kept.
 *
 * @example
 * const log = config.QUESTION_LOG === 'off' ? disabledQuestionLog : openQuestionLog({ file, logger });
 */
export const disabledQuestionLog: QuestionLog = {
  recordQuestion: () => false,
  recordVote: () => 'off',
  citationsOf: () => undefined,
  status: () => ({ state: 'off' }),
  close() {},
};
