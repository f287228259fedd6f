// What one phase of a bench cost each process: CPU time from /proc (utime + stime of the process
// and its live descendants, so a PostgreSQL postmaster counts its backends) and, for services
// started with bench/lib/command-count.cjs preloaded, the database commands they sent. Printed
// per operation, so a change can be judged by the round trips and CPU it saves, not only by a
// rate the neighbours on a shared machine move too.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The preload that counts a service's database commands (for BENCH_SERVICE_NODE_ARGS). */
export const COMMAND_COUNT_PRELOAD = path.join(__dirname, 'command-count.cjs');

const TICKS_PER_S = 100; // USER_HZ on Linux

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it follow its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(statFields(pid)?.[1]);
    if (!ppid) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  return children;
}

/** CPU ms of each live process of the tree under `root` (backends come and go: kept per pid). */
function treeCpu(root: number, children: Map<number, number[]>): Map<number, number> {
  const out = new Map<number, number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const fields = statFields(pid);
    if (fields) out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * The servers outside the bench, from BENCH_DB_PIDS (`ferretdb=<pid>,postgres=<pid>`; e.g. the
 * pids in .kith/test/run and the postmaster.pid of deploy/local/start.sh's cluster).
 */
export function serverPids(env = process.env): Record<string, number> {
  const spec = env.BENCH_DB_PIDS ?? '';
  return Object.fromEntries(
    spec
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('='))
      .map(([name, pid]) => [name ?? '', Number(pid)] as const)
      .filter(([name, pid]) => name !== '' && Number.isInteger(pid) && pid > 0),
  );
}

export interface PhaseCosts {
  /** CPU ms per process name over the phase. */
  cpuMs: Record<string, number>;
  /** Database commands per service over the phase, by `<command> <collection>`. */
  commands: Record<string, Record<string, number>>;
}

async function swapCounts(pids: Record<string, number>, dir: string) {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const file = path.join(dir, `${pid}.json`);
    rmSync(file, { force: true });
    process.kill(pid, 'SIGUSR2');
    for (let i = 0; i < 100; i++) {
      try {
        out[name] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
        break;
      } catch {
        await sleep(20);
      }
    }
  }
  return out;
}

/**
 * Starts measuring: `services` are the bench's own children (counted if `commandLogDir` is
 * where their preload writes), `servers` the database's processes. `end()` answers the costs.
 */
export async function startPhase(opts: {
  services: Record<string, number>;
  servers: Record<string, number>;
  commandLogDir?: string;
}): Promise<{ end(): Promise<PhaseCosts> }> {
  const all = { ...opts.services, ...opts.servers };
  const sample = () => {
    const children = childrenOf();
    return Object.fromEntries(
      Object.entries(all).map(([name, pid]) => [name, treeCpu(pid, children)]),
    );
  };
  if (opts.commandLogDir) await swapCounts(opts.services, opts.commandLogDir);
  const before = sample();
  return {
    async end() {
      const after = sample();
      const cpuMs: Record<string, number> = {};
      for (const [name, perPid] of Object.entries(after)) {
        let ms = 0;
        for (const [pid, now] of perPid) ms += now - (before[name]?.get(pid) ?? 0);
        cpuMs[name] = ms;
      }
      const commands = opts.commandLogDir
        ? await swapCounts(opts.services, opts.commandLogDir)
        : {};
      return { cpuMs, commands };
    },
  };
}

/** A directory for the preload's counts, and the node arguments that load it. */
export function commandCounting(): { dir: string; nodeArgs: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-commands-'));
  return { dir, nodeArgs: `--require ${COMMAND_COUNT_PRELOAD}` };
}

/** The costs divided by `ops`: CPU ms and commands per operation, one line per process. */
export function formatPhaseCosts(costs: PhaseCosts, ops: number): string {
  const lines = Object.entries(costs.cpuMs).map(
    ([name, ms]) => `  ${name.padEnd(12)} ${(ms / ops).toFixed(2).padStart(6)} ms CPU per op`,
  );
  for (const [name, byCommand] of Object.entries(costs.commands)) {
    const perOp = Object.entries(byCommand)
      .map(([command, n]) => [command, n / ops] as const)
      .filter(([, n]) => n >= 0.01)
      .sort((a, b) => b[1] - a[1]);
    const total = perOp.reduce((sum, [, n]) => sum + n, 0);
    lines.push(`  ${name.padEnd(12)} ${total.toFixed(2).padStart(6)} database commands per op:`);
    for (const [command, n] of perOp) lines.push(`      ${n.toFixed(2).padStart(6)}  ${command}`);
  }
  return lines.join('\n');
}
