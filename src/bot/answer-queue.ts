/**
 * The queue every adapter answers through. The engine is synchronous, and a burst of questions
 * answered back to back would hold the event loop for as long as they all take; while it is held,
 * nothing else happens: no acknowledgement is written, and Node accepts only one new connection
 * per event-loop turn, so under load new requests wait in the kernel's accept queue for seconds
 * (measured: 300 of 2,000 Slack commands acknowledged after 3 s, some after 20 s). The queue runs
 * answers first come, first served, in slices of a few milliseconds, and gives the event loop a
 * turn between slices.
 */

/** Options for {@link createAnswerQueue}. */
export interface AnswerQueueOptions {
  /** Longest run of queued work (ms) before the event loop gets a turn. Default 8. */
  sliceMs: number;
  /** Clock in milliseconds. Default `performance.now`. */
  now: () => number;
}

/** Defaults for {@link AnswerQueueOptions}. */
const defaultAnswerQueueOptions: AnswerQueueOptions = {
  sliceMs: 8,
  now: () => performance.now(),
};

/** A first-come, first-served queue of synchronous work run in time slices. */
export interface AnswerQueue {
  /** Runs `work` when its turn comes; resolves with its result or rejects with what it threw. */
  run<T>(work: () => T): Promise<T>;
  /** Jobs waiting for their turn. */
  readonly waiting: number;
}

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Creates an {@link AnswerQueue}.
 *
 * @example
 * const queue = createAnswerQueue();
 * const answer = await queue.run(() => engine.answer(question));
 */
export function createAnswerQueue(options: Partial<AnswerQueueOptions> = {}): AnswerQueue {
  const { sliceMs, now } = { ...defaultAnswerQueueOptions, ...options };
  const jobs: Job[] = [];
  let head = 0;
  let scheduled = false;

  const drain = (): void => {
    const started = now();
    // At least one job per turn, however slow, so the queue always moves.
    do {
      const job = jobs[head] as Job;
      jobs[head++] = undefined as unknown as Job;
      try {
        job.resolve(job.work());
      } catch (error) {
        job.reject(error);
      }
    } while (head < jobs.length && now() - started < sliceMs);
    if (head < jobs.length) {
      // Under steady load the queue may never empty; drop the finished slots now and then.
      if (head > 1024 && head * 2 > jobs.length) {
        jobs.splice(0, head);
        head = 0;
      }
      setImmediate(drain);
      return;
    }
    jobs.length = 0;
    head = 0;
    scheduled = false;
  };

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      });
    },
    get waiting() {
      return jobs.length - head;
    },
  };
}
