// The error of relationships: its own codes and messages ("invalid relationship: ...",
// "relationship r-1 not found"). Code values are the contact service's shared vocabulary (see
// household-error.ts); relationship types have theirs (relationship-type-error.ts). The
// constructors come from ResourceError. Mapped to gRPC statuses in grpc/contact-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum RelationshipErrorCode {
  /** No such relationship in this tenant. */
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the relationship. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The relationship is soft-deleted and can no longer change. */
  ALREADY_DELETED = 'ALREADY_DELETED',
  /** A current relationship of this type between the two contacts exists. */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** Valid, but the state does not allow it (e.g. a deactivated relationship type). */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export class RelationshipError extends ResourceError<RelationshipErrorCode> {
  static readonly subject = 'relationship';
  static readonly codes = RelationshipErrorCode;
}
