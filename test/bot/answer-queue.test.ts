import { describe, expect, it } from 'vitest';
import { createAnswerQueue } from '../../src/bot/answer-queue.ts';

describe('createAnswerQueue', () => {
  it('runs work first come, first served, and passes results and errors back', async () => {
    const queue = createAnswerQueue();
    const order: number[] = [];
    const results = await Promise.allSettled([
      queue.run(() => {
        order.push(1);
        return 'one';
      }),
      queue.run(() => {
        order.push(2);
        throw new Error('engine broke');
      }),
      queue.run(() => {
        order.push(3);
        return 'three';
      }),
    ]);
    expect(order).toEqual([1, 2, 3]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'one' },
      { status: 'rejected', reason: new Error('engine broke') },
      { status: 'fulfilled', value: 'three' },
    ]);
    expect(queue.waiting).toBe(0);
  });

  it('gives the event loop a turn once a slice is used up, so other work is not starved', async () => {
    let clock = 0;
    const queue = createAnswerQueue({ sliceMs: 8, now: () => clock });
    const events: string[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) =>
      queue.run(() => {
        clock += 5; // each answer "takes" 5 ms
        events.push(`job ${i}`);
      }),
    );
    // Queued after the first slice: runs before the later jobs, not after all of them.
    setImmediate(() => events.push('other work'));
    expect(queue.waiting).toBe(6);
    await Promise.all(jobs);
    expect(events).toEqual(['job 0', 'job 1', 'other work', 'job 2', 'job 3', 'job 4', 'job 5']);
  });

  it('runs at least one job per turn, however slow, and keeps going under steady load', async () => {
    let clock = 0;
    const queue = createAnswerQueue({ sliceMs: 1, now: () => clock });
    const done: number[] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < 3000; i++) {
      all.push(
        queue.run(() => {
          clock += 2;
          done.push(i);
        }),
      );
    }
    await Promise.all(all);
    expect(done).toEqual(Array.from({ length: 3000 }, (_, i) => i));
  });
});
