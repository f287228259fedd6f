// The error of custom field definitions: their own codes and messages ("invalid custom field:
// ...", "custom field person/shoe_size not found"). A definition is archived, never deleted,
// so an archived one refuses changes with FAILED_PRECONDITION and there is no ALREADY_DELETED.
// Errors in a contact's custom field *values* are the contact's (ContactError). Code values
// are the service's shared vocabulary (see household-error.ts). Mapped to gRPC statuses in
// grpc/contact-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum CustomFieldErrorCode {
  /** No such definition in this tenant (or the reference cannot name one). */
  NOT_FOUND = 'NOT_FOUND',
  /** The definition breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the definition. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The key is taken, archived definitions included (stored values may still name it). */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** Valid, but not now: archived, a type change, an option removed, too many fields. */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export class CustomFieldError extends ResourceError<CustomFieldErrorCode> {
  static readonly subject = 'custom field';
  static readonly codes = CustomFieldErrorCode;
}
