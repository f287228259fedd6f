// Request duration, and the trace span's name, by route *template* (never the raw URL: ids
// and query strings would explode the label set and leak personal data into metrics).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { setHttpRoute } from '@kith/telemetry';

export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = duration.startTimer();
    res.on('finish', () => {
      const route = routeTemplate(req, res);
      // The trace span gets the same name the metric gets (before the span closes on 'close').
      setHttpRoute(route);
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}

/**
 * Remembers where a router is mounted: Express resets req.baseUrl when a request leaves
 * the router (e.g. on its way to the error handler), before 'finish' fires.
 */
export function rememberMountPath(req: Request, res: Response, next: NextFunction): void {
  res.locals.mountPath = req.baseUrl;
  next();
}

/** '/v1/contacts/:id' for a matched route; 'unmatched' for 404s of unknown paths. */
export function routeTemplate(req: Request, res: Response): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (!route || typeof route.path !== 'string') return 'unmatched';
  const mount = typeof res.locals.mountPath === 'string' ? res.locals.mountPath : req.baseUrl;
  return `${mount}${route.path}`;
}
