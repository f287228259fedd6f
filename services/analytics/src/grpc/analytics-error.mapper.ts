// The one place the analytics service's errors become gRPC statuses: a table typed over every
// AnalyticsErrorCode, so a new code does not compile until it is mapped here.
import * as grpc from '@grpc/grpc-js';
import { domainErrorStatus, StatusError, type GrpcStatusTable } from '@kith/grpc-kit';
import { AnalyticsError } from '../domain/analytics-error';

export const ANALYTICS_ERROR_STATUSES: GrpcStatusTable<AnalyticsError> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  VALIDATION_FAILED: (err) =>
    new StatusError(grpc.status.INVALID_ARGUMENT, err.message, err.fieldErrors),
  // ABORTED, not FAILED_PRECONDITION: the caller should re-read and retry (AIP-193).
  VERSION_CONFLICT: grpc.status.ABORTED,
  // Retrying at once will not help: the running rebuild has to finish first.
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
};

/** For unaryHandler's mapError: the service's own errors; anything else stays INTERNAL. */
export function mapAnalyticsError(err: unknown): StatusError | undefined {
  return err instanceof AnalyticsError
    ? domainErrorStatus(ANALYTICS_ERROR_STATUSES, err)
    : undefined;
}
