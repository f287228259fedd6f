// Every AnalyticsErrorCode answers its gRPC status (typed cases: a new code does not compile
// until listed).
import * as grpc from '@grpc/grpc-js';
import { readFieldErrors } from '@kith/grpc-kit';
import { AnalyticsError, type AnalyticsErrorCode } from '../src/domain/analytics-error';
import { mapAnalyticsError } from '../src/grpc/analytics-error.mapper';

const field = [{ field: 'fiscalYearStartMonth', message: 'must be a whole month from 1 to 12' }];
const cases: Record<AnalyticsErrorCode, [AnalyticsError, grpc.status]> = {
  NOT_FOUND: [AnalyticsError.rebuildNotFound('r-1'), grpc.status.NOT_FOUND],
  VALIDATION_FAILED: [AnalyticsError.validation(field), grpc.status.INVALID_ARGUMENT],
  VERSION_CONFLICT: [AnalyticsError.settingsConflict(1, 2), grpc.status.ABORTED],
  FAILED_PRECONDITION: [AnalyticsError.refused('a rebuild runs'), grpc.status.FAILED_PRECONDITION],
};

describe('mapAnalyticsError', () => {
  it.each(Object.entries(cases))(
    'maps %s to its status with its message',
    (_code, [err, status]) => {
      const mapped = mapAnalyticsError(err);
      expect(mapped?.code).toBe(status);
      expect(mapped?.message).toBe(err.message);
    },
  );

  it('carries field errors on INVALID_ARGUMENT', () => {
    const mapped = mapAnalyticsError(cases.VALIDATION_FAILED[0])!.toServiceError();
    expect(readFieldErrors(mapped as grpc.ServiceError)).toEqual(field);
  });

  it('leaves any other error unmapped (INTERNAL)', () => {
    expect(mapAnalyticsError(new Error('boom'))).toBeUndefined();
  });
});
