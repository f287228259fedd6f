// The one place the marketing service's errors become gRPC statuses: a table typed over every
// MarketingErrorCode, so a new code does not compile until it is mapped here.
import * as grpc from '@grpc/grpc-js';
import { domainErrorStatus, StatusError, type GrpcStatusTable } from '@kith/grpc-kit';
import { CampaignError, SegmentError, type MarketingError } from '../domain/marketing-error';

export const MARKETING_ERROR_STATUSES: GrpcStatusTable<MarketingError> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  VALIDATION_FAILED: (err) =>
    new StatusError(grpc.status.INVALID_ARGUMENT, err.message, err.fieldErrors),
  // ABORTED: re-read and retry (AIP-193).
  VERSION_CONFLICT: grpc.status.ABORTED,
  ALREADY_DELETED: grpc.status.FAILED_PRECONDITION,
  FAILED_PRECONDITION: (err) =>
    new StatusError(grpc.status.FAILED_PRECONDITION, err.message, err.fieldErrors),
};

/** For unaryHandler's mapError: the service's own errors; anything else stays INTERNAL. */
export function mapMarketingError(err: unknown): StatusError | undefined {
  return err instanceof SegmentError || err instanceof CampaignError
    ? domainErrorStatus(MARKETING_ERROR_STATUSES, err)
    : undefined;
}

/** For the idempotent creates' lookups: a record that is not there is undefined, not an error. */
export async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (mapMarketingError(err)?.code === grpc.status.NOT_FOUND) return undefined;
    throw err;
  }
}
