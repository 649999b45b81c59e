import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { evaluate, parseQuestionSet } from '../../src/eval/score.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { testModel } from '../fixtures/test-model.ts';

describe('parseQuestionSet', () => {
  it('names the file and line of a malformed entry', () => {
    expect(() =>
      parseQuestionSet('{"question":"a","answerable":false}\n{"question":1}', 'q.jsonl'),
    ).toThrow(
      'q.jsonl:2: needs "question" and either "answer_any" (strings) or "answerable": false, or "id" and "turns"',
    );
    expect(() => parseQuestionSet('\n{oops', 'q.jsonl')).toThrow('q.jsonl:2: not valid JSON');
  });

  it('reads questions and conversations', () => {
    const set = parseQuestionSet(
      '{"id":"c1","turns":[{"question":"a?","answer_any":["x y"]},{"question":"and b?","answer_any":["z w"]}]}',
      'c.jsonl',
    );
    expect(set).toEqual([
      {
        id: 'c1',
        turns: [
          { question: 'a?', answer_any: ['x y'] },
          { question: 'and b?', answer_any: ['z w'] },
        ],
      },
    ]);
  });
});

describe('evaluate', () => {
  const engine = createEngine(
    [
      {
        id: 'a',
        title: 'Orchard report',
        body: 'The orchard grew 3,100 apples this year. The harvest ended Oct. 2. Pears did poorly.',
      },
    ],
    { model: testModel },
  );

  it('scores hit@1, hit@3, MRR, abstention, outcomes and confident precision', () => {
    const report = evaluate(engine, [
      {
        id: 'q1',
        question: 'How many apples did the orchard grow?',
        answer_any: ['3,100 apples'],
        kind: 'number',
        style: 'easy',
      },
      {
        id: 'q2',
        question: 'When did the harvest end?',
        answer_any: ['Oct. 2'],
        kind: 'when',
        style: 'easy',
      },
      { id: 'q3', question: 'What is the capital of France?', answerable: false, kind: 'offtopic' },
    ]);
    expect(report).toMatchObject({
      n: 3,
      hit1: 1,
      hit3: 1,
      mrr: 1,
      abstain: 1,
      falseAbstain: 0,
      confidentPrecision: 1,
    });
    expect(report.questions.map((q) => [q.id, q.outcome, q.rank])).toEqual([
      ['q1', 'answer', 1],
      ['q2', 'answer', 1],
      ['q3', 'not-found', null],
    ]);
    expect(report.questions[0]).toMatchObject({ kind: 'number', style: 'easy', answerable: true });
  });

  it('asks each conversation turn after the earlier turns', () => {
    const report = evaluate(engine, [
      {
        id: 'c1',
        turns: [
          { question: 'How many apples did the orchard grow?', answer_any: ['3,100 apples'] },
          { question: 'and when did the harvest end?', answer_any: ['Oct. 2'] },
        ],
      },
    ]);
    expect(report.questions.map((q) => [q.id, q.style, q.rank])).toEqual([
      ['c1#1', 'first-turn', 1],
      ['c1#2', 'follow-up', 1],
    ]);
  });
});

// Regression floors for the trained engine on the older public sets (not used for fitting):
// measured hit@1 0.219, hit@3 0.969, MRR 0.891, abstain 1.0, confident precision 1.0 on
// questions.jsonl; hit@3 0.95, MRR 0.85, abstain 1.0 on extra-questions.jsonl. hit@1 is low
// because the engine answers with confidence only where it expects 90% of its answers to be right;
// the rest get "not sure" with the closest passages.
describe('the trained engine on the public question sets', () => {
  it('meets the floors on questions.jsonl', async () => {
    const engine = createStrikebotEngine(await loadKnowledge('knowledge'));
    const file = 'test/eval/questions.jsonl';
    const report = evaluate(engine, parseQuestionSet(readFileSync(file, 'utf8'), file));
    expect(report.hit1).toBeGreaterThanOrEqual(0.18);
    expect(report.hit3).toBeGreaterThanOrEqual(0.88);
    expect(report.mrr).toBeGreaterThanOrEqual(0.8);
    expect(report.abstain).toBeGreaterThanOrEqual(0.9);
    expect(report.confidentPrecision).toBeGreaterThanOrEqual(0.9);
  });

  it('meets the floors on extra-questions.jsonl', async () => {
    const engine = createStrikebotEngine(await loadKnowledge('knowledge'));
    const file = 'test/eval/extra-questions.jsonl';
    const report = evaluate(engine, parseQuestionSet(readFileSync(file, 'utf8'), file));
    expect(report.hit3).toBeGreaterThanOrEqual(0.9);
    expect(report.mrr).toBeGreaterThanOrEqual(0.8);
    expect(report.abstain).toBeGreaterThanOrEqual(0.85);
  });
});
