import jwt from 'jsonwebtoken';
import type { Claims } from './roles';

export interface MintJwtOptions {
  issuer: string;
  audience: string;
  hs256Secret?: string;
  /** PEM private key; when given the token is RS256, otherwise HS256 with hs256Secret. */
  rs256PrivateKey?: string;
  /** Defaults to one hour. */
  expiresInSeconds?: number;
}

/** Signs a token for tests, tools and local development; production tokens come from the IdP. */
export function mintJwt(claims: Claims, opts: MintJwtOptions): string {
  const payload = { sub: claims.sub, tenant: claims.tenant, roles: claims.roles };
  const signOptions: jwt.SignOptions = {
    issuer: opts.issuer,
    audience: opts.audience,
    expiresIn: opts.expiresInSeconds ?? 3600,
  };
  if (opts.rs256PrivateKey) {
    return jwt.sign(payload, opts.rs256PrivateKey, { ...signOptions, algorithm: 'RS256' });
  }
  if (opts.hs256Secret) {
    return jwt.sign(payload, opts.hs256Secret, { ...signOptions, algorithm: 'HS256' });
  }
  throw new Error('mintJwt needs hs256Secret or rs256PrivateKey');
}
