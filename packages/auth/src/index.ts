export { ROLES, isRole } from './roles';
export type { Claims, Role } from './roles';
export { AuthError } from './auth-error';
export type { AuthErrorReason } from './auth-error';
export { createJwtVerifier } from './jwt-verifier';
export type { JwtVerifier, JwtVerifierConfig } from './jwt-verifier';
export { mintJwt } from './jwt-minter';
export type { MintJwtOptions } from './jwt-minter';
