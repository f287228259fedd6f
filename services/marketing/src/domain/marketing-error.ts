// The errors of segments and campaigns: one code enum for the service, one ResourceError per
// aggregate family for its messages ("segment s-1 not found", "invalid campaign: …"); mapped
// to gRPC statuses in grpc/marketing-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum MarketingErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** Soft-deleted: it can no longer change. */
  ALREADY_DELETED = 'ALREADY_DELETED',
  /** Valid, but the state does not allow it (a campaign sent already, a deleted segment). */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export class SegmentError extends ResourceError<MarketingErrorCode> {
  static readonly subject = 'segment';
  static readonly codes = MarketingErrorCode;
}

export class CampaignError extends ResourceError<MarketingErrorCode> {
  static readonly subject = 'campaign';
  static readonly codes = MarketingErrorCode;
}

export type MarketingError = SegmentError | CampaignError;
