// The error of households: its own codes (the kinds of failure a household has, no more) and
// its own messages ("invalid household: ...", "household h-1 not found"). The code values are
// the contact service's shared vocabulary, so a use case that retries any version conflict
// (@kith/bus retryOnVersionConflict) or skips any NOT_FOUND recognises them with hasErrorCode.
// The constructors (notFound, validation, refused, ...) come from ResourceError. Mapped to
// gRPC statuses in grpc/contact-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum HouseholdErrorCode {
  /** No such household in this tenant, or the contact is not (or no longer) a member. */
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the household. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The household is soft-deleted and can no longer change. */
  ALREADY_DELETED = 'ALREADY_DELETED',
  /** The person is a member already, of this household or of another. */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** Valid, but the state does not allow it: not a live person, an organization, full. */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export class HouseholdError extends ResourceError<HouseholdErrorCode> {
  static readonly subject = 'household';
  static readonly codes = HouseholdErrorCode;
}
