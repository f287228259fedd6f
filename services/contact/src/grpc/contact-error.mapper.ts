// The one place the contact service's errors become gRPC statuses: a table per error type
// (contacts, households, relationships, relationship types, custom fields, imports, matching
// rules), each exhaustive by type, so a new code does not compile until it is mapped here (and
// then the gateway maps the status).
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import type { DomainError } from '@kith/errors';
import {
  domainErrorStatus,
  StatusError,
  type ErrorInfo,
  type GrpcStatusTable,
} from '@kith/grpc-kit';
import { ContactError } from '../domain/contact-error';
import { ContactImportError } from '../domain/contact-import-error';
import { CustomFieldError } from '../domain/custom-field-error';
import { HouseholdError } from '../domain/household-error';
import { MatchingRulesError } from '../domain/matching-rules-error';
import { RelationshipError } from '../domain/relationship-error';
import { RelationshipTypeError } from '../domain/relationship-type-error';

const invalidArgument = (err: DomainError<string, object>): StatusError =>
  new StatusError(grpc.status.INVALID_ARGUMENT, err.message, err.fieldErrors);
const failedPrecondition = (err: DomainError<string, object>): StatusError =>
  new StatusError(grpc.status.FAILED_PRECONDITION, err.message, err.fieldErrors);

export const CONTACT_ERROR_STATUSES: GrpcStatusTable<ContactError> = {
  NOT_FOUND: (err) => new StatusError(grpc.status.NOT_FOUND, err.message, [], errorInfoOf(err)),
  VALIDATION_FAILED: invalidArgument,
  // ABORTED, not FAILED_PRECONDITION: the caller should re-read and retry (AIP-193).
  VERSION_CONFLICT: grpc.status.ABORTED,
  // Retrying will not help; the state of the system has to change first.
  ALREADY_DELETED: grpc.status.FAILED_PRECONDITION,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  FAILED_PRECONDITION: (err) =>
    new StatusError(
      grpc.status.FAILED_PRECONDITION,
      err.message,
      err.fieldErrors,
      errorInfoOf(err),
    ),
  // ABORTED like a lost race (409 at the gateway), with a reason saying the same request can
  // simply be sent again (the gateway adds Retry-After).
  BUSY: (err) =>
    new StatusError(grpc.status.ABORTED, err.message, [], {
      reason: CONTACT_ERROR_REASONS.busy,
      metadata: {},
    }),
};

/** Households and relationships fail in the same ways: one table, checked against both. */
const RECORD_ERROR_STATUSES = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  VALIDATION_FAILED: invalidArgument,
  VERSION_CONFLICT: grpc.status.ABORTED,
  ALREADY_DELETED: grpc.status.FAILED_PRECONDITION,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  FAILED_PRECONDITION: failedPrecondition,
} as const;

export const HOUSEHOLD_ERROR_STATUSES: GrpcStatusTable<HouseholdError> = RECORD_ERROR_STATUSES;
export const RELATIONSHIP_ERROR_STATUSES: GrpcStatusTable<RelationshipError> =
  RECORD_ERROR_STATUSES;

/** The other resources have fewer ways to fail; each of their codes maps as a record's does. */
const { NOT_FOUND, VALIDATION_FAILED, VERSION_CONFLICT, ALREADY_EXISTS, FAILED_PRECONDITION } =
  RECORD_ERROR_STATUSES;

export const RELATIONSHIP_TYPE_ERROR_STATUSES: GrpcStatusTable<RelationshipTypeError> = {
  NOT_FOUND,
  VALIDATION_FAILED,
  VERSION_CONFLICT,
  ALREADY_EXISTS,
};

export const CUSTOM_FIELD_ERROR_STATUSES: GrpcStatusTable<CustomFieldError> = {
  NOT_FOUND,
  VALIDATION_FAILED,
  VERSION_CONFLICT,
  ALREADY_EXISTS,
  FAILED_PRECONDITION,
};

export const CONTACT_IMPORT_ERROR_STATUSES: GrpcStatusTable<ContactImportError> = {
  NOT_FOUND,
  VALIDATION_FAILED,
  FAILED_PRECONDITION,
};

export const MATCHING_RULES_ERROR_STATUSES: GrpcStatusTable<MatchingRulesError> = {
  VALIDATION_FAILED,
  VERSION_CONFLICT,
};

export function contactErrorToStatus(err: ContactError): StatusError {
  return domainErrorStatus(CONTACT_ERROR_STATUSES, err);
}

/** The facts as an ErrorInfo (reasons and keys documented in contact.proto). */
export function errorInfoOf(err: ContactError): ErrorInfo | undefined {
  const { mergedInto } = err.facts;
  if (!mergedInto) return undefined;
  return { reason: CONTACT_ERROR_REASONS.merged, metadata: { survivorId: mergedInto } };
}

/** For unaryHandler's mapError: the service's own errors; anything else stays INTERNAL. */
export function mapContactError(err: unknown): StatusError | undefined {
  if (err instanceof ContactError) return contactErrorToStatus(err);
  if (err instanceof HouseholdError) return domainErrorStatus(HOUSEHOLD_ERROR_STATUSES, err);
  if (err instanceof RelationshipError) return domainErrorStatus(RELATIONSHIP_ERROR_STATUSES, err);
  if (err instanceof RelationshipTypeError) {
    return domainErrorStatus(RELATIONSHIP_TYPE_ERROR_STATUSES, err);
  }
  if (err instanceof CustomFieldError) return domainErrorStatus(CUSTOM_FIELD_ERROR_STATUSES, err);
  if (err instanceof ContactImportError) {
    return domainErrorStatus(CONTACT_IMPORT_ERROR_STATUSES, err);
  }
  if (err instanceof MatchingRulesError) {
    return domainErrorStatus(MATCHING_RULES_ERROR_STATUSES, err);
  }
  return undefined;
}
