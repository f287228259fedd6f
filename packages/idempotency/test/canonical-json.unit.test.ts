import { canonicalJson, requestFingerprint } from '../src';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same request in another key order', () => {
    expect(requestFingerprint('CreateContact', { a: 1, b: 2 })).toBe(
      requestFingerprint('CreateContact', { b: 2, a: 1 }),
    );
  });

  it('differs for another operation or another request', () => {
    const base = requestFingerprint('CreateContact', { a: 1 });

    expect(requestFingerprint('CreateHousehold', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('CreateContact', { a: 2 })).not.toBe(base);
  });
});
