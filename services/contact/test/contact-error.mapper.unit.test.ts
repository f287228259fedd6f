import * as grpc from '@grpc/grpc-js';
import { StatusError } from '@kith/grpc-kit';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import { mergedContactNotFound } from '../src/domain/contact-merge';
import { contactErrorToStatus, mapContactError } from '../src/grpc/contact-error.mapper';

describe('contactErrorToStatus', () => {
  it.each([
    [ContactErrorCode.NOT_FOUND, grpc.status.NOT_FOUND],
    [ContactErrorCode.VALIDATION_FAILED, grpc.status.INVALID_ARGUMENT],
    [ContactErrorCode.VERSION_CONFLICT, grpc.status.ABORTED],
    [ContactErrorCode.ALREADY_DELETED, grpc.status.FAILED_PRECONDITION],
    [ContactErrorCode.ALREADY_EXISTS, grpc.status.ALREADY_EXISTS],
    [ContactErrorCode.FAILED_PRECONDITION, grpc.status.FAILED_PRECONDITION],
    [ContactErrorCode.BUSY, grpc.status.ABORTED],
  ])('maps %s to gRPC status %d', (code, status) => {
    expect(contactErrorToStatus(new ContactError(code, 'x')).code).toBe(status);
  });

  it('maps every code there is', () => {
    const codes = Object.values(ContactErrorCode);

    const statuses = codes.map((code) => contactErrorToStatus(new ContactError(code, 'x')));

    expect(statuses.every((s) => s instanceof StatusError)).toBe(true);
  });

  it('marks a busy record as retryable as it is with the ErrorInfo reason CONTACT_BUSY', () => {
    const status = contactErrorToStatus(ContactError.busy('contact c is being merged'));

    expect(status.errorInfo).toEqual({ reason: 'CONTACT_BUSY', metadata: {} });
  });

  it('names the survivor of a merged contact in an ErrorInfo on its NOT_FOUND', () => {
    const status = contactErrorToStatus(mergedContactNotFound('c-old', 'c-new'));

    expect(status.code).toBe(grpc.status.NOT_FOUND);
    expect(status.errorInfo).toEqual({
      reason: 'CONTACT_MERGED',
      metadata: { survivorId: 'c-new' },
    });
  });

  it('names the survivor in an ErrorInfo when a merge is refused because the victim went elsewhere', () => {
    const refused = ContactError.failedPrecondition('contact v was merged into s', [], {
      mergedInto: 's',
    });

    const status = contactErrorToStatus(refused);

    expect(status.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(status.errorInfo).toEqual({ reason: 'CONTACT_MERGED', metadata: { survivorId: 's' } });
  });

  it('sends no ErrorInfo for a contact that is simply not there', () => {
    expect(contactErrorToStatus(ContactError.notFound('c-1')).errorInfo).toBeUndefined();
  });

  it('passes field errors on with INVALID_ARGUMENT', () => {
    const fieldErrors = [{ field: 'emails[0].address', message: 'is not a valid email address' }];

    const status = contactErrorToStatus(ContactError.validation(fieldErrors));

    expect(status.fieldErrors).toEqual(fieldErrors);
  });
});

describe('mapContactError', () => {
  it('leaves errors that are not ContactErrors to the caller', () => {
    expect(mapContactError(new Error('database down'))).toBeUndefined();
  });
});
