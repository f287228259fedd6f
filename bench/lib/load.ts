// A closed-loop load generator: `concurrency` workers each run `op` until `total`
// operations are done. Returns the rate and latency percentiles.
export interface LoadResult {
  ops: number;
  errors: number;
  seconds: number;
  ratePerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

export async function runClosedLoop(opts: {
  total: number;
  concurrency: number;
  op: (i: number) => Promise<void>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let i = next++; i < opts.total; i = next++) {
      const t0 = process.hrtime.bigint();
      try {
        await opts.op(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } catch (err) {
        errors++;
        firstError ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (errors > 0) console.error(`${errors} operations failed; first:`, firstError);
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    errors,
    seconds,
    ratePerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

export function formatResult(label: string, r: LoadResult): string {
  return (
    `${label.padEnd(34)} ${r.ratePerSecond.toFixed(1).padStart(8)} ops/s  ` +
    `p50 ${r.p50Ms.toFixed(1)} ms  p95 ${r.p95Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  ` +
    `(${r.ops} ok, ${r.errors} failed, ${r.seconds.toFixed(1)} s)`
  );
}

/**
 * The report of a write bench: the raw ceiling before and after, the API run between them, and
 * the ratio of the API's rate to the ceiling's average, against the goal.
 */
export function reportWriteRatio(opts: {
  title: string;
  apiLabel: string;
  rawBefore: LoadResult;
  api: LoadResult;
  rawAfter: LoadResult;
  goal: number;
}): void {
  const ceiling = (opts.rawBefore.ratePerSecond + opts.rawAfter.ratePerSecond) / 2;
  const ratio = opts.api.ratePerSecond / ceiling;
  console.log(opts.title);
  console.log(formatResult('raw insertOne (before)', opts.rawBefore));
  console.log(formatResult(opts.apiLabel, opts.api));
  console.log(formatResult('raw insertOne (after)', opts.rawAfter));
  const met = ratio >= opts.goal ? 'MET' : 'NOT MET';
  console.log(`ratio api/raw = ${ratio.toFixed(2)} (goal >= ${opts.goal})  ${met}`);
}
