import { RelationshipError } from '../src/domain/relationship-error';
import {
  encodeRelationshipPageToken,
  encodeTypePageToken,
  pageOfTypes,
  parseRelationshipListQuery,
  parseTypeListQuery,
} from '../src/domain/relationship-list-query';

const TODAY = '2026-03-01';
const ID = '01900000-0000-7000-8000-000000000001';

describe('listing a contact’s relationships', () => {
  it('defaults to 50 current relationships', () => {
    expect(parseRelationshipListQuery({ tenantId: 't', contactId: 'c' }, TODAY)).toEqual({
      tenantId: 't',
      contactId: 'c',
      pageSize: 50,
      includeInactive: false,
      today: TODAY,
    });
  });

  it('continues after the id its page token carries', () => {
    const query = parseRelationshipListQuery(
      { tenantId: 't', contactId: 'c', pageToken: encodeRelationshipPageToken(ID) },
      TODAY,
    );

    expect(query.afterId).toBe(ID);
  });

  it('refuses a contact list token as a relationship token', () => {
    const contactToken = Buffer.from(`c1:${ID}`).toString('base64url');

    expect(() =>
      parseRelationshipListQuery({ tenantId: 't', contactId: 'c', pageToken: contactToken }, TODAY),
    ).toThrow(RelationshipError);
  });
});

describe('paging the type catalogue', () => {
  const types = ['a', 'b', 'c'].map((code) => ({ code }));

  it('gives the next page after the last code of a full page', () => {
    expect(pageOfTypes(types, 2, undefined)).toEqual({
      items: types.slice(0, 2),
      nextAfterCode: 'b',
    });
  });

  it('reads the code back from the token', () => {
    expect(parseTypeListQuery({ pageToken: encodeTypePageToken('b') })).toEqual({
      pageSize: 50,
      afterCode: 'b',
    });
  });

  it('ends without a next code on the last page', () => {
    expect(pageOfTypes(types, 2, 'b')).toEqual({ items: [{ code: 'c' }] });
  });
});
