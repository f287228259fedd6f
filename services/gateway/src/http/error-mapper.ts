// The one place where anything thrown while serving a request becomes a problem+json
// response. Input errors never become a 500; unexpected errors become a 500 that says
// nothing about internals (the cause goes to the log, tagged with the trace id).
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS, type ContactErrorReason } from '@kith/contracts';
import {
  httpStatusForGrpc,
  isServiceError,
  overloadRefusal,
  readErrorInfo,
  readFieldErrors,
} from '@kith/grpc-kit';
import type { ErrorInfo } from '@kith/grpc-kit';
import { IDEMPOTENCY_KEY_REUSED } from '@kith/idempotency';
import { BulkheadRejectedError } from '@kith/resilience';
import type { BulkheadRefusal } from '@kith/resilience';
import { ZodError } from 'zod';
import type { ResourceKind } from '../modules/contact/contact.mapper';
import { restFieldPath, type RestFieldNames } from '../domain/field-path';
import { GATEWAY_ERRORS, GatewayError, problemType } from './problem';
import type { FieldProblem, Problem, ProblemExtensions } from './problem';
import { fieldProblemsFromZod } from './validation';

export interface MappedError {
  problem: Problem;
  headers: Record<string, string>;
  /** True when the cause is ours (a bug or an outage), so it must be logged with its stack. */
  unexpected: boolean;
}

export interface MapContext {
  instance: string;
  /** Set by contact routes so the service's proto field paths can be named in REST terms. */
  kind?: ResourceKind | undefined;
  /** Set by routes whose request is not a body, e.g. listings (see listingFieldNames). */
  names?: RestFieldNames | undefined;
  /** Where a service's field error is otherwise said to be: a GET has no body (its query). */
  fieldsIn?: 'body' | 'query';
}

type GrpcCode = (typeof GrpcStatus)[keyof typeof GrpcStatus];

// Exhaustive over grpc.status: adding a code to grpc-js fails compilation here.
const GRPC_PROBLEMS: Readonly<Record<GrpcCode, { slug: string; title: string }>> = {
  [GrpcStatus.OK]: { slug: 'internal-error', title: 'Internal error' },
  [GrpcStatus.CANCELLED]: { slug: 'upstream-cancelled', title: 'The upstream call was cancelled' },
  [GrpcStatus.UNKNOWN]: { slug: 'internal-error', title: 'Internal error' },
  [GrpcStatus.INVALID_ARGUMENT]: { slug: 'validation-failed', title: 'The request is not valid' },
  [GrpcStatus.DEADLINE_EXCEEDED]: {
    slug: 'upstream-timeout',
    title: 'A service did not answer in time',
  },
  [GrpcStatus.NOT_FOUND]: { slug: 'not-found', title: 'Resource not found' },
  [GrpcStatus.ALREADY_EXISTS]: { slug: 'already-exists', title: 'The resource already exists' },
  [GrpcStatus.PERMISSION_DENIED]: { slug: 'forbidden', title: 'Not allowed' },
  [GrpcStatus.RESOURCE_EXHAUSTED]: { slug: 'rate-limited', title: 'Too many requests' },
  [GrpcStatus.FAILED_PRECONDITION]: {
    slug: 'failed-precondition',
    title: 'The resource is not in a state that allows this',
  },
  [GrpcStatus.ABORTED]: {
    slug: 'version-conflict',
    title: 'The resource was changed by someone else',
  },
  [GrpcStatus.OUT_OF_RANGE]: { slug: 'out-of-range', title: 'A value is out of range' },
  [GrpcStatus.UNIMPLEMENTED]: { slug: 'not-implemented', title: 'Not implemented' },
  [GrpcStatus.INTERNAL]: { slug: 'internal-error', title: 'Internal error' },
  [GrpcStatus.UNAVAILABLE]: {
    slug: 'service-unavailable',
    title: 'A service is temporarily unavailable',
  },
  [GrpcStatus.DATA_LOSS]: { slug: 'internal-error', title: 'Internal error' },
  [GrpcStatus.UNAUTHENTICATED]: { slug: 'unauthenticated', title: 'Authentication required' },
};

// What each ErrorInfo reason a service sends adds to the problem. Exhaustive over the
// reasons: a new one does not compile until it is mapped here. An unknown reason (from a
// newer service) adds nothing rather than failing the response.
const EXTENSIONS_BY_REASON: Readonly<
  Record<ContactErrorReason, (metadata: Record<string, string>) => ProblemExtensions>
> = {
  [CONTACT_ERROR_REASONS.merged]: ({ survivorId }) =>
    survivorId ? { mergedInto: survivorId } : {},
  // Says "send the same request again shortly": a header (Retry-After), not a member.
  [CONTACT_ERROR_REASONS.busy]: () => ({}),
};

export function problemExtensions(info: ErrorInfo | undefined): ProblemExtensions {
  if (!info || !Object.hasOwn(EXTENSIONS_BY_REASON, info.reason)) return {};
  return EXTENSIONS_BY_REASON[info.reason as ContactErrorReason](info.metadata);
}

const BODY_PARSER_ERRORS: Readonly<Record<string, GatewayError>> = {
  'entity.parse.failed': new GatewayError('malformed-json', 'The request body is not valid JSON.'),
  'entity.too.large': new GatewayError('payload-too-large', 'The request body exceeds the limit.'),
  'encoding.unsupported': new GatewayError(
    'unsupported-media-type',
    'The content encoding is not supported.',
  ),
  'charset.unsupported': new GatewayError('unsupported-media-type', 'Only UTF-8 JSON is accepted.'),
};

const INTERNAL_DETAIL = 'An unexpected error occurred. It has been logged.';

export function keyReusedError(): GatewayError {
  return new GatewayError(
    'idempotency-key-reused',
    'This Idempotency-Key was used with a different request. Use a new key.',
  );
}

export function mapError(err: unknown, ctx: MapContext): MappedError {
  if (err instanceof GatewayError) return fromGatewayError(err, ctx.instance);
  const refusal = refusalOf(err);
  if (refusal) return fromGatewayError(overloadError(refusal), ctx.instance);
  if (err instanceof ZodError) {
    return fromGatewayError(
      new GatewayError(
        'validation-failed',
        'The request is not valid.',
        fieldProblemsFromZod(err, 'body'),
      ),
      ctx.instance,
    );
  }
  if (isServiceError(err) && readErrorInfo(err)?.reason === IDEMPOTENCY_KEY_REUSED) {
    // The service's own record of the key (@kith/idempotency): the same 422 as the gateway's.
    return fromGatewayError(keyReusedError(), ctx.instance);
  }
  if (isServiceError(err) && err.code in GRPC_PROBLEMS) return fromGrpcError(err, ctx);
  const clientError = fromHttpError(err, ctx.instance);
  if (clientError) return clientError;
  return {
    problem: problem('internal-error', 'Internal error', 500, INTERNAL_DETAIL, ctx.instance),
    headers: {},
    unexpected: true,
  };
}

/** A call refused for load: by our own bulkhead, or by the service's admission limit. */
function refusalOf(
  err: unknown,
): { reason: BulkheadRefusal; retryAfterSeconds: number } | undefined {
  if (err instanceof BulkheadRejectedError) return err;
  if (isServiceError(err) && err.code === GrpcStatus.RESOURCE_EXHAUSTED) {
    return overloadRefusal(readErrorInfo(err));
  }
  return undefined;
}

function overloadError(refusal: { reason: BulkheadRefusal; retryAfterSeconds: number }) {
  const headers = { 'Retry-After': String(refusal.retryAfterSeconds) };
  return refusal.reason === 'key-share'
    ? new GatewayError(
        'tenant-over-share',
        'Too many of your requests are in progress at once; retry after the ones running finish.',
        [],
        headers,
      )
    : new GatewayError('overloaded', 'Please retry shortly.', [], headers);
}

function problem(
  slug: string,
  title: string,
  status: number,
  detail: string,
  instance: string,
  errors: FieldProblem[] = [],
  extensions: ProblemExtensions = {},
): Problem {
  return { type: problemType(slug), title, status, detail, instance, errors, ...extensions };
}

function fromGatewayError(err: GatewayError, instance: string): MappedError {
  const { status, title } = GATEWAY_ERRORS[err.code];
  return {
    problem: problem(err.code, title, status, err.detail, instance, err.errors),
    headers: err.headers,
    unexpected: false,
  };
}

function fromGrpcError(err: ServiceError, ctx: MapContext): MappedError {
  const { slug, title } = GRPC_PROBLEMS[err.code as GrpcCode];
  const mapped = httpStatusForGrpc(err.code);
  // A "failure" that maps to a success status is a bug upstream, not a client problem.
  const status = mapped >= 400 ? mapped : 500;
  if (status >= 500 && status !== 503 && status !== 504) {
    return {
      problem: problem('internal-error', 'Internal error', status, INTERNAL_DETAIL, ctx.instance),
      headers: {},
      unexpected: true,
    };
  }
  const errors = readFieldErrors(err).map((f): FieldProblem => {
    const named = ctx.names?.(f.field);
    if (named) return { field: named.field, message: named.message ?? f.message, in: named.in };
    return {
      field: ctx.kind ? restFieldPath(f.field, ctx.kind) : f.field,
      message: f.message,
      in: ctx.fieldsIn ?? 'body',
    };
  });
  const info = readErrorInfo(err);
  // A 409 from a record busy for a moment (a merge holding it) is retried as it is.
  const retryable = status === 503 || info?.reason === CONTACT_ERROR_REASONS.busy;
  const headers: Record<string, string> = retryable ? { 'Retry-After': '1' } : {};
  // Upstream 4xx messages are written for callers; 503/504 details would only leak topology.
  // A service's validation message names its own fields ("invalid contact: pageToken: …"):
  // the detail is said again from the REST names.
  const detail =
    status >= 500
      ? 'Please retry shortly.'
      : err.code === GrpcStatus.INVALID_ARGUMENT && errors.length > 0
        ? errors.map((e) => `${e.field}: ${e.message}`).join('; ')
        : err.details || title;
  const extensions = status < 500 ? problemExtensions(info) : {};
  return {
    problem: problem(slug, title, status, detail, ctx.instance, errors, extensions),
    headers,
    unexpected: status >= 500,
  };
}

/** body-parser, the router and other http-errors users signal client errors with `status`. */
function fromHttpError(err: unknown, instance: string): MappedError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: unknown; status?: unknown; statusCode?: unknown };
  if (typeof e.type === 'string') {
    const known = BODY_PARSER_ERRORS[e.type];
    if (known) return fromGatewayError(known, instance);
  }
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      problem: problem(
        'bad-request',
        GATEWAY_ERRORS['bad-request'].title,
        status,
        'The request could not be read.',
        instance,
      ),
      headers: {},
      unexpected: false,
    };
  }
  return undefined;
}
