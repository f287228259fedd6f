import { ContactError } from '../src/domain/contact-error';
import {
  DEFAULT_PAGE_SIZE,
  decodePageToken,
  encodePageToken,
  parseListQuery,
} from '../src/domain/contact-list-query';

const ID = '01900000-0000-7000-8000-000000000001';

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContactError) return err.fieldErrors.map((e) => e.field);
    throw err;
  }
  return [];
}

describe('page tokens', () => {
  it('round-trips the last id', () => {
    expect(decodePageToken(encodePageToken(ID))).toBe(ID);
  });

  it('does not show the id in plain text', () => {
    expect(encodePageToken(ID)).not.toContain(ID);
  });

  it('rejects a token it did not issue', () => {
    expect(decodePageToken(Buffer.from(ID).toString('base64url'))).toBeUndefined();
    expect(decodePageToken('garbage!')).toBeUndefined();
  });
});

describe('parseListQuery', () => {
  it('uses the default page size for 0', () => {
    expect(parseListQuery({ tenantId: 't', pageSize: 0 }).pageSize).toBe(DEFAULT_PAGE_SIZE);
  });

  it('refuses a page size over the maximum', () => {
    expect(fieldsOf(() => parseListQuery({ tenantId: 't', pageSize: 201 }))).toEqual(['pageSize']);
  });

  it('refuses a foreign page token', () => {
    expect(fieldsOf(() => parseListQuery({ tenantId: 't', pageToken: 'abc' }))).toEqual([
      'pageToken',
    ]);
  });

  it('normalizes filters like the stored values', () => {
    const query = parseListQuery({
      tenantId: 't',
      namePrefix: ' Zoë ',
      email: ' Jane@Example.org',
      tag: ' VIP ',
      pageToken: encodePageToken(ID),
    });

    expect(query).toEqual({
      tenantId: 't',
      pageSize: DEFAULT_PAGE_SIZE,
      namePrefix: 'zoe',
      email: 'jane@example.org',
      tag: 'vip',
      afterId: ID,
    });
  });

  it('leaves out empty filters', () => {
    expect(parseListQuery({ tenantId: 't', namePrefix: '', email: '', tag: ' ' })).toEqual({
      tenantId: 't',
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });
});
