import { describe, expect, it } from 'vitest';
import { groupRewordings } from '../../src/report/group-rewordings.ts';

describe('groupRewordings', () => {
  it('counts rewordings of one question together, shown by the most asked wording', () => {
    const groups = groupRewordings([
      { question: 'How many nurses resigned?', count: 1, lastAsked: 30 },
      { question: 'how many nurses resigned', count: 2, lastAsked: 10 },
      { question: 'HOW MANY NURSES RESIGNING??', count: 1, lastAsked: 20 },
      { question: 'where is the picket line?', count: 1, lastAsked: 40 },
    ]);
    expect(groups).toEqual([
      {
        question: 'how many nurses resigned',
        count: 4,
        lastAsked: 30,
        wordings: [
          'how many nurses resigned',
          'How many nurses resigned?',
          'HOW MANY NURSES RESIGNING??',
        ],
      },
      {
        question: 'where is the picket line?',
        count: 1,
        lastAsked: 40,
        wordings: ['where is the picket line?'],
      },
    ]);
  });

  it('keeps apart questions that share a word but ask different things', () => {
    const groups = groupRewordings([
      { question: 'when did the strike start?', count: 1, lastAsked: 1 },
      { question: 'why did the strike happen?', count: 1, lastAsked: 2 },
      { question: 'how long was the strike?', count: 1, lastAsked: 3 },
    ]);
    expect(groups.map((g) => g.count)).toEqual([1, 1, 1]);
  });

  it('orders groups by count, then by the latest time asked', () => {
    const groups = groupRewordings([
      { question: 'parking near the hospital', count: 1, lastAsked: 5 },
      { question: 'cafeteria opening hours', count: 1, lastAsked: 9 },
      { question: 'visiting rules for children', count: 3, lastAsked: 1 },
    ]);
    expect(groups.map((g) => g.question)).toEqual([
      'visiting rules for children',
      'cafeteria opening hours',
      'parking near the hospital',
    ]);
  });
});
