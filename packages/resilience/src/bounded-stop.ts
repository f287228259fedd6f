// Stopping with a deadline: a process told to stop drains what it can, and exits when the
// deadline passes even if something (a wedged database) never lets go. Kubernetes sends
// SIGKILL after its grace period (30 s by default), so the deadline stays below it.

export interface StopOnSignalsOptions {
  /** Process name for the stderr lines. */
  name: string;
  stop: () => Promise<void>;
  timeoutMs: number;
  /** Defaults: `process` and `process.exit`; tests pass their own. */
  signals?: Pick<NodeJS.Process, 'once'>;
  exit?: (code: number) => void;
  write?: (line: string) => void;
}

/**
 * On the first SIGTERM or SIGINT runs `stop`, then exits 0; exits 1 when `stop` fails or
 * has not finished within `timeoutMs`.
 */
export function stopOnSignals(opts: StopOnSignalsOptions): void {
  const signals = opts.signals ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  let stopping = false;
  const onSignal = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    write(`${opts.name}: ${signal}, stopping (at most ${opts.timeoutMs} ms)\n`);
    const timer = setTimeout(() => {
      write(`${opts.name}: still stopping after ${opts.timeoutMs} ms; exiting anyway\n`);
      exit(1);
    }, opts.timeoutMs);
    timer.unref?.();
    opts.stop().then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(timer);
        write(
          `${opts.name}: error while stopping: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        exit(1);
      },
    );
  };
  signals.once('SIGTERM', () => onSignal('SIGTERM'));
  signals.once('SIGINT', () => onSignal('SIGINT'));
}
