// Builds the Express app from injected dependencies; main.ts passes real ones, unit tests
// pass fakes. Order matters: probes and docs need no token; /v1 authenticates before it
// reads a body, so anonymous clients cannot make us parse anything.
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { JwtVerifier } from '@kith/auth';
import type { Logger } from '@kith/logger';
import type { Registry } from 'prom-client';
import type { ResourceKind } from '../modules/contact/contact.mapper';
import type { RestFieldNames } from '../domain/field-path';
import type { IdempotencyStore } from '../store/idempotency.repository';
import { authenticate } from './auth.middleware';
import { DOCS_CSP, renderDocsPage } from './docs-page';
import { mapError } from './error-mapper';
import { healthRouter } from './health.routes';
import { isCsvUpload } from '../modules/contact/imports.routes';
import type { GatewayModule } from '../modules/gateway-module';
import { mountOperations } from './operation';
import type { ReadinessCheck } from './health.routes';
import { httpMetrics, rememberMountPath, routeTemplate } from './metrics.middleware';
import { openApiDocument } from './openapi';
import { GatewayError, sendProblem } from './problem';
import { BucketStore, limitByAddress, limitByCaller } from './rate-limit.middleware';
import type { RateLimitPolicies } from './rate-limit.middleware';
import { methodNotAllowed } from './route-helpers';

export interface AppDeps {
  /** One per upstream service (modules/<service>/), mounted under /v1 in this order. */
  modules: readonly GatewayModule[];
  idempotencyStore: IdempotencyStore;
  /** How long a request waits for an in-flight one with its Idempotency-Key (default 0). */
  idempotencyWaitMs?: number;
  verifyToken: JwtVerifier;
  readiness: ReadinessCheck[];
  /** How long /readyz waits for each check; slower counts as down. Default 2000. */
  readinessBudgetMs?: number;
  /** Token buckets per address, tenant and user; none = unlimited (unit tests). */
  rateLimits?: RateLimitPolicies;
  /** Express "trust proxy": which proxies' X-Forwarded-For names the client address. */
  trustProxy?: string;
  metrics: Registry;
  logger: Logger;
  /** Largest accepted JSON body (body-parser syntax). Default 100kb. */
  bodyLimit?: string;
  now?: () => Date;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const document = () => openApiDocument(deps.modules);
  app.disable('x-powered-by');
  // Our ETag is the record version; Express's body-hash ETags would contradict it.
  app.set('etag', false);
  if (deps.trustProxy) app.set('trust proxy', trustProxySetting(deps.trustProxy));

  app.use(httpMetrics(deps.metrics));
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(healthRouter(deps.readiness, deps.metrics, deps.readinessBudgetMs));
  app
    .route('/v1/openapi.json')
    .get((_req, res) => {
      res.json(document());
    })
    .all(methodNotAllowed('GET'));
  app
    .route('/docs')
    .get((_req, res) => {
      res.setHeader('Content-Security-Policy', DOCS_CSP);
      res.type('html').send(renderDocsPage(document()));
    })
    .all(methodNotAllowed('GET'));

  const v1 = express.Router();
  v1.use(rememberMountPath);
  // Records hold personal data: no shared cache may keep them.
  v1.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const buckets = new BucketStore();
  if (deps.rateLimits) v1.use(limitByAddress(buckets, deps.rateLimits.address));
  v1.use(authenticate(deps.verifyToken));
  if (deps.rateLimits) v1.use(limitByCaller(buckets, deps.rateLimits));
  const now = deps.now ?? (() => new Date());
  const moduleContext = {
    idempotency: {
      store: deps.idempotencyStore,
      logger: deps.logger,
      now,
      ...(deps.idempotencyWaitMs ? { inFlightWaitMs: deps.idempotencyWaitMs } : {}),
    },
    storedResponses: deps.idempotencyStore,
    logger: deps.logger,
    now,
  };
  // Operations whose body is not JSON (a raw email) read it themselves, before the JSON rules.
  const operations = deps.modules.flatMap((m) => m.operations);
  mountOperations(
    v1,
    operations.filter((op) => op.rawBody),
    moduleContext,
  );
  v1.use(requireJsonBody);
  v1.use(express.json({ limit: deps.bodyLimit ?? '100kb', type: JSON_TYPES, strict: true }));
  for (const module of deps.modules) {
    mountOperations(
      v1,
      module.operations.filter((op) => !op.rawBody),
      moduleContext,
    );
  }
  app.use('/v1', v1);

  app.use((_req: Request, _res: Response, next: NextFunction) => {
    next(new GatewayError('route-not-found', 'There is no such route. See /docs.'));
  });
  app.use(errorHandler(deps.logger));
  return app;
}

/** A number of hops, or Express's list of trusted addresses and names ("loopback, 10.0.0.0/8"). */
function trustProxySetting(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A body in anything but JSON is refused with 415 before it is read; the one exception is a
 * CSV upload to the import routes, which streams its body itself (imports.routes.ts).
 */
function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  // A method no operation takes a body with (TRACE, OPTIONS, …) is the router's 405.
  if (!BODY_METHODS.has(req.method)) return next();
  if (isCsvUpload(req) && req.is(['text/csv', 'application/csv'])) return next();
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
  if (hasBody && !req.is(JSON_TYPES)) {
    throw new GatewayError('unsupported-media-type', 'Send the body as application/json.', [], {
      'Accept-Patch': 'application/json, application/merge-patch+json',
    });
  }
  next();
}

function errorHandler(logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    const mapped = mapError(err, {
      instance: req.originalUrl.split('?')[0] ?? '',
      kind: res.locals.resourceKind as ResourceKind | undefined,
      names: res.locals.restFieldNames as RestFieldNames | undefined,
      fieldsIn: req.method === 'GET' ? 'query' : 'body',
    });
    if (mapped.unexpected) {
      logger.error(
        { err, method: req.method, route: routeTemplate(req, res), status: mapped.problem.status },
        'request failed',
      );
    }
    if (res.headersSent) return next(err);
    sendProblem(res, mapped.problem, mapped.headers);
  };
}
