import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { rateLimitText } from '../../src/bot/wording.ts';

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('allows a burst, then one question per refill interval, naming the wait', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ burst: 3, perMinute: 6, now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('U1'))).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(limiter.take('U1')).toEqual({ ok: false, retryAfterMs: 10_000 });
    clock.advance(4_000);
    expect(limiter.take('U1')).toEqual({ ok: false, retryAfterMs: 6_000 });
    clock.advance(6_000);
    expect(limiter.take('U1')).toEqual({ ok: true });
    expect(limiter.take('U1')).toEqual({ ok: false, retryAfterMs: 10_000 });
  });

  it('keeps one bucket per user, so one user cannot starve another', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ burst: 2, perMinute: 1, now: clock.now });
    for (let i = 0; i < 50; i++) limiter.take('flooder');
    expect(limiter.take('flooder').ok).toBe(false);
    expect(limiter.take('someone-else')).toEqual({ ok: true });
    expect(limiter.take('someone-else')).toEqual({ ok: true });
  });

  it('refills no more than the burst, however long the user was away', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ burst: 2, perMinute: 60, now: clock.now });
    clock.advance(24 * 60 * 60 * 1000);
    expect([1, 2, 3].map(() => limiter.take('U1').ok)).toEqual([true, true, false]);
  });

  it('forgets the least recently seen user beyond maxUsers (bounded memory)', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ burst: 1, perMinute: 1, maxUsers: 2, now: clock.now });
    limiter.take('A');
    limiter.take('B');
    limiter.take('C'); // pushes A out
    expect(limiter.take('A')).toEqual({ ok: true });
    expect(limiter.take('C').ok).toBe(false);
  });

  it('never allows more than burst + elapsed refills, for any sequence of requests', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 200 }),
        (burst, perMinute, gaps) => {
          const clock = fakeClock();
          const limiter = createRateLimiter({ burst, perMinute, now: clock.now });
          let allowed = 0;
          for (const gap of gaps) {
            clock.advance(gap);
            const decision = limiter.take('U');
            if (decision.ok) allowed += 1;
            else expect(decision.retryAfterMs).toBeGreaterThan(0);
          }
          const elapsed = gaps.reduce((a, b) => a + b, 0);
          expect(allowed).toBeLessThanOrEqual(burst + Math.floor((elapsed * perMinute) / 60_000));
        },
      ),
    );
  });
});

describe('rateLimitText', () => {
  it('rounds the wait up to whole seconds, at least one', () => {
    expect(rateLimitText(12_300)).toBe('You are asking quickly; please try again in 13 seconds.');
    expect(rateLimitText(1)).toBe('You are asking quickly; please try again in 1 second.');
    expect(rateLimitText(0)).toBe('You are asking quickly; please try again in 1 second.');
  });
});
