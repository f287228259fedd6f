import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { InteractionError, InteractionErrorCode } from '../src/domain/interaction-error';
import { mapInteractionError } from '../src/grpc/interaction-error.mapper';

const FIELD = [{ field: 'participantContactIds[0]', message: 'c-1 is a deleted contact' }];

describe('the interaction error table', () => {
  it.each<[InteractionErrorCode, grpc.status, boolean]>([
    [InteractionErrorCode.NOT_FOUND, grpc.status.NOT_FOUND, false],
    [InteractionErrorCode.VALIDATION_FAILED, grpc.status.INVALID_ARGUMENT, true],
    [InteractionErrorCode.VERSION_CONFLICT, grpc.status.ABORTED, false],
    [InteractionErrorCode.ALREADY_DELETED, grpc.status.FAILED_PRECONDITION, false],
    [InteractionErrorCode.FAILED_PRECONDITION, grpc.status.FAILED_PRECONDITION, true],
  ])('maps %s to gRPC %s', (code, status, keepsFields) => {
    const mapped = mapInteractionError(new InteractionError(code, 'why', FIELD));

    expect(mapped?.code).toBe(status);
    expect(mapped?.message).toBe('why');
    expect(mapped?.fieldErrors).toEqual(keepsFields ? FIELD : []);
  });

  it('covers every code', () => {
    for (const code of Object.values(InteractionErrorCode)) {
      expect(mapInteractionError(new InteractionError(code, 'why'))).toBeDefined();
    }
  });

  it('names the survivor of a merged contact in the ErrorInfo', () => {
    const mapped = mapInteractionError(InteractionError.contactNotFound('c-1', 'c-2'));

    expect(mapped?.errorInfo).toEqual({
      reason: CONTACT_ERROR_REASONS.merged,
      metadata: { survivorId: 'c-2' },
    });
  });

  it('leaves errors of others unmapped', () => {
    expect(mapInteractionError(new Error('boom'))).toBeUndefined();
  });
});
