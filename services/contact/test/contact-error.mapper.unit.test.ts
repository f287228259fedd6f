import * as grpc from '@grpc/grpc-js';
import type { DomainError } from '@kith/errors';
import { StatusError } from '@kith/grpc-kit';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import { ContactImportError, ContactImportErrorCode } from '../src/domain/contact-import-error';
import { mergedContactNotFound } from '../src/domain/contact-merge';
import { CustomFieldError, CustomFieldErrorCode } from '../src/domain/custom-field-error';
import { HouseholdError, HouseholdErrorCode } from '../src/domain/household-error';
import { MatchingRulesError, MatchingRulesErrorCode } from '../src/domain/matching-rules-error';
import { RelationshipError, RelationshipErrorCode } from '../src/domain/relationship-error';
import {
  RelationshipTypeError,
  RelationshipTypeErrorCode,
} from '../src/domain/relationship-type-error';
import {
  CONTACT_IMPORT_ERROR_STATUSES,
  contactErrorToStatus,
  CUSTOM_FIELD_ERROR_STATUSES,
  HOUSEHOLD_ERROR_STATUSES,
  mapContactError,
  MATCHING_RULES_ERROR_STATUSES,
  RELATIONSHIP_ERROR_STATUSES,
  RELATIONSHIP_TYPE_ERROR_STATUSES,
} from '../src/grpc/contact-error.mapper';

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

describe('household errors', () => {
  it.each([
    [HouseholdErrorCode.NOT_FOUND, grpc.status.NOT_FOUND],
    [HouseholdErrorCode.VALIDATION_FAILED, grpc.status.INVALID_ARGUMENT],
    [HouseholdErrorCode.VERSION_CONFLICT, grpc.status.ABORTED],
    [HouseholdErrorCode.ALREADY_DELETED, grpc.status.FAILED_PRECONDITION],
    [HouseholdErrorCode.ALREADY_EXISTS, grpc.status.ALREADY_EXISTS],
    [HouseholdErrorCode.FAILED_PRECONDITION, grpc.status.FAILED_PRECONDITION],
  ])('maps %s to gRPC status %d', (code, status) => {
    expect(mapContactError(new HouseholdError(code, 'x'))?.code).toBe(status);
  });

  it('has a status for every code there is', () => {
    expect(Object.keys(HOUSEHOLD_ERROR_STATUSES).sort()).toEqual(
      Object.values(HouseholdErrorCode).sort(),
    );
  });

  it('says a household is invalid, not a contact, and passes its field errors on', () => {
    const fieldErrors = [{ field: 'nameOverride', message: 'is longer than 200 characters' }];

    const status = mapContactError(HouseholdError.validation(fieldErrors));

    expect(status?.message).toBe('invalid household: nameOverride: is longer than 200 characters');
    expect(status?.fieldErrors).toEqual(fieldErrors);
  });

  it('passes the field at fault on with a failed precondition', () => {
    const refused = new HouseholdError(
      HouseholdErrorCode.FAILED_PRECONDITION,
      'contact c is an organization',
      [{ field: 'contactId', message: 'only people can join a household' }],
    );

    expect(mapContactError(refused)?.fieldErrors).toEqual([
      { field: 'contactId', message: 'only people can join a household' },
    ]);
  });
});

describe('relationship errors', () => {
  it.each([
    [RelationshipErrorCode.NOT_FOUND, grpc.status.NOT_FOUND],
    [RelationshipErrorCode.VALIDATION_FAILED, grpc.status.INVALID_ARGUMENT],
    [RelationshipErrorCode.VERSION_CONFLICT, grpc.status.ABORTED],
    [RelationshipErrorCode.ALREADY_DELETED, grpc.status.FAILED_PRECONDITION],
    [RelationshipErrorCode.ALREADY_EXISTS, grpc.status.ALREADY_EXISTS],
    [RelationshipErrorCode.FAILED_PRECONDITION, grpc.status.FAILED_PRECONDITION],
  ])('maps %s to gRPC status %d', (code, status) => {
    expect(mapContactError(new RelationshipError(code, 'x'))?.code).toBe(status);
  });

  it('has a status for every code there is', () => {
    expect(Object.keys(RELATIONSHIP_ERROR_STATUSES).sort()).toEqual(
      Object.values(RelationshipErrorCode).sort(),
    );
  });

  it('says a relationship is invalid, not a contact', () => {
    const status = mapContactError(
      RelationshipError.validation([{ field: 'contactBId', message: 'is the same contact' }]),
    );

    expect(status?.message).toBe('invalid relationship: contactBId: is the same contact');
  });
});

/** The status each code of a resource error answers with, whichever resource raised it. */
const RESOURCE_STATUS_OF_CODE: Record<string, grpc.status> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  VALIDATION_FAILED: grpc.status.INVALID_ARGUMENT,
  VERSION_CONFLICT: grpc.status.ABORTED,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
};

interface ResourceCase {
  subject: string;
  codes: string[];
  table: object;
  make: (code: string) => DomainError<string, object>;
  invalid: DomainError<string, object>;
  expected: string;
}

describe.each<ResourceCase>([
  {
    subject: 'relationship type',
    codes: Object.values(RelationshipTypeErrorCode),
    table: RELATIONSHIP_TYPE_ERROR_STATUSES,
    make: (code: string) => new RelationshipTypeError(code as RelationshipTypeErrorCode, 'x'),
    invalid: RelationshipTypeError.validation([{ field: 'labelAToB', message: 'is required' }]),
    expected: 'invalid relationship type: labelAToB: is required',
  },
  {
    subject: 'custom field',
    codes: Object.values(CustomFieldErrorCode),
    table: CUSTOM_FIELD_ERROR_STATUSES,
    make: (code: string) => new CustomFieldError(code as CustomFieldErrorCode, 'x'),
    invalid: CustomFieldError.validation([{ field: 'label', message: 'is required' }]),
    expected: 'invalid custom field: label: is required',
  },
  {
    subject: 'import',
    codes: Object.values(ContactImportErrorCode),
    table: CONTACT_IMPORT_ERROR_STATUSES,
    make: (code: string) => new ContactImportError(code as ContactImportErrorCode, 'x'),
    invalid: ContactImportError.validation([{ field: 'rows', message: 'at most 500 rows' }]),
    expected: 'invalid import: rows: at most 500 rows',
  },
  {
    subject: 'matching rules',
    codes: Object.values(MatchingRulesErrorCode),
    table: MATCHING_RULES_ERROR_STATUSES,
    make: (code: string) => new MatchingRulesError(code as MatchingRulesErrorCode, 'x'),
    invalid: MatchingRulesError.validation([{ field: 'threshold', message: 'must be 1 or more' }]),
    expected: 'invalid matching rules: threshold: must be 1 or more',
  },
])('$subject errors', ({ codes, table, make, invalid, expected }) => {
  it.each(codes)('maps %s as every resource does', (code) => {
    expect(mapContactError(make(code))?.code).toBe(RESOURCE_STATUS_OF_CODE[code]);
  });

  it('has a status for every code there is, and no other', () => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });

  it('names its own subject when invalid, not a contact, and passes the field errors on', () => {
    const status = mapContactError(invalid);

    expect(status?.message).toBe(expected);
    expect(status?.fieldErrors).toEqual(invalid.fieldErrors);
  });
});

it('passes the fields at fault on with a refused custom field change', () => {
  const refused = CustomFieldError.refused('the type of level is text', [
    { field: 'type', message: 'cannot change' },
  ]);

  const status = mapContactError(refused);

  expect(status?.code).toBe(grpc.status.FAILED_PRECONDITION);
  expect(status?.fieldErrors).toEqual([{ field: 'type', message: 'cannot change' }]);
});
