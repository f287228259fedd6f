// Probes and metrics, outside /v1 and without authentication (Kubernetes and Prometheus
// call them). /readyz checks each dependency with a timeout so the probe never hangs.
import { Router } from 'express';
import type { Registry } from 'prom-client';
import { methodNotAllowed } from './route-helpers';
import type { Health, Readiness } from './schemas/health.schema';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

const CHECK_TIMEOUT_MS = 2000;

async function probe(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRouter(checks: ReadinessCheck[], registry: Registry): Router {
  const router = Router();
  router
    .route('/healthz')
    .get((_req, res) => {
      res.json({ status: 'ok' } satisfies Health);
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/readyz')
    .get(async (_req, res) => {
      const results = await Promise.all(
        checks.map(async (c) => [c.name, (await probe(c)) ? 'up' : 'down'] as const),
      );
      const dependencies = Object.fromEntries(results);
      const down = results.filter(([, state]) => state === 'down').map(([name]) => name);
      const body: Readiness = {
        status: down.length === 0 ? 'ready' : 'not-ready',
        dependencies,
        ...(down.length > 0 ? { down } : {}),
      };
      res.status(down.length === 0 ? 200 : 503).json(body);
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    })
    .all(methodNotAllowed('GET'));
  return router;
}
