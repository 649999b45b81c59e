/**
 * A small seeded pseudo-random number generator (mulberry32), so generated corpora and question
 * sets are the same on every run and machine.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Creates a mulberry32 generator: 32 bits of state, period 2^32, good enough for sampling words.
 *
 * @example
 * const random = createRandom(42);
 * random() === createRandom(42)() // => true
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max], both included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * Samples items in proportion to their weights in O(log n) per draw (cumulative sums and a
 * binary search); with word counts as weights this gives a Zipf-like draw.
 */
export function createWeightedSampler<T>(
  items: readonly T[],
  weights: readonly number[],
): (random: Random) => T {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
