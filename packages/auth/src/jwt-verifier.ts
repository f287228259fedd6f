import { createPublicKey, createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthError } from './auth-error';
import { isRole } from './roles';
import type { Claims } from './roles';

export interface JwtVerifierConfig {
  issuer: string;
  audience: string;
  hs256Secret?: string;
  /** PEM (SPKI or PKCS#1) public key. */
  rs256PublicKey?: string;
}

export type JwtVerifier = (token: string | undefined) => Claims;

/**
 * Verifies signature, `exp`, `iss`, `aud` and the claim shapes. The key is chosen by the
 * token's `alg` and each key only verifies its own algorithm, which closes the classic
 * confusion attack (an HS256 token "signed" with the RS256 public key text).
 */
export function createJwtVerifier(cfg: JwtVerifierConfig): JwtVerifier {
  const keys: Partial<Record<AcceptedAlg, KeyObject>> = {};
  if (cfg.hs256Secret) keys.HS256 = createSecretKey(Buffer.from(cfg.hs256Secret, 'utf8'));
  if (cfg.rs256PublicKey) keys.RS256 = createPublicKey(cfg.rs256PublicKey);
  if (!keys.HS256 && !keys.RS256) {
    throw new Error('createJwtVerifier needs hs256Secret or rs256PublicKey');
  }

  return (token) => {
    if (!token) throw new AuthError('missing');
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new AuthError('malformed');
    const alg = decoded.header.alg;
    const key = isAcceptedAlg(alg) ? keys[alg] : undefined;
    if (!isAcceptedAlg(alg) || !key) {
      throw new AuthError('bad-signature', `algorithm not accepted: ${alg}`);
    }

    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, { algorithms: [alg] }) as jwt.JwtPayload;
    } catch (err) {
      throw toAuthError(err);
    }
    if (payload.exp === undefined) throw new AuthError('bad-claims', 'exp is required');
    if (payload.iss !== cfg.issuer) throw new AuthError('bad-issuer');
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!aud.includes(cfg.audience)) throw new AuthError('bad-audience');
    return readClaims(payload);
  };
}

type AcceptedAlg = 'HS256' | 'RS256';

function isAcceptedAlg(alg: string): alg is AcceptedAlg {
  return alg === 'HS256' || alg === 'RS256';
}

function toAuthError(err: unknown): AuthError {
  if (err instanceof jwt.TokenExpiredError) return new AuthError('expired');
  if (err instanceof jwt.NotBeforeError) return new AuthError('bad-claims', 'token not yet valid');
  if (err instanceof jwt.JsonWebTokenError && err.message === 'jwt malformed') {
    return new AuthError('malformed');
  }
  // Everything else jsonwebtoken refuses (invalid signature, wrong algorithm, key type) means
  // the signature cannot be trusted.
  return new AuthError('bad-signature', err instanceof Error ? err.message : undefined);
}

function readClaims(payload: jwt.JwtPayload): Claims {
  const { sub, tenant, roles } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw new AuthError('bad-claims', 'bad sub');
  if (typeof tenant !== 'string' || tenant.length === 0) {
    throw new AuthError('bad-claims', 'bad tenant');
  }
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new AuthError('bad-claims', 'roles must be a list of known roles');
  }
  return { sub, tenant, roles: [...new Set(roles)] };
}
