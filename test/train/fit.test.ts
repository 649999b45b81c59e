import { describe, expect, it } from 'vitest';
import { fitLogistic, fitRanker } from '../../src/train/fit.ts';

describe('fitRanker', () => {
  // Two features: the first marks the answer, the second is noise that favours a wrong sentence.
  const groups = [
    {
      vectors: [
        [1, 0],
        [0, 1],
        [0, 0],
      ],
      positive: [true, false, false],
    },
    {
      vectors: [
        [0, 1],
        [1, 1],
        [0, 0],
      ],
      positive: [false, true, false],
    },
    {
      vectors: [
        [0, 0],
        [1, 0],
      ],
      positive: [false, true],
    },
  ];

  it('weighs the feature that marks answers above the noise', () => {
    const fitted = fitRanker(groups);
    expect(fitted.weights).toHaveLength(2);
    expect(fitted.weights[0]).toBeGreaterThan(1);
    expect(fitted.weights[0] as number).toBeGreaterThan(fitted.weights[1] as number);
    expect(fitted.bias).toBe(0);
  });

  it('gives the same weights on the same data (deterministic)', () => {
    expect(fitRanker(groups)).toEqual(fitRanker(groups));
  });

  it('skips questions without an answer among their candidates', () => {
    const withEmpty = [...groups, { vectors: [[5, 5]], positive: [false] }];
    expect(fitRanker(withEmpty)).toEqual(fitRanker(groups));
  });
});

describe('fitLogistic', () => {
  it('fits a probability that rises with the telling feature', () => {
    const examples = [
      { vector: [0.1], label: false },
      { vector: [0.2], label: false },
      { vector: [0.4], label: false },
      { vector: [0.6], label: true },
      { vector: [0.8], label: true },
      { vector: [0.9], label: true },
    ];
    const { weights, bias } = fitLogistic(examples);
    const p = (x: number) => 1 / (1 + Math.exp(-((weights[0] as number) * x + bias)));
    expect(p(0.1)).toBeLessThan(0.25);
    expect(p(0.9)).toBeGreaterThan(0.75);
    expect(p(0.5)).toBeGreaterThan(0.3);
    expect(p(0.5)).toBeLessThan(0.7);
  });

  it('counts weighted examples by their weight', () => {
    const light = fitLogistic([
      { vector: [1], label: true, weight: 1 },
      { vector: [1], label: false, weight: 3 },
    ]);
    // Three times the weight on "no": the fitted probability at x = 1 is about a quarter.
    const p = 1 / (1 + Math.exp(-((light.weights[0] as number) * 1 + light.bias)));
    expect(p).toBeCloseTo(0.25, 1);
  });
});
