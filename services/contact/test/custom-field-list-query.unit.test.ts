import { CustomFieldError } from '../src/domain/custom-field-error';
import {
  DEFAULT_FIELD_PAGE_SIZE,
  encodeFieldPageToken,
  parseCustomFieldListQuery,
} from '../src/domain/custom-field-list-query';

const base = {
  tenantId: 't1',
  recordType: 'person',
  includeArchived: false,
  pageSize: 0,
  pageToken: '',
};

describe('parseCustomFieldListQuery', () => {
  it('defaults the page size and keeps the record type', () => {
    expect(parseCustomFieldListQuery(base)).toEqual({
      tenantId: 't1',
      recordType: 'person',
      includeArchived: false,
      pageSize: DEFAULT_FIELD_PAGE_SIZE,
    });
  });

  it('reads back the id from a token it issued for the same listing', () => {
    const query = parseCustomFieldListQuery(base);
    const token = encodeFieldPageToken(query, 't1:person:level');

    expect(parseCustomFieldListQuery({ ...base, pageToken: token }).afterId).toBe(
      't1:person:level',
    );
  });

  it('refuses a token issued for another record type', () => {
    const token = encodeFieldPageToken(parseCustomFieldListQuery(base), 't1:person:level');

    expect(() =>
      parseCustomFieldListQuery({ ...base, recordType: 'household', pageToken: token }),
    ).toThrow(CustomFieldError);
  });

  it('refuses a token naming another tenant’s id', () => {
    const token = encodeFieldPageToken(parseCustomFieldListQuery(base), 't2:person:level');

    expect(() => parseCustomFieldListQuery({ ...base, pageToken: token })).toThrow(
      CustomFieldError,
    );
  });

  it('refuses an unknown record type and an oversized page', () => {
    try {
      parseCustomFieldListQuery({ ...base, recordType: 'invoice', pageSize: 500 });
      throw new Error('expected a CustomFieldError');
    } catch (err) {
      expect((err as CustomFieldError).fieldErrors.map((e) => e.field)).toEqual([
        'recordType',
        'pageSize',
      ]);
    }
  });
});
