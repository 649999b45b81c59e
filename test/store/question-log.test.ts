import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { readReport } from '../../src/report/build-report.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { openQuestionLog, type QuestionRecord } from '../../src/store/question-log.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';
import { documents } from '../adapters/slack/fixtures.ts';
import { createMemoryHarness } from '../fakes/memory-harness.ts';

const dirs: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'strikebot-log-'));
  dirs.push(dir);
  return dir;
}

const record = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id: 'a1',
  platform: 'discord',
  via: 'mention',
  question: 'when did the contract expire?',
  outcome: 'answer',
  citations: [
    {
      n: 1,
      docId: 'socal-strike',
      title: 'Strike',
      snippet: 'The union’s contract with Kaiser expired on September 30.',
    },
  ],
  latencyMs: 3.5,
  userId: '400000000000000001',
  ...over,
});

describe('openQuestionLog', () => {
  it('creates the file in WAL mode at the current schema version, and stores no raw user id', () => {
    const file = join(tempDir(), 'nested', 'strikebot.db');
    const log = openQuestionLog({ file, logger: createRecordingLogger(), now: () => 1_000 });
    expect(log.recordQuestion(record())).toBe(true);
    expect(
      log.recordVote({
        answerId: 'a1',
        platform: 'discord',
        userId: '400000000000000001',
        vote: 'helpful',
      }),
    ).toBe('recorded');
    log.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const row = db.prepare('SELECT * FROM questions').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      id: 'a1',
      asked_at: 1_000,
      platform: 'discord',
      via: 'mention',
      question: 'when did the contract expire?',
      outcome: 'answer',
      doc_ids: '["socal-strike"]',
      latency_ms: 3.5,
    });
    expect(row.asker).toMatch(/^[0-9a-f]{32}$/);
    const vote = db.prepare('SELECT voter FROM votes').get() as { voter: string };
    // The same person has the same hash for questions and votes; the id itself is nowhere.
    expect(vote.voter).toBe(row.asker);
    db.close();
    expect(readFileSync(file).includes('400000000000000001')).toBe(false);
    expect(readFileSync(`${file}-wal`).includes('400000000000000001')).toBe(false);
  });

  it('hashes with a key kept beside the database, so the same id hashes differently elsewhere', () => {
    const hashOf = (dir: string) => {
      const file = join(dir, 'strikebot.db');
      const log = openQuestionLog({ file, logger: createRecordingLogger() });
      log.recordQuestion(record());
      log.close();
      const db = new Database(file, { readonly: true });
      const { asker } = db.prepare('SELECT asker FROM questions').get() as { asker: string };
      db.close();
      return asker;
    };
    const dir = tempDir();
    const first = hashOf(dir);
    expect(readFileSync(join(dir, 'user-hash.key'))).toHaveLength(32);
    rmSync(join(dir, 'strikebot.db'));
    rmSync(join(dir, 'strikebot.db-wal'), { force: true });
    rmSync(join(dir, 'strikebot.db-shm'), { force: true });
    expect(hashOf(dir)).toBe(first);
    expect(hashOf(tempDir())).not.toBe(first);
  });

  it('deletes questions and their votes older than the retention period', () => {
    let now = 0;
    const file = join(tempDir(), 'strikebot.db');
    const day = 86_400_000;
    const log = openQuestionLog({
      file,
      logger: createRecordingLogger(),
      retentionDays: 90,
      now: () => now,
    });
    log.recordQuestion(record({ id: 'old' }));
    log.recordVote({ answerId: 'old', platform: 'discord', userId: 'u', vote: 'helpful' });
    now = 89 * day;
    log.recordQuestion(record({ id: 'recent' }));
    now = 91 * day;
    log.recordQuestion(record({ id: 'new' }));
    log.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id FROM questions ORDER BY asked_at').all()).toEqual([
      { id: 'recent' },
      { id: 'new' },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM votes').get()).toEqual({ n: 0 });
    db.close();
  });

  it('says a vote on an answer it never logged is unknown', () => {
    const log = openQuestionLog({ file: join(tempDir(), 's.db'), logger: createRecordingLogger() });
    expect(
      log.recordVote({ answerId: 'nope', platform: 'slack', userId: 'U1', vote: 'helpful' }),
    ).toBe('unknown');
    log.close();
  });

  it('refuses a database written by a newer strikebot, naming the file', () => {
    const file = join(tempDir(), 'strikebot.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const logger = createRecordingLogger();
    const log = openQuestionLog({ file, logger });
    expect(log.status()).toEqual({
      state: 'unavailable',
      file,
      error: `${file} has schema version ${SCHEMA_VERSION + 1}, newer than this strikebot's ${SCHEMA_VERSION}; upgrade strikebot or set DATA_DIR to another folder`,
    });
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });
});

/** A harness answering from the fixture documents, logging to `file` through `logger`. */
function answeringWith(file: string, logger = createRecordingLogger()) {
  const questionLog = openQuestionLog({ file, logger, busyTimeoutMs: 20 });
  cleanups.push(() => questionLog.close());
  const harness = createMemoryHarness({
    engine: () => createStrikebotEngine(documents),
    questionLog,
  });
  return { harness, logger, questionLog };
}

/** Asks three questions and checks each is answered with a cited snippet. */
async function expectAnswers(harness: ReturnType<typeof createMemoryHarness>): Promise<void> {
  for (const q of ['when did the contract expire?', 'how many workers struck?', 'why strike?']) {
    const [delivery] = await harness.say(q);
    expect(delivery?.reply.kind).toBe('answer');
  }
}

describe('a question log that cannot be written', () => {
  it('keeps answering with a corrupt file, logging one error that names it', async () => {
    const file = join(tempDir(), 'strikebot.db');
    writeFileSync(file, 'this is not a database, it is a shopping list\n'.repeat(200));
    const { harness, logger, questionLog } = answeringWith(file);
    await expectAnswers(harness);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        message: `question log ${file} is unavailable (SQLITE_NOTADB: file is not a database); still answering, without logging questions`,
        fields: { file },
      },
    ]);
    expect(questionLog.status()).toMatchObject({ state: 'unavailable', file });
    expect(() => readReport(file, undefined)).toThrow('file is not a database');
  });

  it('keeps answering while another process holds the write lock, and logs again once free', async () => {
    let now = 0;
    const file = join(tempDir(), 'strikebot.db');
    const logger = createRecordingLogger();
    const questionLog = openQuestionLog({
      file,
      logger,
      busyTimeoutMs: 20,
      now: () => now,
      retryAfterMs: 1000,
    });
    cleanups.push(() => questionLog.close());
    const harness = createMemoryHarness({
      engine: () => createStrikebotEngine(documents),
      questionLog,
    });
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    await expectAnswers(harness);
    expect(logger.lines.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      `question log ${file} is unavailable (SQLITE_BUSY: database is locked); still answering, without logging questions`,
    ]);
    expect(readReport(file, undefined).writeProblem).toBe('database is locked');
    other.exec('ROLLBACK');
    other.close();
    now = 2000;
    await harness.say('when did the contract expire?');
    expect(logger.lines.at(-1)).toEqual({
      level: 'info',
      message: `question log ${file} is available again`,
      fields: { file },
    });
    expect(readReport(file, undefined).report.questions).toBe(1);
  });

  it('keeps answering when the file is read-only (immutable even to root)', async () => {
    const dir = tempDir();
    const file = join(dir, 'strikebot.db');
    const first = openQuestionLog({ file, logger: createRecordingLogger() });
    first.recordQuestion(record());
    first.close();
    // chattr +i refuses writes even to root, as a read-only mount would.
    chmodSync(file, 0o444);
    execFileSync('chattr', ['+i', file]);
    cleanups.push(() => execFileSync('chattr', ['-i', file]));
    const { harness, logger } = answeringWith(file);
    await expectAnswers(harness);
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      new RegExp(
        `^question log ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is unavailable \\(SQLITE_(?:READONLY|CANTOPEN|IOERR)[A-Z_]*: .+\\); still answering, without logging questions$`,
      ),
    );
    const reading = readReport(file, undefined);
    expect(reading.report.questions).toBe(1);
    expect(reading.writeProblem).toBeDefined();
  });
});
