import { describe, expect, it } from 'vitest';
import type { QuestionAnalysis } from '../../../src/core/question/analyze.ts';
import { FOLLOW_UP_FEATURES, followUpFeatures } from '../../../src/core/question/follow-up.ts';

function analysis(
  corrected: string,
  words: string[],
  type: QuestionAnalysis['type'] = 'other',
): QuestionAnalysis {
  return {
    normalized: corrected,
    corrected,
    type,
    numbers: [],
    concepts: words.map((w) => ({
      word: w,
      terms: [w],
      alternatives: [{ terms: [w], source: 'exact' }],
      carried: false,
      capitalized: false,
      head: false,
      typeNoun: false,
    })),
  };
}

describe('followUpFeatures', () => {
  const previous = analysis('how many ferries cross the bay', ['ferri', 'cross', 'bai'], 'number');

  it('names its features in model order', () => {
    expect(FOLLOW_UP_FEATURES).toEqual([
      'opener',
      'pointer',
      'full-question',
      'shortness',
      'shared-concepts',
      'untyped',
    ]);
  });

  it('marks an opener, no full question and a short, untyped fragment', () => {
    expect(followUpFeatures(analysis('and on sundays?', ['sundai']), previous)).toEqual([
      1, 0, 0, 0.8, 0, 1,
    ]);
  });

  it('marks a pointer back ("that") in a full question', () => {
    expect(followUpFeatures(analysis('who said that', ['said']), previous)).toEqual([
      0, 1, 1, 0.8, 0, 1,
    ]);
  });

  it('marks a fresh, full question sharing nothing', () => {
    expect(
      followUpFeatures(analysis('when did the museum open', ['museum', 'open'], 'date'), previous),
    ).toEqual([0, 0, 1, 0.6, 0, 0]);
  });

  it('counts the share of concepts the previous question also had', () => {
    expect(followUpFeatures(analysis('ferries at night?', ['ferri', 'night']), previous)[4]).toBe(
      0.5,
    );
  });
});
