import { ContactError } from '../src/domain/contact-error';
import { DEFAULT_PAGE_SIZE, parseListQuery } from '../src/domain/contact-list-query';
import {
  decodeListPosition,
  decodePageToken,
  encodeListPosition,
  encodePageToken,
  chooseListingMode,
  hasNarrowingFilter,
  sampleLimit,
} from '../src/domain/contact-list-position';

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

const BUCKET = '01900000-0000-7000-8000-0000000000b1';

describe('listing positions', () => {
  it('round-trips a position inside a bucket and the start of a bucket', () => {
    const inside = { mode: 'buckets', bucket: BUCKET, afterId: ID } as const;
    const start = { mode: 'buckets', bucket: BUCKET } as const;

    expect(decodeListPosition(encodeListPosition(inside))).toEqual(inside);
    expect(decodeListPosition(encodeListPosition(start))).toEqual(start);
  });

  it('reads a narrowed listing’s token as the id it resumes after', () => {
    expect(decodeListPosition(encodePageToken(ID))).toEqual({ mode: 'narrowed', afterId: ID });
  });

  it('refuses a bucket token whose parts are not ids', () => {
    const forged = (text: string) => Buffer.from(text).toString('base64url');

    expect(decodeListPosition(forged(`c2:${BUCKET}:not-an-id`))).toBeUndefined();
    expect(decodeListPosition(forged(`c2:bucket:${ID}`))).toBeUndefined();
    expect(decodeListPosition(forged(`c2:${BUCKET}:${ID}:extra`))).toBeUndefined();
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

    expect(parseListQuery({ tenantId: 't', pageToken: encodeListPosition(after) }).after).toEqual(
      after,
    );
  });

  it('resumes a bucket token with any filters, a narrowed one only with a narrowing filter', () => {
    const bucketToken = encodeListPosition({ mode: 'buckets', bucket: BUCKET });

    expect(parseListQuery({ tenantId: 't', tag: 'vip', pageToken: bucketToken }).after).toEqual({
      mode: 'buckets',
      bucket: BUCKET,
    });
    expect(
      fieldsOf(() => parseListQuery({ tenantId: 't', pageToken: encodePageToken(ID) })),
    ).toEqual(['pageToken']);
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
      pageToken: encodePageToken(ID),
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
