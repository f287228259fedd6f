// The error of interactions: its own codes (the failures an interaction has, no more) and its
// messages ("invalid interaction: ...", "interaction i-1 not found"), from ResourceError. The
// code values are the shared vocabulary, so a retry of any lost race recognises
// VERSION_CONFLICT with hasErrorCode. Mapped to gRPC statuses in grpc/interaction-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum InteractionErrorCode {
  /** No such interaction in this tenant (or no such live contact, for a timeline). */
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the interaction. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The interaction is soft-deleted and can no longer change. */
  ALREADY_DELETED = 'ALREADY_DELETED',
  /**
   * Valid, but the contacts do not allow it: a participant this service does not know as a
   * live contact (unknown, deleted, erased), an organization that is not one, a message none
   * of whose addresses belongs to a known contact.
   */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export interface InteractionErrorFacts {
  /** On NOT_FOUND of a merged contact's timeline: the end of its merge chain. */
  mergedInto: string;
}

export class InteractionError extends ResourceError<InteractionErrorCode, InteractionErrorFacts> {
  static readonly subject = 'interaction';
  static readonly codes = InteractionErrorCode;

  /** A contact's timeline for an id that is no live contact; a merge victim names its survivor. */
  static contactNotFound(contactId: string, mergedInto?: string): InteractionError {
    return new InteractionError(
      InteractionErrorCode.NOT_FOUND,
      mergedInto
        ? `contact ${contactId} was merged into ${mergedInto}`
        : `contact ${contactId} not found`,
      [],
      mergedInto ? { mergedInto } : {},
    );
  }
}
