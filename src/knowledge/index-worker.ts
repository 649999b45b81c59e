/**
 * The worker thread of hot reload: answers each {@link BuildIndexRequest} from the main thread
 * with a {@link BuildIndexResult}, the snapshot bytes transferred rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { type BuildIndexRequest, buildIndex, type IndexWorkerReady } from './build-index-job.ts';

parentPort?.on('message', async (request: BuildIndexRequest) => {
  const result = await buildIndex(request);
  if (result.kind !== 'built') {
    parentPort?.postMessage(result);
    return;
  }
  // Only a view over a whole buffer of its own can be transferred (a pooled Buffer cannot).
  const { snapshot } = result;
  const whole = snapshot.byteOffset === 0 && snapshot.byteLength === snapshot.buffer.byteLength;
  const bytes = whole ? snapshot : snapshot.slice();
  parentPort?.postMessage({ ...result, snapshot: bytes }, [bytes.buffer as ArrayBuffer]);
});

// Every module is loaded: the first rebuild will not wait for them.
parentPort?.postMessage({ kind: 'ready' } satisfies IndexWorkerReady);
