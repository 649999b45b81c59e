import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/report/build-report.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { openQuestionLog, type QuestionRecord } from '../../src/store/question-log.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'strikebot-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-20T09:00:00Z');

/** A log with questions over ten days on all three platforms, and votes on two answers. */
function fillLog(file: string): void {
  let now = T0;
  const log = openQuestionLog({ file, logger: createRecordingLogger(), now: () => now });
  const cite = (docId: string) => [{ n: 1, docId, title: docId, snippet: `from ${docId}` }];
  const ask = (at: number, over: Partial<QuestionRecord>) => {
    now = at;
    log.recordQuestion({
      id: `q${at}`,
      platform: 'slack',
      via: 'mention',
      question: 'q',
      outcome: 'answer',
      citations: [],
      latencyMs: 1,
      userId: 'U1',
      ...over,
    });
    return `q${at}`;
  };
  ask(T0, { question: 'old question about parking', outcome: 'not-found' });
  const a = ask(T0 + 8 * DAY, {
    question: 'when did it end?',
    citations: cite('doc-a'),
    platform: 'discord',
  });
  ask(T0 + 8 * DAY + 1, { question: 'how many nurses resigned?', outcome: 'not-found' });
  ask(T0 + 8 * DAY + 2, {
    question: 'How many nurses resigned',
    outcome: 'unsure',
    citations: cite('doc-b'),
  });
  ask(T0 + 9 * DAY, {
    question: 'is there parking at the picket?',
    outcome: 'not-found',
    platform: 'console',
  });
  ask(T0 + 9 * DAY + 1, { question: '', outcome: 'refused' });
  const b = ask(T0 + 9 * DAY + 2, {
    question: 'When did it end',
    citations: cite('doc-c'),
    platform: 'discord',
  });
  const c = ask(T0 + 9 * DAY + 3, { question: 'who leads the union?', citations: cite('doc-d') });
  now = T0 + 9 * DAY + 10;
  log.recordVote({ answerId: a, platform: 'discord', userId: 'D1', vote: 'not-helpful' });
  log.recordVote({ answerId: b, platform: 'discord', userId: 'D2', vote: 'not-helpful' });
  log.recordVote({ answerId: b, platform: 'discord', userId: 'D2', vote: 'not-helpful' });
  log.recordVote({ answerId: c, platform: 'slack', userId: 'U2', vote: 'helpful' });
  log.close();
}

describe('readReport', () => {
  const file = join(dir, 'strikebot.db');
  fillLog(file);
  const since = T0 + 7 * DAY;

  it('counts the period by outcome, platform and vote, and groups rewordings', () => {
    expect(readReport(file, since)).toEqual({
      report: {
        since: '2026-11-27T09:00:00.000Z',
        questions: 7,
        byOutcome: { answer: 3, unsure: 1, 'not-found': 2, refused: 1 },
        byPlatform: { discord: 2, slack: 4, console: 1 },
        votes: { helpful: 1, notHelpful: 2 },
        unanswered: [
          { question: 'How many nurses resigned', count: 2, lastAsked: '2026-11-28T09:00:00.002Z' },
          {
            question: 'is there parking at the picket?',
            count: 1,
            lastAsked: '2026-11-29T09:00:00.000Z',
          },
        ],
        notHelpful: [{ question: 'When did it end', count: 2, docIds: ['doc-a', 'doc-c'] }],
      },
    });
  });

  it('reads the whole log without a period', () => {
    const { report } = readReport(file, undefined);
    expect(report.since).toBeNull();
    expect(report.questions).toBe(8);
    expect(report.unanswered.map((u) => u.question)).toEqual([
      'How many nurses resigned',
      'is there parking at the picket?',
      'old question about parking',
    ]);
  });

  it('is empty when nothing was logged yet', () => {
    expect(readReport(join(dir, 'none.db'), undefined).report.questions).toBe(0);
  });

  it('prints for a person', () => {
    const { report } = readReport(file, since);
    expect(formatReport(report, file)).toBe(
      [
        `Question log ${file}, since 2026-11-27 09:00 UTC`,
        '7 questions: 3 answered, 1 closest passages only (unsure), 2 not found, 1 refused',
        'By platform: discord 2, slack 4, console 1',
        'Votes: 1 helpful, 2 not helpful',
        '',
        'Unanswered and unsure questions (rewordings counted together), most asked first:',
        '  2×  How many nurses resigned  (last asked 2026-11-28 09:00 UTC)',
        '  1×  is there parking at the picket?  (last asked 2026-11-29 09:00 UTC)',
        '',
        'Answers voted Not helpful, most votes first:',
        '  2×  When did it end  (cited: doc-a, doc-c)',
        '',
      ].join('\n'),
    );
  });
});
