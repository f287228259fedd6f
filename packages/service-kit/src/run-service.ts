// A service process's entry point: load and validate its config (a missing or invalid
// variable stops start-up at once, listing every problem), start it, and stop it within
// KITH_SHUTDOWN_TIMEOUT_MS on SIGTERM or SIGINT (@kith/resilience stopOnSignals), telemetry
// last so the spans of the stop are exported.
import { stopOnSignals, type StopOnSignalsOptions } from '@kith/resilience';
import type { Telemetry } from '@kith/telemetry';

export interface RunServiceOptions<Config extends { KITH_SHUTDOWN_TIMEOUT_MS: number }> {
  /** Names the process in its stderr lines. */
  name: string;
  loadConfig: () => Config;
  start: (config: Config) => Promise<{ stop(): Promise<void> }>;
  /** Started by the service's instrument.ts, imported first by its main.ts. */
  telemetry: Pick<Telemetry, 'shutdown'>;
  /** Defaults: the process, process.exit and stderr; tests pass their own. */
  signals?: StopOnSignalsOptions['signals'];
  exit?: (code: number) => void;
  write?: (line: string) => void;
}

export async function runService<Config extends { KITH_SHUTDOWN_TIMEOUT_MS: number }>(
  opts: RunServiceOptions<Config>,
): Promise<void> {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  try {
    const config = opts.loadConfig();
    const running = await opts.start(config);
    stopOnSignals({
      name: opts.name,
      stop: () => running.stop().then(() => opts.telemetry.shutdown()),
      timeoutMs: config.KITH_SHUTDOWN_TIMEOUT_MS,
      ...(opts.signals ? { signals: opts.signals } : {}),
      exit,
      write,
    });
  } catch (err) {
    // ConfigError lists every bad variable; anything else is a start-up failure.
    write(`${opts.name}: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    exit(1);
  }
}
