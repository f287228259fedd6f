// What a grpc-js client rejects with when the service answers a status: the fakes' errors.
import type * as grpc from '@grpc/grpc-js';
import { StatusError, type ErrorInfo } from '@kith/grpc-kit';

/** What a grpc-js client rejects with when the service answers this status. */
export function grpcError(
  code: grpc.status,
  details: string,
  fieldErrors: Array<{ field: string; message: string }> = [],
  errorInfo?: ErrorInfo,
): grpc.ServiceError {
  const sent = new StatusError(code, details, fieldErrors, errorInfo).toServiceError();
  return Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: sent.metadata as grpc.Metadata,
  });
}
