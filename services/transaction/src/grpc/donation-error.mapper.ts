// The one place the transaction service's errors become gRPC statuses: a table typed over every
// DonationErrorCode, so a new code does not compile until it is mapped here (and then the
// gateway maps the status).
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { domainErrorStatus, StatusError, type GrpcStatusTable } from '@kith/grpc-kit';
import { DonationError } from '../domain/donation-error';

export const DONATION_ERROR_STATUSES: GrpcStatusTable<DonationError> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  VALIDATION_FAILED: (err) =>
    new StatusError(grpc.status.INVALID_ARGUMENT, err.message, err.fieldErrors),
  // ABORTED, not FAILED_PRECONDITION: the caller should re-read and retry (AIP-193).
  VERSION_CONFLICT: grpc.status.ABORTED,
  // Retrying will not help: the gift (or a contact it names) has to change first.
  FAILED_PRECONDITION: (err) =>
    new StatusError(grpc.status.FAILED_PRECONDITION, err.message, err.fieldErrors),
  // As the contact service answers for a merge victim: NOT_FOUND naming the survivor.
  CONTACT_MERGED: (err) =>
    new StatusError(grpc.status.NOT_FOUND, err.message, [], {
      reason: CONTACT_ERROR_REASONS.merged,
      metadata: { survivorId: err.facts.mergedInto ?? '' },
    }),
};

/** For unaryHandler's mapError: the service's own errors; anything else stays INTERNAL. */
export function mapDonationError(err: unknown): StatusError | undefined {
  return err instanceof DonationError ? domainErrorStatus(DONATION_ERROR_STATUSES, err) : undefined;
}

/** For the idempotent creates' lookups: a record that is not there is undefined, not an error. */
export async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (mapDonationError(err)?.code === grpc.status.NOT_FOUND) return undefined;
    throw err;
  }
}
