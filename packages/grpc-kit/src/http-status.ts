import { status } from '@grpc/grpc-js';

/**
 * The HTTP status the gateway answers for a gRPC status. A Record over every code, so adding a
 * code to grpc.status without a row here fails to compile.
 */
const HTTP_STATUS_BY_GRPC: Record<status, number> = {
  [status.OK]: 200,
  // If the HTTP client itself went away nobody reads the answer; a CANCELLED that reaches the
  // gateway while its client is still there means the server side gave up, so: unavailable.
  [status.CANCELLED]: 503,
  [status.UNKNOWN]: 500,
  [status.INVALID_ARGUMENT]: 400,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.PERMISSION_DENIED]: 403,
  [status.RESOURCE_EXHAUSTED]: 429,
  // The request is well formed but the resource is in the wrong state for it.
  [status.FAILED_PRECONDITION]: 422,
  [status.ABORTED]: 409, // optimistic concurrency: version mismatch
  [status.OUT_OF_RANGE]: 400,
  [status.UNIMPLEMENTED]: 501,
  [status.INTERNAL]: 500,
  [status.UNAVAILABLE]: 503,
  [status.DATA_LOSS]: 500,
  [status.UNAUTHENTICATED]: 401,
};

export function httpStatusForGrpc(code: status): number {
  return HTTP_STATUS_BY_GRPC[code] ?? 500;
}
