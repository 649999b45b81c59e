import { describe, expect, it } from 'vitest';
import { thresholdForPrecision, thresholdForRecall } from '../../src/train/train-model.ts';

describe('thresholdForPrecision', () => {
  const scored = [
    { p: 0.95, right: true },
    { p: 0.9, right: true },
    { p: 0.8, right: false },
    { p: 0.7, right: true },
    { p: 0.6, right: true },
    { p: 0.5, right: false },
  ];

  it('is the lowest cut whose answers above it are right often enough', () => {
    expect(thresholdForPrecision(scored, 0.8)).toBe(0.6); // 4 of 5 right
    expect(thresholdForPrecision(scored, 0.9)).toBe(0.9); // 2 of 2 right
    expect(thresholdForPrecision(scored, 1)).toBe(0.9);
  });

  it('never cuts between equal probabilities', () => {
    expect(
      thresholdForPrecision(
        [
          { p: 0.8, right: true },
          { p: 0.8, right: false },
        ],
        0.9,
      ),
    ).toBe(1);
  });
});

describe('thresholdForRecall', () => {
  it('keeps the wanted share at or above it', () => {
    expect(thresholdForRecall([0.9, 0.8, 0.7, 0.2], 0.75)).toBe(0.7);
    expect(thresholdForRecall([0.9, 0.8, 0.7, 0.2], 1)).toBe(0.2);
    expect(thresholdForRecall([], 0.9)).toBe(0);
  });
});
