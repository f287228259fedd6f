// Probes and metrics, outside /v1 and without authentication (Kubernetes and Prometheus
// call them). /readyz checks each dependency within a budget so the probe never hangs, and a
// dependency slower than that budget, or a saturated bulkhead, answers 503: route elsewhere.
import { Router } from 'express';
import { probeAll } from '@kith/resilience';
import type { ReadinessCheck } from '@kith/resilience';
import type { Registry } from 'prom-client';
import { methodNotAllowed } from './route-helpers';
import type { Health, Readiness } from './schemas/health.schema';

export type { ReadinessCheck };

const DEFAULT_BUDGET_MS = 2000;

export function healthRouter(
  checks: ReadinessCheck[],
  registry: Registry,
  budgetMs = DEFAULT_BUDGET_MS,
): Router {
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
      const { states: dependencies, down } = await probeAll(checks, budgetMs);
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
