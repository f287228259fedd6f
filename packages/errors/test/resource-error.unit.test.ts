import { DomainError, ResourceError } from '../src';

enum ParcelErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  ALREADY_DELETED = 'ALREADY_DELETED',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

class ParcelError extends ResourceError<ParcelErrorCode> {
  static readonly subject = 'parcel';
  static readonly codes = ParcelErrorCode;
}

/** A resource that is never deleted: its enum has no ALREADY_DELETED. */
enum LabelErrorCode {
  NOT_FOUND = 'NOT_FOUND',
}

class LabelError extends ResourceError<LabelErrorCode> {
  static readonly subject = 'shipping label';
  static readonly codes = LabelErrorCode;
}

describe('ResourceError', () => {
  it.each([
    [ParcelError.notFound('p-1'), ParcelErrorCode.NOT_FOUND, 'parcel p-1 not found'],
    [
      ParcelError.versionConflict('p-1', 2, 3),
      ParcelErrorCode.VERSION_CONFLICT,
      'parcel p-1 is at version 3, not the expected version 2',
    ],
    [
      ParcelError.versionConflict('p-1', 2),
      ParcelErrorCode.VERSION_CONFLICT,
      'parcel p-1 has changed, not the expected version 2',
    ],
    [
      ParcelError.alreadyExists('parcel p-1 exists'),
      ParcelErrorCode.ALREADY_EXISTS,
      'parcel p-1 exists',
    ],
    [ParcelError.alreadyDeleted('p-1'), ParcelErrorCode.ALREADY_DELETED, 'parcel p-1 is deleted'],
    [
      ParcelError.refused('parcel p-1 is sealed'),
      ParcelErrorCode.FAILED_PRECONDITION,
      'parcel p-1 is sealed',
    ],
  ])('builds %s with its code and message', (err, code, message) => {
    expect({ code: err.code, message: err.message }).toEqual({ code, message });
  });

  it('builds an instance of the resource class, named after it', () => {
    const err = ParcelError.notFound('p-1');

    expect(err).toBeInstanceOf(ParcelError);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.name).toBe('ParcelError');
  });

  it('names the subject and keeps the field errors of a validation failure', () => {
    const fieldErrors = [{ field: 'weight', message: 'must be positive' }];

    const err = ParcelError.validation(fieldErrors);

    expect(err.message).toBe('invalid parcel: weight: must be positive');
    expect(err.fieldErrors).toEqual(fieldErrors);
  });

  it('passes the field at fault on with a refusal', () => {
    const err = ParcelError.refused('parcel p-1 is sealed', [
      { field: 'items', message: 'sealed' },
    ]);

    expect(err.fieldErrors).toEqual([{ field: 'items', message: 'sealed' }]);
  });

  it('uses a subject of several words as it is', () => {
    expect(LabelError.notFound('l-1').message).toBe('shipping label l-1 not found');
  });

  it('offers no constructor for a code the resource does not have', () => {
    // @ts-expect-error LabelErrorCode has no ALREADY_DELETED
    const err: unknown = LabelError.alreadyDeleted('l-1');

    // At run time the code is simply missing: the type is what refuses it.
    expect((err as LabelError).code).toBeUndefined();
  });
});
