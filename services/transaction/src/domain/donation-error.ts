// The error of donations: its own codes and messages ("invalid donation: ...", "donation d-1
// not found"), built on @kith/errors' ResourceError; mapped to gRPC statuses in
// grpc/donation-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum DonationErrorCode {
  /** No such donation in this tenant. */
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the donation. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /**
   * Valid, but the gift's state does not allow it: a refund of more than remains, of a gift
   * not completed, a new amount on a completed gift, an unknown or erased donor.
   */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  /** The contact asked about was merged into another, named in `facts.mergedInto`. */
  CONTACT_MERGED = 'CONTACT_MERGED',
}

export interface DonationErrorFacts {
  /** The survivor (end of the merge chain) of a merged contact. */
  mergedInto: string;
}

export class DonationError extends ResourceError<DonationErrorCode, DonationErrorFacts> {
  static readonly subject = 'donation';
  static readonly codes = DonationErrorCode;

  /** "contact c-1 not found": an id that names no contact (the path of a giving summary). */
  static contactNotFound(contactId: string): DonationError {
    return new DonationError(DonationErrorCode.NOT_FOUND, `contact ${contactId} not found`);
  }

  /** "contact c-1 was merged into c-2": its gifts are the survivor's now. */
  static contactMerged(contactId: string, survivorId: string): DonationError {
    return new DonationError(
      DonationErrorCode.CONTACT_MERGED,
      `contact ${contactId} was merged into ${survivorId}; its gifts are the survivor's`,
      [],
      { mergedInto: survivorId },
    );
  }
}
