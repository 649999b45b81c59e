import { LRUCache } from 'lru-cache';

/** Options for {@link createDedupe}. */
export interface DedupeOptions {
  /**
   * Keys remembered at once; the least recently seen is forgotten first. Platforms re-deliver
   * within minutes (Slack retries three times over about five minutes; a resumed Discord gateway
   * session replays what it missed), so 10,000 covers far more than any burst. Default 10,000.
   */
  max: number;
  /** How long a key is remembered. Default one hour, well past Slack's last retry. */
  ttlMs: number;
  /** Clock in milliseconds. Default `performance.now`. */
  now: () => number;
}

/** Defaults for {@link DedupeOptions}. */
const defaultDedupeOptions: DedupeOptions = {
  max: 10_000,
  ttlMs: 60 * 60 * 1000,
  now: () => performance.now(),
};

/** Remembers the deliveries already handled. */
export interface Dedupe {
  /** True the first time any of `keys` is seen; false when one of them was seen before. */
  firstTime(keys: readonly string[]): boolean;
}

/**
 * Creates a bounded, expiring memory of handled deliveries, so a platform's retry or
 * re-delivery of the same event is answered once.
 *
 * @example
 * const dedupe = createDedupe();
 * if (!dedupe.firstTime([`slack:${eventId}`, `slack:${channel}:${ts}`])) return;
 */
export function createDedupe(options: Partial<DedupeOptions> = {}): Dedupe {
  const { max, ttlMs, now } = { ...defaultDedupeOptions, ...options };
  const seen = new LRUCache<string, true>({ max, ttl: ttlMs, perf: { now } });
  return {
    firstTime(keys) {
      if (keys.some((k) => seen.has(k))) return false;
      for (const k of keys) seen.set(k, true);
      return true;
    },
  };
}
