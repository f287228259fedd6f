// A readiness check answered within a budget: a dependency that takes longer than that to
// answer is as good as down for the calls that would be routed to us.

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

/** True when `check` answers true within `timeoutMs`; false when it fails, says no or is slow. */
export async function probe(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check.check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every check probed at once; `down` names the ones that failed. */
export async function probeAll(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<{ states: Record<string, 'up' | 'down'>; down: string[] }> {
  const results = await Promise.all(
    checks.map(async (c) => [c.name, (await probe(c, timeoutMs)) ? 'up' : 'down'] as const),
  );
  return {
    states: Object.fromEntries(results),
    down: results.filter(([, state]) => state === 'down').map(([name]) => name),
  };
}
