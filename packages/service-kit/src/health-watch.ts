// The gRPC health status follows the service's dependencies: SERVING only while each check
// answers within its budget, so a wedged database takes the service out of the gateway's
// /readyz (docs/operations.md).
import type { Logger } from '@kith/logger';
import { probeAll, type ReadinessCheck } from '@kith/resilience';

export const HEALTH_INTERVAL_MS = 2000;

export interface HealthWatch {
  stop(): void;
}

export function watchHealth(
  setServing: (serving: boolean) => void,
  checks: ReadinessCheck[],
  budgetMs: number,
  logger: Logger,
  intervalMs = HEALTH_INTERVAL_MS,
): HealthWatch {
  let serving = true;
  let stopped = false;
  const timer = setInterval(() => {
    void probeAll(checks, budgetMs).then(({ down }) => {
      // Once stopping, the server says NOT_SERVING and a late probe must not undo it.
      if (stopped || serving === (down.length === 0)) return;
      serving = down.length === 0;
      setServing(serving);
      if (serving) logger.info('serving again');
      else logger.warn({ down, budgetMs }, 'not serving: dependencies down or over budget');
    });
  }, intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
