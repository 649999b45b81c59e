import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRuns } from '../../src/bot/pack-runs.ts';

const length = (text: string) => text.length;

describe('packRuns', () => {
  it('fills each run up to the limit, separators counted', () => {
    expect(
      packRuns(['aaa', 'bb', 'cccc', 'd'], { size: length, maxSize: 6, separator: 1 }),
    ).toEqual([
      ['aaa', 'bb'],
      ['cccc', 'd'],
    ]);
  });

  it('gives an item too big for any run a run of its own', () => {
    expect(packRuns(['ab', 'toolong', 'c'], { size: length, maxSize: 3 })).toEqual([
      ['ab'],
      ['toolong'],
      ['c'],
    ]);
  });

  it('stops a run at the most items allowed', () => {
    expect(packRuns([1, 2, 3, 4, 5], { size: () => 1, maxSize: 100, maxItems: 2 })).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ]);
  });

  it('returns no runs for no items', () => {
    expect(packRuns([], { size: length, maxSize: 10 })).toEqual([]);
  });

  it('keeps every item once, in order, and every run of two or more within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 })),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 2 }),
        (items, maxSize, separator) => {
          const runs = packRuns(items, { size: length, maxSize, separator });
          expect(runs.flat()).toEqual(items);
          for (const run of runs) {
            expect(run.length).toBeGreaterThan(0);
            const total = run.reduce((sum, item) => sum + item.length, 0);
            if (run.length > 1)
              expect(total + separator * (run.length - 1)).toBeLessThanOrEqual(maxSize);
          }
        },
      ),
    );
  });
});
