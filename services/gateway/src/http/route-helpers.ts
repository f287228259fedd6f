// Small pieces every /v1 router over the contact service shares.
import type { NextFunction, Request, Response } from 'express';
import { listingFieldNames } from '../domain/field-path';
import type { RequestContext } from '../grpc/upstream-call';
import { callerOf } from './auth.middleware';
import { GatewayError } from './problem';
import { IF_MATCH_PATTERN } from './schemas/parameters.schema';

export function requestContext(req: Request, res: Response): RequestContext {
  const caller = callerOf(res);
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: caller.roles,
    // Set by the idempotency middleware once the header passed validation (POST only).
    idempotencyKey: res.locals.idempotencyKey as string | undefined,
    traceparent: req.get('traceparent'),
    tracestate: req.get('tracestate'),
    signal: requestSignal(res),
  };
}

/**
 * Aborted when the client closes the connection before its answer was sent: the upstream
 * call is cancelled (or leaves the bulkhead's queue) instead of holding a slot for nobody.
 */
function requestSignal(res: Response): AbortSignal {
  const known = res.locals.abortSignal as AbortSignal | undefined;
  if (known) return known;
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the client closed the request'));
  });
  res.locals.abortSignal = controller.signal;
  return controller.signal;
}

/**
 * Marks a GET as a listing, so the error mapper names the service's field errors as its
 * query parameters (`cursor`, `limit`, ...) and speaks of `listing` ("the duplicate list").
 */
export function listing(name: string, renamed: Readonly<Record<string, string>> = {}) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.locals.restFieldNames = listingFieldNames(name, renamed);
    next();
  };
}

export function methodNotAllowed(allow: string) {
  return () => {
    throw new GatewayError('method-not-allowed', `Allowed: ${allow}.`, [], { Allow: allow });
  };
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The one version rule: PATCH and DELETE carry the version the client last read in
 * `If-Match: "<version>"` (the ETag GET returned). Missing -> 428; not a single strong
 * numeric tag (e.g. `*`, W/"3", a list, or empty: the client sent one, badly) -> 400;
 * stale -> 409 from the service.
 */
export function versionFromIfMatch(req: Request): number {
  const header = req.get('if-match');
  if (header === undefined) {
    throw new GatewayError(
      'precondition-required',
      'Send If-Match: "<version>" with the version you last read (the ETag of GET).',
    );
  }
  const match = IF_MATCH_PATTERN.exec(header.trim());
  if (!match?.[1]) {
    throw new GatewayError('validation-failed', 'If-Match must be one version tag, e.g. "3".', [
      { field: 'If-Match', message: 'Expected a quoted version number, e.g. "3".', in: 'header' },
    ]);
  }
  return Number(match[1]);
}

/**
 * A POST that moves money names its retries: without Idempotency-Key -> 428 (the header's
 * form is checked where the key is claimed, after the body).
 */
export function requireIdempotencyKey(req: Request): void {
  if (req.get('idempotency-key') !== undefined) return;
  throw new GatewayError(
    'idempotency-key-required',
    'Send an Idempotency-Key header (e.g. a new UUID) with this request: it moves money, so ' +
      'a retry after a timeout must be recognised as the same request, not done twice.',
  );
}
