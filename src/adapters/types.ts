import type { Engine } from '../core/engine.ts';
import type { Logger } from '../logger.ts';

/** A started platform adapter. */
export interface RunningAdapter {
  /** Platform name for logs (`discord`, `slack`). */
  readonly name: string;
  /** Stops taking new questions, waits for answers in flight, disconnects. */
  stop(): Promise<void>;
}

/** What every adapter needs from the wiring in `main.ts`. */
export interface AdapterDeps {
  /** The answer engine, already built over the knowledge folder. */
  engine: Engine;
  /** Where the adapter logs; secrets are already redacted by it. */
  logger: Logger;
}
