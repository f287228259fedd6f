import { DomainError } from '@kith/errors';
import type { ContactListPosition } from '../src/domain/contact';
import { DEFAULT_PAGE_SIZE, parseListQuery } from '../src/domain/contact-list-query';
import { householdPageTokens, parseHouseholdListQuery } from '../src/domain/household-validation';
import {
  chooseListingMode,
  contactPageTokens,
  hasNarrowingFilter,
  sampleLimit,
} from '../src/domain/contact-list-position';

const ID = '01900000-0000-7000-8000-000000000001';

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.fieldErrors.map((e) => e.field);
    throw err;
  }
  return [];
}

const BUCKET = '01900000-0000-7000-8000-0000000000b1';
const TENANT = 't';
const encode = (position: ContactListPosition) => contactPageTokens.encode(position, TENANT);
const decode = (token: string) => {
  const decoded = contactPageTokens.decode(token, TENANT);
  return decoded.ok ? decoded.position : undefined;
};
const narrowedToken = encode({ mode: 'narrowed', afterId: ID });

describe('listing positions', () => {
  it('round-trip a narrowed position, a position inside a bucket and the start of a bucket', () => {
    const narrowed = { mode: 'narrowed', afterId: ID } as const;
    const inside = { mode: 'buckets', bucket: BUCKET, afterId: ID } as const;
    const start = { mode: 'buckets', bucket: BUCKET } as const;

    expect(decode(encode(narrowed))).toEqual(narrowed);
    expect(decode(encode(inside))).toEqual(inside);
    expect(decode(encode(start))).toEqual(start);
  });

  it('do not show the id in plain text, and belong to their tenant', () => {
    expect(narrowedToken).not.toContain(ID);
    expect(contactPageTokens.decode(narrowedToken, 'other-tenant').ok).toBe(false);
  });

  it('are refused by the household listing, and its tokens by the contact listing', () => {
    const householdToken = householdPageTokens.encode(ID, TENANT);

    expect(
      fieldsOf(() => parseHouseholdListQuery({ tenantId: TENANT, pageToken: narrowedToken })),
    ).toEqual(['pageToken']);
    expect(
      fieldsOf(() => parseListQuery({ tenantId: TENANT, tag: 'x', pageToken: householdToken })),
    ).toEqual(['pageToken']);
  });

  it('refuse positions whose parts are not ids', () => {
    const forged = (position: unknown) => contactPageTokens.encode(position as never, TENANT);

    expect(
      decode(forged({ mode: 'buckets', bucket: BUCKET, afterId: 'not-an-id' })),
    ).toBeUndefined();
    expect(decode(forged({ mode: 'buckets', bucket: 'bucket' }))).toBeUndefined();
    expect(decode(forged({ mode: 'narrowed', afterId: ID, extra: 1 }))).toBeUndefined();
    expect(decode('garbage!')).toBeUndefined();
  });

  it('counts a tag, a name, an email or a search as narrowing, not kind or the flags', () => {
    expect(hasNarrowingFilter({ tag: 'vip' })).toBe(true);
    expect(hasNarrowingFilter({ namePrefix: 'zo' })).toBe(true);
    expect(hasNarrowingFilter({ email: 'a@b.org' })).toBe(true);
    expect(hasNarrowingFilter({ searchForms: ['jane'] })).toBe(true);
    expect(hasNarrowingFilter({ kind: 'person', doNotContact: false, deceased: true })).toBe(false);
  });
});

describe('chooseListingMode', () => {
  const tenantOf = (bucketCount: number, sampledMatches: number[] = []) => ({
    bucketCount,
    bucketSize: 100,
    sampledMatches,
  });

  it('reads buckets without a narrowing filter, whatever the tenant', () => {
    expect(chooseListingMode({ kind: 'person' }, tenantOf(1))).toBe('buckets');
  });

  it('narrows without a sample when the whole tenant is within what a narrowed page may sort', () => {
    expect(chooseListingMode({ tag: 'vip' }, tenantOf(5))).toBe('narrowed');
  });

  it('reads buckets when the sample says the filter matches more than that', () => {
    // 1,000 buckets: 1 match in each sampled bucket is ~1,000 in all.
    expect(chooseListingMode({ tag: 'donor' }, tenantOf(1000, [1, 1, 1]))).toBe('buckets');
    expect(chooseListingMode({ tag: 'board' }, tenantOf(1000, [0, 0, 1]))).toBe('narrowed');
  });

  it('samples no more per bucket than proves too many', () => {
    expect(sampleLimit({ bucketCount: 1000, bucketSize: 100 })).toBe(2);
    expect(sampleLimit({ bucketCount: 6, bucketSize: 100 })).toBe(85);
    expect(sampleLimit({ bucketCount: 2, bucketSize: 100 })).toBe(100);
  });
});

describe('parseListQuery', () => {
  it('resumes a whole-tenant listing from its bucket token', () => {
    const after = { mode: 'buckets', bucket: BUCKET, afterId: ID } as const;

    expect(parseListQuery({ tenantId: TENANT, pageToken: encode(after) }).after).toEqual(after);
  });

  it('resumes a bucket token with any filters, a narrowed one only with a narrowing filter', () => {
    const bucketToken = encode({ mode: 'buckets', bucket: BUCKET });

    expect(parseListQuery({ tenantId: 't', tag: 'vip', pageToken: bucketToken }).after).toEqual({
      mode: 'buckets',
      bucket: BUCKET,
    });
    expect(fieldsOf(() => parseListQuery({ tenantId: TENANT, pageToken: narrowedToken }))).toEqual([
      'pageToken',
    ]);
  });

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
      pageToken: narrowedToken,
    });

    expect(query).toEqual({
      tenantId: 't',
      pageSize: DEFAULT_PAGE_SIZE,
      namePrefix: 'zoe',
      email: 'jane@example.org',
      tag: 'vip',
      after: { mode: 'narrowed', afterId: ID },
    });
  });

  it('leaves out empty filters', () => {
    expect(parseListQuery({ tenantId: 't', namePrefix: '', email: '', tag: ' ' })).toEqual({
      tenantId: 't',
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });
});
