// The one place the interaction service's errors become gRPC statuses: a table exhaustive over
// InteractionErrorCode, so a new code does not compile until it is mapped here (and the
// gateway then maps the status to HTTP: 404, 400, 409, 422).
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { domainErrorStatus, StatusError, type GrpcStatusTable } from '@kith/grpc-kit';
import { InteractionError } from '../domain/interaction-error';

export const INTERACTION_ERROR_STATUSES: GrpcStatusTable<InteractionError> = {
  // A merged contact's timeline names where its history went, as the contact service does.
  NOT_FOUND: (err) =>
    new StatusError(
      grpc.status.NOT_FOUND,
      err.message,
      [],
      err.facts.mergedInto
        ? { reason: CONTACT_ERROR_REASONS.merged, metadata: { survivorId: err.facts.mergedInto } }
        : undefined,
    ),
  VALIDATION_FAILED: (err) =>
    new StatusError(grpc.status.INVALID_ARGUMENT, err.message, err.fieldErrors),
  // ABORTED, not FAILED_PRECONDITION: the caller should re-read and retry (AIP-193).
  VERSION_CONFLICT: grpc.status.ABORTED,
  ALREADY_DELETED: grpc.status.FAILED_PRECONDITION,
  // With the fields at fault: the gateway answers 422 naming each contact it refused.
  FAILED_PRECONDITION: (err) =>
    new StatusError(grpc.status.FAILED_PRECONDITION, err.message, err.fieldErrors),
};

/** For unaryHandler's mapError: the service's own errors; anything else stays INTERNAL. */
export function mapInteractionError(err: unknown): StatusError | undefined {
  return err instanceof InteractionError
    ? domainErrorStatus(INTERACTION_ERROR_STATUSES, err)
    : undefined;
}
