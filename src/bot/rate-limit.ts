import { LRUCache } from 'lru-cache';

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Questions a user may ask at once before waiting (bucket size). Default 5. */
  burst: number;
  /** Questions refilled per minute, spread evenly (one every `60,000 / perMinute` ms). Default 10. */
  perMinute: number;
  /** Most users remembered; the least recently seen is forgotten (and starts full again). Default 10,000. */
  maxUsers: number;
  /** Clock in milliseconds; tests pass a fake one. Default `performance.now`. */
  now: () => number;
}

/** Defaults for {@link RateLimiterOptions}. */
const defaultRateLimiterOptions: RateLimiterOptions = {
  burst: 5,
  perMinute: 10,
  maxUsers: 10_000,
  now: () => performance.now(),
};

/** What {@link RateLimiter.take} decides. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** A per-user token bucket. */
export interface RateLimiter {
  /** Takes one token from `userId`'s bucket; when empty, says how long until the next token. */
  take(userId: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Creates a per-user token bucket: each user may ask `burst` questions at once, then one more
 * every `60,000 / perMinute` ms. Buckets live in an LRU, so memory stays bounded however many
 * users ask; a forgotten user simply starts with a full bucket. Each user has their own bucket,
 * so one user cannot starve the others.
 *
 * @example
 * const limiter = createRateLimiter({ burst: 5, perMinute: 10 });
 * const decision = limiter.take(userId);
 * if (!decision.ok) reply(rateLimitText(decision.retryAfterMs)); // from wording.ts
 */
export function createRateLimiter(options: Partial<RateLimiterOptions> = {}): RateLimiter {
  const { burst, perMinute, maxUsers, now } = { ...defaultRateLimiterOptions, ...options };
  const msPerToken = 60_000 / perMinute;
  const buckets = new LRUCache<string, Bucket>({ max: maxUsers });
  return {
    take(userId) {
      const t = now();
      const bucket = buckets.get(userId) ?? { tokens: burst, at: t };
      const tokens = Math.min(burst, bucket.tokens + Math.max(0, t - bucket.at) / msPerToken);
      if (tokens >= 1) {
        buckets.set(userId, { tokens: tokens - 1, at: t });
        return { ok: true };
      }
      buckets.set(userId, { tokens, at: t });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) * msPerToken) };
    },
  };
}
