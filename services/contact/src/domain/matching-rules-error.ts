// The error of a tenant's matching rules: its own codes and messages ("invalid matching rules:
// ...", "matching rules are at version 2, not the expected version 1"). The rules always
// exist (the defaults at version 0 until a tenant stores its own), so there is no NOT_FOUND.
// Code values are the service's shared vocabulary (see household-error.ts). Mapped to gRPC
// statuses in grpc/contact-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum MatchingRulesErrorCode {
  /** The rule set or the expected version breaks a rule; `fieldErrors` says which and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The expected version is not the stored one: someone else replaced the rules. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
}

export class MatchingRulesError extends ResourceError<MatchingRulesErrorCode> {
  static readonly subject = 'matching rules';
  static readonly codes = MatchingRulesErrorCode;

  /** "matching rules are at version 2, not …"; `actual` unknown when a write won the race. */
  static conflict(expected: number, actual?: number): MatchingRulesError {
    const found = actual === undefined ? 'have changed' : `are at version ${actual}`;
    return new MatchingRulesError(
      MatchingRulesErrorCode.VERSION_CONFLICT,
      `matching rules ${found}, not the expected version ${expected}`,
    );
  }
}
