import { DomainError, hasErrorCode, invalidMessage } from '../src';

enum ParcelErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
}

class ParcelError extends DomainError<ParcelErrorCode, { survivorId: string }> {}

describe('DomainError', () => {
  it('carries its code, field errors and facts, and is named after its class', () => {
    const err = new ParcelError(ParcelErrorCode.NOT_FOUND, 'parcel p-1 not found', [], {
      survivorId: 'p-2',
    });

    expect(err).toBeInstanceOf(DomainError);
    expect(err).toBeInstanceOf(Error);
    expect({ name: err.name, code: err.code, facts: err.facts }).toEqual({
      name: 'ParcelError',
      code: 'NOT_FOUND',
      facts: { survivorId: 'p-2' },
    });
  });
});

describe('invalidMessage', () => {
  it('names the subject and every field at fault', () => {
    const message = invalidMessage('household', [
      { field: 'nameOverride', message: 'is too long' },
      { field: 'role', message: 'must be one of adult, child' },
    ]);

    expect(message).toBe(
      'invalid household: nameOverride: is too long; role: must be one of adult, child',
    );
  });
});

describe('hasErrorCode', () => {
  it('recognises a code of any DomainError and nothing else', () => {
    const conflict = new ParcelError(ParcelErrorCode.VERSION_CONFLICT, 'changed');

    expect(hasErrorCode(conflict, 'VERSION_CONFLICT')).toBe(true);
    expect(hasErrorCode(conflict, 'NOT_FOUND')).toBe(false);
    expect(hasErrorCode(new Error('VERSION_CONFLICT'), 'VERSION_CONFLICT')).toBe(false);
  });
});
