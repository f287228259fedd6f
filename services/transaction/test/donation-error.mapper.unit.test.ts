// Every DonationErrorCode answers its gRPC status, with the field errors or ErrorInfo the
// gateway maps to problem+json (typed cases: a new code does not compile until listed).
import * as grpc from '@grpc/grpc-js';
import { readErrorInfo, readFieldErrors } from '@kith/grpc-kit';
import type { DonationErrorCode } from '../src/domain/donation-error';
import { DonationError } from '../src/domain/donation-error';
import { mapDonationError } from '../src/grpc/donation-error.mapper';

const field = [{ field: 'amount.amountMinor', message: 'must be greater than zero' }];
const cases: Record<DonationErrorCode, [DonationError, grpc.status]> = {
  NOT_FOUND: [DonationError.notFound('d-1'), grpc.status.NOT_FOUND],
  VALIDATION_FAILED: [DonationError.validation(field), grpc.status.INVALID_ARGUMENT],
  VERSION_CONFLICT: [DonationError.versionConflict('d-1', 1, 2), grpc.status.ABORTED],
  FAILED_PRECONDITION: [DonationError.refused('left: 10', field), grpc.status.FAILED_PRECONDITION],
  CONTACT_MERGED: [DonationError.contactMerged('c-1', 'c-2'), grpc.status.NOT_FOUND],
};

describe('mapDonationError', () => {
  it.each(Object.entries(cases))(
    'maps %s to its status with its message',
    (_code, [err, status]) => {
      const mapped = mapDonationError(err);
      expect(mapped?.code).toBe(status);
      expect(mapped?.message).toBe(err.message);
    },
  );

  it('carries field errors on INVALID_ARGUMENT and FAILED_PRECONDITION', () => {
    for (const err of [cases.VALIDATION_FAILED[0], cases.FAILED_PRECONDITION[0]]) {
      expect(readFieldErrors(mapDonationError(err)!.toServiceError() as grpc.ServiceError)).toEqual(
        field,
      );
    }
  });

  it("names a merged contact's survivor as the contact service does", () => {
    const mapped = mapDonationError(cases.CONTACT_MERGED[0])!.toServiceError() as grpc.ServiceError;
    expect(readErrorInfo(mapped)).toEqual({
      reason: 'CONTACT_MERGED',
      metadata: { survivorId: 'c-2' },
    });
  });

  it('leaves any other error unmapped (INTERNAL)', () => {
    expect(mapDonationError(new Error('boom'))).toBeUndefined();
  });
});
