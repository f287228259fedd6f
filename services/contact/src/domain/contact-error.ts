// The error of contacts (and of merges, which share it). Households, relationships, their
// types, custom fields and imports have their own (<resource>-error.ts). notFound,
// validation, versionConflict, alreadyExists and alreadyDeleted come from ResourceError;
// failures that carry facts or a retry hint are built here. Transports map `code` through an
// exhaustive table (see grpc/contact-error.mapper.ts), so adding a code is a compile error
// until mapped.
import { ResourceError, type DomainFieldError } from '@kith/errors';

export enum ContactErrorCode {
  /** No such contact in this tenant (a foreign tenant's id also lands here). */
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the contact. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The contact is soft-deleted and can no longer change. */
  ALREADY_DELETED = 'ALREADY_DELETED',
  /** A record that must be unique exists already (e.g. the person is in another household). */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** The request is valid but the current state does not allow it (e.g. a deleted member). */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  /** Another request holds the record for a moment (e.g. a merge): retry the same request. */
  BUSY = 'BUSY',
}

/** Path relative to ContactFields or the request, e.g. `emails[1].address`, `updateMask`. */
export type ContactFieldError = DomainFieldError;

/** Facts a caller may act on without parsing the message. */
export interface ContactErrorFacts {
  /** A merge victim: the contact its data went to. */
  mergedInto?: string;
}

export class ContactError extends ResourceError<ContactErrorCode, ContactErrorFacts> {
  static readonly subject = 'contact';
  static readonly codes = ContactErrorCode;

  static failedPrecondition(
    message: string,
    fieldErrors: ContactFieldError[] = [],
    facts: ContactErrorFacts = {},
  ): ContactError {
    return new ContactError(ContactErrorCode.FAILED_PRECONDITION, message, fieldErrors, facts);
  }

  static busy(message: string): ContactError {
    return new ContactError(ContactErrorCode.BUSY, message);
  }
}

export function isContactError(err: unknown): err is ContactError {
  return err instanceof ContactError;
}
