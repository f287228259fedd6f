// RFC 9457 problem details: the single error shape of the REST API, and GatewayError,
// the one error class the gateway itself throws. Each code has a fixed status, type and
// title, so a client can switch on `type` and the docs can list every problem.
import type { Response } from 'express';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_PREFIX = 'urn:kith:problem:';

export type FieldLocation = 'body' | 'query' | 'path' | 'header';

export interface FieldProblem {
  /** "emails[0].address", "limit", "If-Match". */
  field: string;
  message: string;
  in: FieldLocation;
}

/**
 * Extension members (RFC 9457 §3.2): optional, each named in the OpenAPI Problem schema, so a
 * client can act on them without parsing `detail`.
 */
export interface ProblemExtensions {
  /** On `not-found` for a contact merged into another: the survivor's id. */
  mergedInto?: string;
}

export interface Problem extends ProblemExtensions {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors: FieldProblem[];
}

export type GatewayErrorCode =
  | 'validation-failed'
  | 'bad-request'
  | 'malformed-json'
  | 'payload-too-large'
  | 'headers-too-large'
  | 'request-timeout'
  | 'unsupported-media-type'
  | 'route-not-found'
  | 'method-not-allowed'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'precondition-required'
  | 'version-conflict'
  | 'idempotency-key-required'
  | 'idempotency-key-reused'
  | 'idempotency-key-in-flight'
  | 'response-erased'
  | 'export-incomplete'
  | 'rate-limited'
  | 'tenant-over-share'
  | 'overloaded';

export const GATEWAY_ERRORS: Readonly<Record<GatewayErrorCode, { status: number; title: string }>> =
  {
    'validation-failed': { status: 400, title: 'The request is not valid' },
    'bad-request': { status: 400, title: 'Bad request' },
    'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
    'payload-too-large': { status: 413, title: 'The request body is too large' },
    'headers-too-large': { status: 431, title: 'The request headers are too large' },
    'request-timeout': { status: 408, title: 'The request did not arrive in time' },
    'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
    'route-not-found': { status: 404, title: 'No such route' },
    'method-not-allowed': { status: 405, title: 'Method not allowed on this route' },
    'not-found': { status: 404, title: 'Resource not found' },
    unauthenticated: { status: 401, title: 'Authentication required' },
    forbidden: { status: 403, title: 'Not allowed' },
    'precondition-required': { status: 428, title: 'A version precondition is required' },
    'version-conflict': { status: 409, title: 'The resource was changed by someone else' },
    'idempotency-key-required': {
      status: 428,
      title: 'An Idempotency-Key is required for this request',
    },
    'idempotency-key-reused': {
      status: 422,
      title: 'The idempotency key was already used with a different request',
    },
    'idempotency-key-in-flight': {
      status: 409,
      title: 'A request with this idempotency key is still in progress',
    },
    'response-erased': {
      status: 410,
      title: 'The stored response of this idempotency key named a person since erased',
    },
    'export-incomplete': {
      status: 503,
      title: 'Not every service holding personal data answered',
    },
    'rate-limited': { status: 429, title: 'Too many requests' },
    'tenant-over-share': {
      status: 429,
      title: 'Your organisation already has its share of requests in progress',
    },
    overloaded: { status: 503, title: 'The service is overloaded' },
  };

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly code: GatewayErrorCode,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /** Extra response headers, e.g. WWW-Authenticate or Allow. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_PREFIX}${slug}`;
}

export function sendProblem(
  res: Response,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  res.status(problem.status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
