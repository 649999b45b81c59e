import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  currentRequestId,
  installLastResortHandlers,
  runWithRequestId,
} from '../../src/bot/request-context.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';

describe('runWithRequestId', () => {
  it('carries the id through awaits and timers, and no further', async () => {
    const seen: (string | undefined)[] = [];
    await runWithRequestId('Ev1', async () => {
      await Promise.resolve();
      seen.push(currentRequestId());
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(currentRequestId());
    });
    seen.push(currentRequestId());
    expect(seen).toEqual(['Ev1', 'Ev1', undefined]);
  });
});

describe('installLastResortHandlers', () => {
  it('logs what escaped every handler with its request id, and removes itself', () => {
    const process = new EventEmitter();
    const logger = createRecordingLogger();
    const remove = installLastResortHandlers(logger, process as unknown as NodeJS.Process);
    runWithRequestId('Ev42', () => process.emit('unhandledRejection', new TypeError('bad body')));
    process.emit('uncaughtException', new Error('boom'));
    expect(logger.lines).toEqual([
      {
        level: 'error',
        message: 'unhandled rejection; still serving',
        fields: { requestId: 'Ev42', error: new TypeError('bad body') },
      },
      {
        level: 'error',
        message: 'uncaught exception; still serving',
        fields: { requestId: undefined, error: new Error('boom') },
      },
    ]);
    remove();
    expect(process.listenerCount('unhandledRejection')).toBe(0);
    expect(process.listenerCount('uncaughtException')).toBe(0);
  });
});
