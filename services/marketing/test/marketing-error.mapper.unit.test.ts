// Every MarketingErrorCode answers its gRPC status, with the field errors the gateway maps to
// problem+json (typed cases: a new code does not compile until listed).
import * as grpc from '@grpc/grpc-js';
import { readFieldErrors } from '@kith/grpc-kit';
import {
  CampaignError,
  SegmentError,
  type MarketingErrorCode,
} from '../src/domain/marketing-error';
import { mapMarketingError } from '../src/grpc/marketing-error.mapper';

const field = [{ field: 'definition.currency', message: 'required for total' }];
const cases: Record<MarketingErrorCode, [SegmentError | CampaignError, grpc.status]> = {
  NOT_FOUND: [SegmentError.notFound('s-1'), grpc.status.NOT_FOUND],
  VALIDATION_FAILED: [SegmentError.validation(field), grpc.status.INVALID_ARGUMENT],
  VERSION_CONFLICT: [SegmentError.versionConflict('s-1', 1, 2), grpc.status.ABORTED],
  ALREADY_DELETED: [SegmentError.alreadyDeleted('s-1'), grpc.status.FAILED_PRECONDITION],
  FAILED_PRECONDITION: [
    CampaignError.refused('campaign c-1 is sent already', field),
    grpc.status.FAILED_PRECONDITION,
  ],
};

describe('mapMarketingError', () => {
  it.each(Object.entries(cases))(
    'maps %s to its status with its message',
    (_code, [err, status]) => {
      const mapped = mapMarketingError(err);
      expect(mapped?.code).toBe(status);
      expect(mapped?.message).toBe(err.message);
    },
  );

  it('carries field errors on INVALID_ARGUMENT and FAILED_PRECONDITION', () => {
    for (const err of [cases.VALIDATION_FAILED[0], cases.FAILED_PRECONDITION[0]]) {
      expect(
        readFieldErrors(mapMarketingError(err)!.toServiceError() as grpc.ServiceError),
      ).toEqual(field);
    }
  });

  it('leaves any other error unmapped (INTERNAL)', () => {
    expect(mapMarketingError(new Error('boom'))).toBeUndefined();
  });
});
