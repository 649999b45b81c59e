import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkQuestionSet,
  normalizeForMatching,
  toSpanDocuments,
} from '../../src/eval/check-spans.ts';
import { CLUTTER_RULES } from '../../src/knowledge/clutter-rules.ts';
import { inspectKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { parseKnowledgeFile } from '../../src/knowledge/parse-document.ts';

const PIER = [
  '---',
  'title: Ferry crews stop work at the pier',
  '---',
  'Ferry crews stopped work at 5 a.m. Tuesday at Pier 9.',
  '',
  'The port authority’s “final offer” was a 6% raise over three years. Crews want 9%.',
  '',
  'Story continues',
].join('\n');
const TOLLS = ['---', 'title: Bridge tolls rise', '---', 'Tolls rise to $8 on Jan. 1.'].join('\n');
const documents = toSpanDocuments([
  parseKnowledgeFile('k/pier.md', PIER, CLUTTER_RULES),
  parseKnowledgeFile('k/tolls.md', TOLLS, CLUTTER_RULES),
]);

/** One answerable row as a JSONL line, with the fields a sound row has unless overridden. */
function row(fields: Record<string, unknown>): string {
  return JSON.stringify({
    id: 'q1',
    question: 'when did the crews stop',
    answer_any: ['at 5 a.m. Tuesday'],
    doc_any: ['pier'],
    kind: 'when',
    style: 'casual',
    ...fields,
  });
}

function problemsOf(...lines: string[]): string[] {
  return checkQuestionSet(lines.join('\n'), 'set.jsonl', documents).problems;
}

describe('normalizeForMatching', () => {
  it('straightens curly quotes, joins whitespace and no-break spaces, and lower-cases', () => {
    expect(normalizeForMatching(' The  port’s\u00a0“Final\toffer” ')).toBe(
      'the port\'s "final offer"',
    );
  });
});

describe('toSpanDocuments', () => {
  it('keeps kept lines as paragraphs and names the rule of each dropped line', () => {
    expect(documents.get('pier')).toEqual({
      paragraphs: [
        'ferry crews stopped work at 5 a.m. tuesday at pier 9.',
        'the port authority\'s "final offer" was a 6% raise over three years. crews want 9%.',
      ],
      dropped: [{ text: 'story continues', rule: 'continuation-marker' }],
    });
  });
});

describe('checkQuestionSet', () => {
  it('accepts a sound row, matching a straight-quoted span against curly quotes in any case', () => {
    expect(problemsOf(row({ answer_any: ['AUTHORITY\'S "final offer" was'] }))).toEqual([]);
  });

  it('accepts "a.m." and "Jan." inside a span as abbreviations, not sentence ends', () => {
    expect(
      problemsOf(
        row({ answer_any: ['at 5 a.m. Tuesday at Pier'] }),
        row({ id: 'q2', answer_any: ['$8 on Jan. 1'], doc_any: ['tolls'] }),
      ),
    ).toEqual([]);
  });

  it('counts rows by kind and style, unanswerable rows by kind, and conversation turns', () => {
    const conversation = JSON.stringify({
      id: 'c1',
      turns: [
        { question: 'what raise was offered', answer_any: ['a 6% raise'], doc_any: ['pier'] },
        { question: 'and tolls?', answer_any: ['Tolls rise to $8'], doc_any: ['tolls'] },
      ],
    });
    const off = JSON.stringify({
      id: 'n1',
      question: 'weather?',
      answerable: false,
      kind: 'offtopic',
    });
    const result = checkQuestionSet(
      [row({}), off, conversation].join('\n'),
      'set.jsonl',
      documents,
    );
    expect(result).toEqual({
      problems: [],
      counts: {
        answerable: 1,
        'style/casual': 1,
        'kind/when': 1,
        'casual/when': 1,
        unanswerable: 1,
        'unanswerable/offtopic': 1,
        conversations: 1,
        turns: 2,
      },
    });
  });

  it('reports a span that is in no paragraph of the listed documents', () => {
    expect(problemsOf(row({ answer_any: ['at 6 a.m. Tuesday'] }))).toEqual([
      'set.jsonl:1 (q1): span "at 6 a.m. Tuesday" is in no paragraph of pier',
      'set.jsonl:1 (q1): document "pier" holds none of the spans',
    ]);
  });

  it('reports a span that is in another document than the ones listed', () => {
    expect(problemsOf(row({ answer_any: ['Tolls rise to $8'] }))).toEqual([
      'set.jsonl:1 (q1): span "Tolls rise to $8" is in no paragraph of pier',
      'set.jsonl:1 (q1): document "pier" holds none of the spans',
    ]);
  });

  it('reports a span that runs across two paragraphs', () => {
    expect(problemsOf(row({ answer_any: ['Pier 9. The port authority'] }))).toEqual([
      'set.jsonl:1 (q1): span runs across a sentence end: "Pier 9. The port authority"',
      'set.jsonl:1 (q1): span "Pier 9. The port authority" is in no paragraph of pier',
      'set.jsonl:1 (q1): document "pier" holds none of the spans',
    ]);
  });

  it('reports a span that runs across a sentence end inside a paragraph', () => {
    expect(problemsOf(row({ answer_any: ['three years. Crews want'] }))).toEqual([
      'set.jsonl:1 (q1): span runs across a sentence end: "three years. Crews want"',
    ]);
  });

  it('reports spans of one word and of nine words', () => {
    expect(
      problemsOf(
        row({
          answer_any: ['Tuesday', 'Ferry crews stopped work at 5 a.m. Tuesday at'],
        }),
      ),
    ).toEqual([
      'set.jsonl:1 (q1): span has 1 words (want 2-8): "Tuesday"',
      'set.jsonl:1 (q1): span has 9 words (want 2-8): "Ferry crews stopped work at 5 a.m. Tuesday at"',
    ]);
  });

  it('reports a curly quote in a span even though the span matches', () => {
    expect(problemsOf(row({ answer_any: ['authority’s “final offer”'] }))).toEqual([
      'set.jsonl:1 (q1): curly quote or no-break space in span "authority’s “final offer”"',
    ]);
  });

  it('reports a listed document that holds none of the spans', () => {
    expect(problemsOf(row({ doc_any: ['pier', 'tolls'] }))).toEqual([
      'set.jsonl:1 (q1): document "tolls" holds none of the spans',
    ]);
  });

  it('reports a span found only in a line the clutter rules drop, naming the rule', () => {
    expect(problemsOf(row({ answer_any: ['Story continues'] }))).toEqual([
      'set.jsonl:1 (q1): span "Story continues" is only in a line the clutter rules drop (continuation-marker)',
      'set.jsonl:1 (q1): document "pier" holds none of the spans',
    ]);
  });

  it('reports unknown document ids, missing doc_any and empty answer_any', () => {
    expect(
      problemsOf(
        row({ doc_any: ['pier', 'docks'] }),
        row({ id: 'q2', doc_any: undefined }),
        row({ id: 'q3', answer_any: [] }),
      ),
    ).toEqual([
      'set.jsonl:1 (q1): unknown document id(s) "docks"',
      'set.jsonl:2 (q2): doc_any must be a non-empty list of document ids',
      'set.jsonl:3 (q3): answer_any must be a non-empty list of strings',
    ]);
  });

  it('reports bad ids, kinds, styles and questions', () => {
    expect(
      problemsOf(
        row({ kind: 'how', style: 'formal' }),
        row({ question: ' ' }),
        row({ id: undefined }),
      ),
    ).toEqual([
      'set.jsonl:1 (q1): kind must be one of number, who, when, where, why, what, yesno, list, quote',
      'set.jsonl:1 (q1): style must be one of casual, paraphrase, easy, hard',
      'set.jsonl:2 (q1): duplicate id',
      'set.jsonl:2 (q1): "question" must be a non-empty string',
      'set.jsonl:3 (no id): "id" must be a non-empty string',
    ]);
  });

  it('reports an unanswerable row with a span or an unknown kind', () => {
    expect(
      problemsOf(
        JSON.stringify({
          id: 'n1',
          question: 'q?',
          answerable: false,
          kind: 'near-miss',
          answer_any: ['x y'],
        }),
        JSON.stringify({ id: 'n2', question: 'q?', answerable: false, kind: 'silly' }),
      ),
    ).toEqual([
      'set.jsonl:1 (n1): an unanswerable row carries answer_any',
      'set.jsonl:2 (n2): unanswerable kind must be one of near-miss, offtopic, clutter',
    ]);
  });

  it('reports conversations with too few or too many turns, and bad turns', () => {
    const turn = { question: 'when', answer_any: ['at 5 a.m. Tuesday'], doc_any: ['pier'] };
    expect(
      problemsOf(
        JSON.stringify({ id: 'c1', turns: [turn] }),
        JSON.stringify({ id: 'c2', turns: [turn, turn, turn, turn] }),
        JSON.stringify({
          id: 'c3',
          turns: [turn, { question: '', answer_any: ['at 5 a.m. Tuesday'] }],
        }),
      ),
    ).toEqual([
      'set.jsonl:1 (c1): a conversation has 2-3 turns',
      'set.jsonl:2 (c2): a conversation has 2-3 turns',
      'set.jsonl:3 (c3) turn 2: "question" must be a non-empty string',
      'set.jsonl:3 (c3) turn 2: doc_any must be a non-empty list of document ids',
    ]);
  });

  it('reports lines that are not JSON objects and skips blank lines', () => {
    expect(problemsOf('{"id": "q1",', '', '[1, 2]')).toEqual([
      'set.jsonl:1: not valid JSON',
      'set.jsonl:3: a row must be a JSON object',
    ]);
  });
});

describe('the held-out question sets in test/eval', () => {
  async function check(file: string, dir: string) {
    const docs = toSpanDocuments(await inspectKnowledge(dir));
    return checkQuestionSet(await readFile(file, 'utf8'), file, docs);
  }

  it('unseen/questions.jsonl: every span is in a cited document, zero problems', async () => {
    const result = await check('test/eval/unseen/questions.jsonl', 'test/eval/unseen/knowledge');
    expect(result.problems).toEqual([]);
    expect([result.counts.answerable, result.counts.unanswerable]).toEqual([121, 30]);
  });

  it('unseen/conversations.jsonl: 15 threads, zero problems', async () => {
    const result = await check(
      'test/eval/unseen/conversations.jsonl',
      'test/eval/unseen/knowledge',
    );
    expect(result.problems).toEqual([]);
    expect([result.counts.conversations, result.counts.turns]).toEqual([15, 33]);
  });

  it('wiki/questions.jsonl: zero problems', async () => {
    const result = await check('test/eval/wiki/questions.jsonl', 'test/eval/wiki/knowledge');
    expect(result.problems).toEqual([]);
    expect([result.counts.answerable, result.counts.unanswerable]).toEqual([83, 36]);
  });
});

describe('npm run eval:check-spans', () => {
  const run = promisify(execFile);
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'check-spans-'));
    await writeFile(join(dir, 'pier.md'), PIER);
    await writeFile(join(dir, 'good.jsonl'), `${row({})}\n`);
    await writeFile(join(dir, 'bad.jsonl'), `${row({ answer_any: ['at 6 a.m. Tuesday'] })}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function checkSpans(args: string[]) {
    try {
      const { stdout, stderr } = await run('node_modules/.bin/tsx', [
        'src/cli/check-spans.ts',
        ...args,
      ]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('prints the totals and 0 problem(s) and exits 0 for a sound file', async () => {
    const good = join(dir, 'good.jsonl');
    expect(await checkSpans([good, '--knowledge', dir])).toEqual({
      code: 0,
      stdout: `${good}: answerable 1, casual/when 1, kind/when 1, style/casual 1\n0 problem(s)\n`,
      stderr: '',
    });
  });

  it('prints each problem and exits 1', async () => {
    const bad = join(dir, 'bad.jsonl');
    const { code, stdout } = await checkSpans(['--knowledge', dir, bad]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${bad}: answerable 1, casual/when 1, kind/when 1, style/casual 1\n` +
        `PROBLEM ${bad}:1 (q1): span "at 6 a.m. Tuesday" is in no paragraph of pier\n` +
        `PROBLEM ${bad}:1 (q1): document "pier" holds none of the spans\n` +
        '2 problem(s)\n',
    );
  });

  it('exits 2 with the usage when --knowledge or the file is missing', async () => {
    const { code, stdout, stderr } = await checkSpans([join(dir, 'good.jsonl')]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      'usage: npm run eval:check-spans -- FILE.jsonl [FILE.jsonl...] --knowledge DIR\n',
    );
  });
});
