/** Small measuring helpers for the benchmark: percentiles, timers, memory. */

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Rounds to a given number of decimals (3 by default) so JSON stays readable. */
export function round(value: number, decimals = 3): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * Nearest-rank percentiles of a list of durations (ms); zeros for an empty list.
 *
 * @example
 * percentiles([1, 2, 3, 4]).p50 // => 2
 */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)) };
}

/** Runs `fn` once and returns its result with the milliseconds it took. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/**
 * Runs `fn` on every item `repeats` times (in rounds over the whole list) and returns each item's
 * median duration in milliseconds: on a shared machine one descheduled call then does not count
 * as that item's latency, while an item that is always slow still does.
 */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, repeats = 3): number[] {
  const runs: number[][] = items.map(() => []);
  for (let round = 0; round < repeats; round++) {
    items.forEach((item, i) => {
      const start = performance.now();
      fn(item);
      runs[i]?.push(performance.now() - start);
    });
  }
  return runs.map(median);
}

/** The middle value (the lower middle of an even count); 0 for none. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Collects garbage when the process runs with `--expose-gc`, so memory figures are live data. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Megabytes, one decimal. */
export function megabytes(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}
