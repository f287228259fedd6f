import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthError, createJwtVerifier, mintJwt } from '../src';
import type { AuthErrorReason, Claims } from '../src';

const issuer = 'kith-test';
const audience = 'kith-api';
const hs256Secret = 'a-test-secret-that-is-long-enough';
const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const claims: Claims = { sub: 'user-1', tenant: 'tenant-a', roles: ['fundraiser', 'analyst'] };
const verify = createJwtVerifier({ issuer, audience, hs256Secret, rs256PublicKey: publicKey });

function reasonFor(token: string | undefined): AuthErrorReason | 'accepted' {
  try {
    verify(token);
    return 'accepted';
  } catch (err) {
    if (err instanceof AuthError) return err.reason;
    throw err;
  }
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('createJwtVerifier', () => {
  it('accepts a valid HS256 token and returns its claims', () => {
    const token = mintJwt(claims, { issuer, audience, hs256Secret });

    expect(verify(token)).toEqual(claims);
  });

  it('accepts a valid RS256 token and returns its claims', () => {
    const token = mintJwt(claims, { issuer, audience, rs256PrivateKey: privateKey });

    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('RS256');
    expect(verify(token)).toEqual(claims);
  });

  it('rejects an expired token', () => {
    const token = mintJwt(claims, { issuer, audience, hs256Secret, expiresInSeconds: -60 });

    expect(reasonFor(token)).toBe('expired');
  });

  it('rejects a token from another issuer', () => {
    const token = mintJwt(claims, { issuer: 'someone-else', audience, hs256Secret });

    expect(reasonFor(token)).toBe('bad-issuer');
  });

  it('rejects a token for another audience', () => {
    const token = mintJwt(claims, { issuer, audience: 'other-api', hs256Secret });

    expect(reasonFor(token)).toBe('bad-audience');
  });

  it('rejects a token signed with another secret', () => {
    const token = mintJwt(claims, { issuer, audience, hs256Secret: 'not-the-real-secret-value' });

    expect(reasonFor(token)).toBe('bad-signature');
  });

  it('rejects an HS256 token signed with the RS256 public key text (algorithm confusion)', () => {
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const now = Math.floor(Date.now() / 1000);
    const body = base64url({ ...claims, iss: issuer, aud: audience, iat: now, exp: now + 600 });
    const signature = createHmac('sha256', publicKey)
      .update(`${header}.${body}`)
      .digest('base64url');

    expect(reasonFor(`${header}.${body}.${signature}`)).toBe('bad-signature');
  });

  it('rejects an HS256 token when only an RS256 key is configured', () => {
    const rsOnly = createJwtVerifier({ issuer, audience, rs256PublicKey: publicKey });
    const token = mintJwt(claims, { issuer, audience, hs256Secret });

    expect(() => rsOnly(token)).toThrow(expect.objectContaining({ reason: 'bad-signature' }));
  });

  it('rejects an unsigned token (alg none)', () => {
    const token = `${base64url({ alg: 'none' })}.${base64url({ ...claims, iss: issuer, aud: audience })}.`;

    expect(reasonFor(token)).toBe('bad-signature');
  });

  it('rejects a token with an unknown role', () => {
    const token = jwt.sign({ sub: 'u', tenant: 't', roles: ['admin', 'superuser'] }, hs256Secret, {
      issuer,
      audience,
      expiresIn: 60,
    });

    expect(reasonFor(token)).toBe('bad-claims');
  });

  it('rejects a token without a tenant', () => {
    const token = jwt.sign({ sub: 'u', roles: ['admin'] }, hs256Secret, {
      issuer,
      audience,
      expiresIn: 60,
    });

    expect(reasonFor(token)).toBe('bad-claims');
  });

  it('rejects a token without an expiry', () => {
    const token = jwt.sign({ ...claims }, hs256Secret, { issuer, audience });

    expect(reasonFor(token)).toBe('bad-claims');
  });

  it('reports a missing token and a malformed one', () => {
    expect(reasonFor(undefined)).toBe('missing');
    expect(reasonFor('')).toBe('missing');
    expect(reasonFor('not-a-jwt')).toBe('malformed');
  });
});

describe('mintJwt', () => {
  it('refuses to mint without a key', () => {
    expect(() => mintJwt(claims, { issuer, audience })).toThrow(/needs/);
  });
});
