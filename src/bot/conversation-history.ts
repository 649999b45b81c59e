import { LRUCache } from 'lru-cache';

/** Options for {@link createConversationStore}. */
export interface ConversationStoreOptions {
  /** Most threads remembered at once; the least recently used is forgotten first. Default 1,000. */
  maxThreads: number;
  /** A thread untouched for this long is forgotten. Default 6 hours. */
  ttlMs: number;
  /** Earlier questions kept per thread (oldest dropped first). Default 5. */
  maxQuestions: number;
  /** Clock in milliseconds; tests pass a fake one. Default `performance.now`. */
  now: () => number;
}

const defaultOptions: ConversationStoreOptions = {
  maxThreads: 1000,
  ttlMs: 6 * 60 * 60 * 1000,
  maxQuestions: 5,
  now: () => performance.now(),
};

/** Earlier questions of the threads the bot takes part in, keyed by thread id. */
export interface ConversationStore {
  /** True when the bot has answered in this thread (and has not forgotten it). */
  has(threadId: string): boolean;
  /** Earlier questions of the thread, oldest first (empty when unknown). */
  history(threadId: string): string[];
  /** Records a question asked in the thread, starting the thread if it is new. */
  record(threadId: string, question: string): void;
  /** Number of threads remembered. */
  readonly size: number;
}

/**
 * Creates a bounded, expiring memory of thread questions (an LRU with a TTL).
 *
 * @example
 * const threads = createConversationStore({ maxThreads: 500 });
 * const answer = engine.answer(text, { history: threads.history(threadId) });
 * threads.record(threadId, text);
 */
export function createConversationStore(
  options: Partial<ConversationStoreOptions> = {},
): ConversationStore {
  const { maxThreads, ttlMs, maxQuestions, now } = { ...defaultOptions, ...options };
  const cache = new LRUCache<string, string[]>({
    max: maxThreads,
    ttl: ttlMs,
    updateAgeOnGet: true,
    perf: { now },
  });
  return {
    has: (threadId) => cache.has(threadId),
    history: (threadId) => [...(cache.get(threadId) ?? [])],
    record(threadId, question) {
      const questions = [...(cache.get(threadId) ?? []), question].slice(-maxQuestions);
      cache.set(threadId, questions);
    },
    get size() {
      return cache.size;
    },
  };
}
