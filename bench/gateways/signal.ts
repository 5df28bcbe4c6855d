export interface StopHandle {
  /** What to close before exiting; until it is set, a stop exits at once. */
  onStop(close: () => Promise<void>): void;
}

/**
 * Exits 0 on SIGTERM or SIGINT (after `onStop`'s close, once one is set), so the benchmark runner
 * can stop a gateway the way an orchestrator would, even while it is still loading, and tell a
 * clean stop from a crash. Install it before loading anything heavy.
 */
export function stopOnSignal(): StopHandle {
  let close: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    (close ?? (() => Promise.resolve()))().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('peer gateway failed to close:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return {
    onStop: (given) => {
      close = given;
    },
  };
}

/** The one line a peer gateway prints, once it accepts requests. */
export function announce(name: string, port: number): void {
  console.log(`${name} listening on http://127.0.0.1:${port}/graphql`);
}

/** Start-up failures end the process non-zero with one line the runner can report. */
export function exitOnStartFailure(name: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`${name} did not start: ${reason.split('\n')[0]}`);
  process.exit(1);
}
