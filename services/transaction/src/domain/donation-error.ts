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
}

export class DonationError extends ResourceError<DonationErrorCode> {
  static readonly subject = 'donation';
  static readonly codes = DonationErrorCode;
}
