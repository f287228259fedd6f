// One declaration per REST operation: method, path, permission, request schemas, responses
// and summary. The same object mounts the Express handler (permission, validation, If-Match,
// Idempotency-Key) and registers the OpenAPI path, so the document cannot drift from what is
// served. It lives in the gateway's http/ because only the gateway has a REST edge; it needs
// nothing gateway-specific but Permission and the problem types, so a second edge could
// lift it into a package as it is (docs/architecture.md, "Gateway modules").
import type {
  OpenAPIRegistry,
  ResponseConfig,
  RouteConfig,
  ZodRequestBody,
} from '@asteasolutions/zod-to-openapi';
import type { Logger } from '@kith/logger';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { ContactsOf } from '../domain/idempotency';
import type { Permission } from '../domain/permissions';
import type { RequestContext } from '../grpc/upstream-call';
import type { IdempotencyStore } from '../store/idempotency.repository';
import { requirePermission } from './auth.middleware';
import { idempotency, type IdempotencyOptions } from './idempotency.middleware';
import { problems, rolesNote } from './openapi-kit';
import { GatewayError } from './problem';
import {
  methodNotAllowed,
  requestContext,
  requireIdempotencyKey,
  versionFromIfMatch,
} from './route-helpers';
import {
  IdempotencyHeadersSchema,
  IdempotencyRequiredHeadersSchema,
  IfMatchHeadersSchema,
} from './schemas/parameters.schema';
import { parseOrThrow, parseQuery } from './validation';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type RequestSchema = z.ZodObject | undefined;
export type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: every declared part already validated and typed. */
export interface OperationInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** The version of `If-Match: "<version>"`; 0 when the operation takes no If-Match. */
  version: number;
  ctx: RequestContext;
  /** What the gateway lends every operation (idempotency store, clock, logger). */
  edge: OperationDeps;
  req: Request;
  res: Response;
}

export interface OperationSpec<P extends RequestSchema, Q extends RequestSchema, B> {
  method: HttpMethod;
  /** Relative to /v1, in OpenAPI syntax: '/households/{id}'. */
  path: string;
  operationId: string;
  summary: string;
  /** The roles note (rolesNote) is appended. */
  description?: string;
  tags: string[];
  permission: Permission;
  params?: P;
  query?: Q;
  /** Reads the query instead of `query` (which still documents it), e.g. to set cf.* aside. */
  readQuery?: (query: Record<string, unknown>) => Parsed<Q>;
  body?: B;
  /** Documented as required; default true. A body not required is read as `{}` when absent. */
  bodyRequired?: boolean;
  /** Read an absent body as `{}` even though it is documented as required. */
  absentBodyAsEmpty?: boolean;
  /** A body the handler streams itself (a CSV upload): documented, never parsed here. */
  streamedBody?: ZodRequestBody;
  /**
   * A body that is not JSON, read whole into a Buffer (`input.body`): e.g. a raw email as
   * message/rfc822. Another content type answers 415, a larger body 413. createApp mounts such
   * operations before the JSON parser.
   */
  rawBody?: { contentTypes: string[]; limitBytes: number; description: string };
  /** Default ['application/json']. */
  bodyContentTypes?: string[];
  /** PATCH/DELETE of a versioned record: If-Match is read (428/400) before the body. */
  ifMatch?: boolean;
  /** Header schemas documented as they are; the handler reads the headers itself. */
  headers?: z.ZodObject;
  /** POST creates: Idempotency-Key, claimed after validation; which contacts responses name. */
  idempotent?: ContactsOf;
  /**
   * POSTs that move money: a request without Idempotency-Key is refused with 428 before its
   * body is read (a retry of it could otherwise create or refund twice). Needs `idempotent`.
   */
  idempotencyKeyRequired?: boolean;
  /** Run after the permission check, before validation (e.g. naming a listing for errors). */
  before?: RequestHandler[];
  responses: Record<number, ResponseConfig>;
  handle(input: OperationInput<P, Q, B>): Promise<void> | void;
}

/** A declared operation, its schema types erased: what a module's route table holds. */
export interface Operation {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string;
  /** True when its body is not JSON (mounted before the JSON parser). */
  readonly rawBody: boolean;
  /** The Express handlers, in order; `deps` supplies the idempotency store. */
  handlers(deps: OperationDeps): RequestHandler[];
  openApi(): RouteConfig;
}

export interface OperationDeps {
  idempotency: IdempotencyOptions;
  /** Stored responses, so an erasure can drop those naming the person at once. */
  storedResponses: Pick<IdempotencyStore, 'eraseContact'>;
  logger: Logger;
  now: () => Date;
}

export function defineOperation<
  P extends RequestSchema = undefined,
  Q extends RequestSchema = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: OperationSpec<P, Q, B>): Operation {
  // Order matters to clients: path, then If-Match (428 before a body error), then the body,
  // then the Idempotency-Key claim (an invalid request claims no key), then the query.
  const early = (req: Request, res: Response, next: NextFunction): void => {
    const params: unknown = spec.params ? parseOrThrow(spec.params, req.params, 'path') : undefined;
    const version = spec.ifMatch ? versionFromIfMatch(req) : 0;
    if (spec.idempotencyKeyRequired) requireIdempotencyKey(req);
    res.locals.operationInput = { params, version };
    next();
  };
  const raw = spec.rawBody;
  const readRaw: RequestHandler[] = raw
    ? [
        (req, _res, next) => {
          // No body at all is the handler's to refuse (an empty Buffer), not a media type.
          const hasBody =
            req.headers['transfer-encoding'] !== undefined ||
            (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
          if (hasBody && !req.is(raw.contentTypes)) {
            throw new GatewayError(
              'unsupported-media-type',
              `Send the body as ${raw.contentTypes.join(' or ')}.`,
            );
          }
          next();
        },
        express.raw({ type: raw.contentTypes, limit: raw.limitBytes }),
      ]
    : [];
  const validateBody: RequestHandler = (req, _res, next) => {
    if (spec.body) {
      const asEmpty = spec.absentBodyAsEmpty ?? spec.bodyRequired === false;
      const given: unknown = req.body ?? (asEmpty ? {} : undefined);
      req.body = parseOrThrow(spec.body, given, 'body');
    }
    next();
  };
  return {
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    rawBody: raw !== undefined,
    handlers(deps) {
      const handle = async (req: Request, res: Response): Promise<void> => {
        const { params, version } = res.locals.operationInput as {
          params: unknown;
          version: number;
        };
        const query: unknown = spec.readQuery
          ? spec.readQuery(req.query)
          : spec.query
            ? parseQuery(spec.query, req.query)
            : undefined;
        await spec.handle({
          params: params as Parsed<P>,
          query: query as Parsed<Q>,
          body: req.body as Parsed<B>,
          version,
          ctx: requestContext(req, res),
          edge: deps,
          req,
          res,
        });
      };
      return [
        requirePermission(spec.permission),
        ...(spec.before ?? []),
        early,
        ...readRaw,
        validateBody,
        ...(spec.idempotent ? [idempotency(deps.idempotency, spec.idempotent)] : []),
        handle,
      ];
    },
    openApi() {
      const headers = spec.ifMatch
        ? IfMatchHeadersSchema
        : spec.idempotencyKeyRequired
          ? IdempotencyRequiredHeadersSchema
          : spec.idempotent
            ? IdempotencyHeadersSchema
            : spec.headers;
      const request: RouteConfig['request'] = {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(headers ? { headers } : {}),
        ...(spec.streamedBody ? { body: spec.streamedBody } : {}),
        ...(raw
          ? {
              body: {
                required: true,
                description: raw.description,
                content: Object.fromEntries(
                  raw.contentTypes.map((type) => [
                    type,
                    { schema: { type: 'string' as const, format: 'binary' } },
                  ]),
                ),
              },
            }
          : {}),
        ...(spec.body
          ? {
              body: {
                required: spec.bodyRequired ?? true,
                content: Object.fromEntries(
                  (spec.bodyContentTypes ?? ['application/json']).map((type) => [
                    type,
                    { schema: spec.body as z.ZodType },
                  ]),
                ),
              },
            }
          : {}),
      };
      const note = rolesNote(spec.permission);
      // Every operation that reads a body can answer 413 (too large) and 415 (another type).
      const takesBody = spec.body !== undefined || spec.streamedBody !== undefined || raw;
      return {
        method: spec.method,
        path: `/v1${spec.path}`,
        operationId: spec.operationId,
        summary: spec.summary,
        description: spec.description ? `${spec.description} ${note}` : note,
        tags: spec.tags,
        ...(Object.keys(request).length > 0 ? { request } : {}),
        responses: takesBody ? { ...problems(413, 415), ...spec.responses } : spec.responses,
      };
    },
  };
}

/** '/households/{id}' -> '/households/:id' */
function expressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Mounts operations in their order; each path answers 405 with Allow for the methods it
 * does not serve. Paths keep the order of their first operation (a literal path such as
 * /contacts/export.csv must come before /contacts/{id}).
 */
export function mountOperations(
  router: Router,
  operations: readonly Operation[],
  deps: OperationDeps,
): void {
  const byPath = new Map<string, Operation[]>();
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  for (const [path, ops] of byPath) {
    const route = router.route(expressPath(path));
    for (const op of ops) route[op.method](...op.handlers(deps));
    route.all(methodNotAllowed(ops.map((op) => op.method.toUpperCase()).join(', ')));
  }
}

export function registerOperations(registry: OpenAPIRegistry, operations: readonly Operation[]) {
  for (const op of operations) registry.registerPath(op.openApi());
}
