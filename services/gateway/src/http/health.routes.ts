// Probes and metrics, outside /v1 and without authentication (Kubernetes and Prometheus
// call them). /readyz checks each dependency with a timeout so the probe never hangs.
import { Router } from 'express';
import type { Registry } from 'prom-client';

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
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => [c.name, (await probe(c)) ? 'up' : 'down'] as const),
    );
    const dependencies = Object.fromEntries(results);
    const down = results.filter(([, state]) => state === 'down').map(([name]) => name);
    res.status(down.length === 0 ? 200 : 503).json({
      status: down.length === 0 ? 'ready' : 'not-ready',
      dependencies,
      ...(down.length > 0 ? { down } : {}),
    });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
