/**
 * The request being handled, carried through async work with AsyncLocalStorage, so an error that
 * escapes every handler can still be logged with the id of the request that caused it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.ts';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs `work` as part of request `requestId`: everything it starts, awaits or schedules knows
 * the id ({@link currentRequestId}).
 *
 * @example
 * client.on('interactionCreate', (i) => runWithRequestId(i.id, () => handle(i)));
 */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The id of the request whose work is running, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * Installs the last-resort handlers: an error no handler caught (an unhandled rejection or an
 * uncaught exception in a request's work) is logged with the request id and the process keeps
 * serving, so no single request, event or click can end it. Returns a function that removes them.
 *
 * @example
 * installLastResortHandlers(logger); // in main.ts, before any adapter starts
 */
export function installLastResortHandlers(
  logger: Logger,
  target: Pick<NodeJS.Process, 'on' | 'off'> = process,
): () => void {
  const where = () => ({ requestId: currentRequestId() });
  const onRejection = (reason: unknown) =>
    logger.error('unhandled rejection; still serving', {
      ...where(),
      error: reason instanceof Error ? reason : String(reason),
    });
  const onException = (error: Error) =>
    logger.error('uncaught exception; still serving', { ...where(), error });
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
