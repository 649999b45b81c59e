/** Tracks the work in progress so a shutdown can wait for it. */
export interface InFlight {
  /** True once {@link InFlight.stop} was called: new work is refused. */
  readonly stopping: boolean;
  /** Number of jobs running. */
  readonly size: number;
  /** Runs `work` and keeps it until it settles; its rejection is passed to `onError`, never thrown. */
  track(work: () => Promise<void>, onError: (error: unknown) => void): Promise<void>;
  /** Refuses new work from now on and resolves when every job started before has settled. */
  stop(): Promise<void>;
}

/**
 * Creates an {@link InFlight} tracker: graceful shutdown waits for the answers being written.
 *
 * @example
 * const jobs = createInFlight();
 * void jobs.track(() => answer(incoming), (error) => logger.error('failed', { error }));
 * process.once('SIGTERM', async () => { await jobs.stop(); process.exit(0); });
 */
export function createInFlight(): InFlight {
  const jobs = new Set<Promise<void>>();
  let stopping = false;
  return {
    get stopping() {
      return stopping;
    },
    get size() {
      return jobs.size;
    },
    track(work, onError) {
      const job = (async () => work())()
        .catch(onError)
        .finally(() => jobs.delete(job));
      jobs.add(job);
      return job;
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...jobs]);
    },
  };
}
