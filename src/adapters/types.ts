/** A started platform adapter. */
export interface RunningAdapter {
  /** Platform name for logs (`discord`, `slack`). */
  readonly name: string;
  /** Stops taking new questions, waits for answers in flight, disconnects. */
  stop(): Promise<void>;
}
