// The error of a tenant's relationship type catalogue: its own codes and messages ("invalid
// relationship type: ...", "relationship type mentor not found"). A deactivated type refusing
// a new relationship is the relationship's error (RelationshipError), not the type's. Code
// values are the service's shared vocabulary (see household-error.ts). Mapped to gRPC
// statuses in grpc/contact-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum RelationshipTypeErrorCode {
  /** No such type, built-in or the tenant's own. */
  NOT_FOUND = 'NOT_FOUND',
  /** The type breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the type. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** A type with this code exists (built-in or the tenant's): change it instead. */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
}

export class RelationshipTypeError extends ResourceError<RelationshipTypeErrorCode> {
  static readonly subject = 'relationship type';
  static readonly codes = RelationshipTypeErrorCode;
}
