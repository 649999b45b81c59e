/**
 * The maintainer's report from the question log: questions by outcome and platform over a
 * period, the unanswered and unsure questions with rewordings counted together, and the answers
 * voted Not helpful with their cited documents.
 */
import { existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Outcome } from '../bot/reply.ts';
import { type Asked, groupRewordings } from './group-rewordings.ts';

/** The report, exactly as `npm run report -- --json` prints it. */
export interface Report {
  /** Start of the period (ISO time), or null for everything in the log. */
  since: string | null;
  /** Questions asked in the period. */
  questions: number;
  byOutcome: Record<Outcome, number>;
  /** Questions per platform (`discord`, `slack`, `console`). */
  byPlatform: Record<string, number>;
  /** Votes cast in the period. */
  votes: { helpful: number; notHelpful: number };
  /** Questions not found or answered only with the closest passages, rewordings together, most asked first. */
  unanswered: { question: string; count: number; lastAsked: string }[];
  /** Answers voted Not helpful: the question (rewordings together), the votes and the cited documents. */
  notHelpful: { question: string; count: number; docIds: string[] }[];
}

/** What reading the log found, besides the report. */
export interface ReportReading {
  report: Report;
  /** Why the bot may not be able to write the log now (locked, read-only, disk full), if so. */
  writeProblem?: string;
}

/** Platforms always listed, even with no questions. */
const PLATFORMS = ['discord', 'slack', 'console'] as const;

/** Below this much free space on the log's disk, the report warns that writes may fail. */
const LOW_DISK_BYTES = 1024 * 1024;

/** An empty report for `since`. */
function emptyReport(since: number | undefined): Report {
  return {
    since: since === undefined ? null : new Date(since).toISOString(),
    questions: 0,
    byOutcome: { answer: 0, unsure: 0, 'not-found': 0, refused: 0 },
    byPlatform: Object.fromEntries(PLATFORMS.map((p) => [p, 0])),
    votes: { helpful: 0, notHelpful: 0 },
    unanswered: [],
    notHelpful: [],
  };
}

/** Thrown to roll the write probe back. */
class RollBack extends Error {}

/** Whether the bot could write the log now: a write lock, and room on the disk. */
function probeWrites(db: Database.Database, file: string): string | undefined {
  try {
    // A write that is rolled back: it takes the write lock and finds a read-only file, then
    // leaves nothing behind.
    db.transaction(() => {
      db.prepare(
        `INSERT INTO questions (id, asked_at, platform, via, question, outcome, doc_ids, latency_ms, asker)
         VALUES ('write-probe', 0, 'probe', 'probe', '', 'refused', '[]', 0, '')`,
      ).run();
      throw new RollBack();
    }).immediate();
  } catch (error) {
    if (!(error instanceof RollBack)) return (error as Error).message;
  }
  try {
    const { bavail, bsize } = statfsSync(dirname(file));
    if (bavail * bsize < LOW_DISK_BYTES) return 'database or disk is full';
  } catch {
    // statfs is a courtesy check; the write probe above is the real one.
  }
  return undefined;
}

/**
 * Reads the report for the questions asked since `since` (ms since the epoch; undefined for the
 * whole log) from the log in `file`. A missing file is an empty report. Throws the driver's error
 * when the file cannot be read (corrupt, locked for reading, not a database); says in
 * `writeProblem` when it can be read but not written.
 *
 * @example
 * const { report } = readReport('.data/strikebot.db', Date.now() - 7 * 86_400_000);
 */
export function readReport(file: string, since: number | undefined): ReportReading {
  if (!existsSync(file)) return { report: emptyReport(since) };
  let db: Database.Database;
  let writeProblem: string | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 1000 });
    writeProblem = probeWrites(db, file);
  } catch (error) {
    // A read-only file or folder: read what is there, and say the bot cannot write it.
    db = new Database(file, { fileMustExist: true, readonly: true, timeout: 1000 });
    writeProblem = (error as Error).message;
  }
  try {
    if (db.pragma('user_version', { simple: true }) === 0) {
      const why = writeProblem ? `; ${writeProblem}` : '';
      throw new Error(`${file} holds no question log yet (it was never written${why})`);
    }
    return { report: queryReport(db, since), ...(writeProblem ? { writeProblem } : {}) };
  } finally {
    db.close();
  }
}

function queryReport(db: Database.Database, since: number | undefined): Report {
  const from = since ?? Number.MIN_SAFE_INTEGER;
  const report = emptyReport(since);
  const counts = db
    .prepare(
      'SELECT outcome, platform, COUNT(*) AS n FROM questions WHERE asked_at >= ? GROUP BY outcome, platform',
    )
    .all(from) as { outcome: Outcome; platform: string; n: number }[];
  for (const { outcome, platform, n } of counts) {
    report.questions += n;
    report.byOutcome[outcome] = (report.byOutcome[outcome] ?? 0) + n;
    report.byPlatform[platform] = (report.byPlatform[platform] ?? 0) + n;
  }
  const votes = db
    .prepare('SELECT vote, COUNT(*) AS n FROM votes WHERE voted_at >= ? GROUP BY vote')
    .all(from) as { vote: 'helpful' | 'not-helpful'; n: number }[];
  for (const { vote, n } of votes) {
    if (vote === 'helpful') report.votes.helpful = n;
    else report.votes.notHelpful = n;
  }

  const unanswered = db
    .prepare(
      `SELECT question, COUNT(*) AS count, MAX(asked_at) AS lastAsked FROM questions
       WHERE asked_at >= ? AND outcome IN ('not-found', 'unsure') GROUP BY question`,
    )
    .all(from) as Asked[];
  report.unanswered = groupRewordings(unanswered).map((g) => ({
    question: g.question,
    count: g.count,
    lastAsked: new Date(g.lastAsked).toISOString(),
  }));

  const voted = db
    .prepare(
      `SELECT q.question AS question, COUNT(*) AS count, MAX(v.voted_at) AS lastAsked,
              json_group_array(q.doc_ids) AS docLists
       FROM votes v JOIN questions q ON q.id = v.answer_id
       WHERE v.vote = 'not-helpful' AND v.voted_at >= ? GROUP BY q.question`,
    )
    .all(from) as (Asked & { docLists: string })[];
  const docsOf = new Map(
    voted.map((v) => [
      v.question,
      (JSON.parse(v.docLists) as string[]).flatMap((list) => JSON.parse(list) as string[]),
    ]),
  );
  report.notHelpful = groupRewordings(voted).map((g) => {
    const docs = g.wordings.flatMap((w) => docsOf.get(w) ?? []);
    const tally = new Map<string, number>();
    for (const d of docs) tally.set(d, (tally.get(d) ?? 0) + 1);
    const docIds = [...tally.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([d]) => d);
    return { question: g.question, count: g.count, docIds };
  });
  return report;
}
