import { MAX_PAGE_TOKEN_LENGTH, pageTokens, scopeFingerprint } from '../src/page-token';

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const contacts = pageTokens('contacts', { isPosition: isId });
const households = pageTokens('households', { isPosition: isId });

describe('page tokens', () => {
  it('round-trips a position within its listing and scope', () => {
    const token = contacts.encode('id-7', { tenant: 't1' });

    expect(contacts.decode(token, { tenant: 't1' })).toEqual({ ok: true, position: 'id-7' });
  });

  it('refuses a token of another listing, as the issue found households accepting contacts’', () => {
    expect(households.decode(contacts.encode('id-7'))).toEqual({
      ok: false,
      reason: 'other-listing',
    });
  });

  it('refuses a token issued for another scope', () => {
    const token = contacts.encode('id-7', { tenant: 't1', tag: 'vip' });

    expect(contacts.decode(token, { tenant: 't1', tag: 'donor' })).toEqual({
      ok: false,
      reason: 'other-listing',
    });
    expect(contacts.decode(token, { tenant: 't1' }).ok).toBe(false);
  });

  it('refuses a token of another format version and a position that fails the check', () => {
    const v2 = pageTokens('contacts', { version: 2, isPosition: isId });
    const forged = Buffer.from(JSON.stringify(['contacts', 1, '', 42])).toString('base64url');

    expect(v2.decode(contacts.encode('id-7'))).toEqual({ ok: false, reason: 'malformed' });
    expect(contacts.decode(forged)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('answers malformed for text that is not a token', () => {
    for (const text of ['', 'garbage!', Buffer.from('[1,2]').toString('base64url'), 'e30']) {
      expect(contacts.decode(text)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('decodes a token of MAX_PAGE_TOKEN_LENGTH characters and refuses a longer one unread', () => {
    // Base64 of n bytes is ceil(4n / 3) characters: find the longest position that fits.
    const tokenOf = (n: number) => contacts.encode('x'.repeat(n));
    let n = 1;
    while (tokenOf(n + 1).length <= MAX_PAGE_TOKEN_LENGTH) n++;

    expect(tokenOf(n)).toHaveLength(MAX_PAGE_TOKEN_LENGTH);
    expect(contacts.decode(tokenOf(n))).toEqual({ ok: true, position: 'x'.repeat(n) });
    expect(tokenOf(n + 1).length).toBeGreaterThan(MAX_PAGE_TOKEN_LENGTH);
    expect(contacts.decode(tokenOf(n + 1))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('does not show the position in plain text', () => {
    expect(contacts.encode('0190abcd-position')).not.toContain('0190abcd');
  });
});

describe('scopeFingerprint', () => {
  it('ignores key order and empty values', () => {
    expect(scopeFingerprint({ a: 1, b: 'x', c: '' })).toBe(scopeFingerprint({ b: 'x', a: 1 }));
    expect(scopeFingerprint({ a: 1, n: null, u: undefined })).toBe(scopeFingerprint({ a: 1 }));
  });

  it('tells different values apart, nested ones too', () => {
    expect(scopeFingerprint({ cf: { score: '1' } })).not.toBe(
      scopeFingerprint({ cf: { score: '2' } }),
    );
    expect(scopeFingerprint({ a: true })).not.toBe(scopeFingerprint({ a: false }));
  });
});
