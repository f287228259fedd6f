import { buildPage, nextPageToken, parsePageRequest } from '../src/page-request';
import { pageTokens } from '../src/page-token';

const tokens = pageTokens('things', {
  isPosition: (value: unknown): value is string => typeof value === 'string',
});
const limits = { defaultSize: 50, maxSize: 200 };

describe('parsePageRequest', () => {
  it('uses the default size for 0 or none', () => {
    expect(parsePageRequest({}, tokens, limits)).toEqual({ pageSize: 50, errors: [] });
    expect(parsePageRequest({ pageSize: 0 }, tokens, limits).pageSize).toBe(50);
  });

  it('names the fields that are wrong', () => {
    const parsed = parsePageRequest({ pageSize: 201, pageToken: 'forged' }, tokens, limits);

    expect(parsed.errors.map((e) => e.field)).toEqual(['pageSize', 'pageToken']);
  });

  it('reads the position of a token issued for the same scope', () => {
    const pageToken = tokens.encode('last', { tenant: 't' });

    expect(parsePageRequest({ pageToken }, tokens, limits, { tenant: 't' }).after).toBe('last');
    expect(parsePageRequest({ pageToken }, tokens, limits, { tenant: 'u' }).errors).toHaveLength(1);
  });
});

describe('buildPage', () => {
  it('keeps pageSize items and starts the next page after the last', () => {
    expect(buildPage(['a', 'b', 'c'], 2, (last) => `after:${last}`)).toEqual({
      items: ['a', 'b'],
      next: 'after:b',
    });
  });

  it('has no next page when the extra row is missing', () => {
    expect(buildPage(['a', 'b'], 2, (last) => last)).toEqual({ items: ['a', 'b'] });
    expect(buildPage([], 2, (last) => last)).toEqual({ items: [] });
  });
});

describe('nextPageToken', () => {
  it('encodes the last item when the read found more', () => {
    expect(nextPageToken({ items: ['a', 'b'], hasMore: true }, (last) => `after:${last}`)).toBe(
      'after:b',
    );
  });

  it('is undefined on the last page, and on an empty one', () => {
    expect(nextPageToken({ items: ['a'], hasMore: false }, (last) => last)).toBeUndefined();
    expect(nextPageToken({ items: [], hasMore: true }, (last) => last)).toBeUndefined();
  });
});
