// The error of the analytics service: its own codes and messages ("invalid analytics settings:
// ...", "rebuild r-1 not found"), built on @kith/errors' ResourceError; mapped to gRPC
// statuses in grpc/analytics-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum AnalyticsErrorCode {
  /** No such rebuild in this tenant. */
  NOT_FOUND = 'NOT_FOUND',
  /** The request breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else changed the settings. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** Valid, but not now: another rebuild of the tenant is running. */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export class AnalyticsError extends ResourceError<AnalyticsErrorCode> {
  static readonly subject = 'analytics';
  static readonly codes = AnalyticsErrorCode;

  static rebuildNotFound(id: string): AnalyticsError {
    return new AnalyticsError(AnalyticsErrorCode.NOT_FOUND, `rebuild ${id} not found`);
  }

  static settingsConflict(expected: number, actual?: number): AnalyticsError {
    const found = actual === undefined ? 'have changed' : `are at version ${actual}`;
    return new AnalyticsError(
      AnalyticsErrorCode.VERSION_CONFLICT,
      `analytics settings ${found}, not the expected version ${expected}`,
    );
  }
}
