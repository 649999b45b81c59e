// Starts the hot-reload worker. The worker's code is TypeScript: tsx's loader is registered in
// this thread first, so the worker runs the same way under `tsx src/main.ts`, under vitest and
// under plain `node --import tsx`.
import { register } from 'tsx/esm/api';

register();
await import('./index-worker.ts');
