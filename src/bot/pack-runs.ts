/**
 * Packs a list into consecutive runs that each fit a size limit: the shared step behind paging
 * `/sources` within a platform's message limits (Discord's embed description, Slack's section
 * text and blocks per message).
 */

/** The limits of one run for {@link packRuns}. */
export interface RunLimits<T> {
  /** Size of one item (characters, for text). */
  size: (item: T) => number;
  /** Largest total size of a run, separators included. */
  maxSize: number;
  /** Size added between two items of a run (1 for a line break). Default 0. */
  separator?: number;
  /** Most items in a run. Default: no limit. */
  maxItems?: number;
}

/**
 * Splits `items`, in order, into runs whose sizes (plus separators) stay within `maxSize` and
 * whose lengths stay within `maxItems`. An item too big for any run gets a run of its own: the
 * caller cuts items to fit first.
 *
 * @example
 * packRuns(['aaa', 'bb', 'cccc'], { size: (s) => s.length, maxSize: 6, separator: 1 });
 * // [['aaa', 'bb'], ['cccc']]
 */
export function packRuns<T>(items: readonly T[], limits: RunLimits<T>): T[][] {
  const { size, maxSize, separator = 0, maxItems = Number.POSITIVE_INFINITY } = limits;
  const runs: T[][] = [];
  let run: T[] = [];
  let used = 0;
  for (const item of items) {
    const added = size(item) + (run.length > 0 ? separator : 0);
    if (run.length > 0 && (used + added > maxSize || run.length >= maxItems)) {
      runs.push(run);
      run = [];
      used = 0;
    }
    used += run.length > 0 ? added : size(item);
    run.push(item);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
