import { describe, expect, it } from 'vitest';
import type { SingleQuestion } from '../../src/eval/score.ts';
import { allBut, groupBySharedSpan, makeFolds } from '../../src/train/dataset.ts';

const questions: SingleQuestion[] = [
  { id: 'a', question: 'when does the ferry leave', answer_any: ['at 6 a.m.'] },
  { id: 'b', question: 'ferry departure time?', answer_any: ['At 6 A.M.', 'every day'] },
  { id: 'c', question: 'how often does it run', answer_any: ['every day'] },
  { id: 'd', question: 'who built the pier', answer_any: ['the Navy built'] },
  { id: 'e', question: 'what is the capital of Peru', answerable: false },
];

describe('groupBySharedSpan', () => {
  it('joins questions that share a span (case-insensitively), transitively', () => {
    const groups = groupBySharedSpan(questions).map((g) => g.map((i) => questions[i]?.id));
    expect(groups).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
  });
});

describe('makeFolds', () => {
  it('keeps each group in one fold and deals every question once', () => {
    const folds = makeFolds(questions, [], 2);
    expect(folds).toHaveLength(2);
    const ids = folds.map((f) => f.questions.map((q) => q.id).sort());
    expect(ids.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const withA = ids.find((f) => f.includes('a'));
    expect(withA).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });

  it('is the same for the same seed', () => {
    expect(makeFolds(questions, [], 3, 4)).toEqual(makeFolds(questions, [], 3, 4));
  });

  it('merges every fold but one', () => {
    const folds = makeFolds(questions, [], 2);
    expect(allBut(folds, 0).questions).toEqual(folds[1]?.questions);
  });
});
