export type AuthErrorReason =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'bad-signature'
  | 'bad-issuer'
  | 'bad-audience'
  | 'bad-claims';

/** Why a token was refused. The gateway answers 401 for every reason; the reason is logged. */
export class AuthError extends Error {
  readonly reason: AuthErrorReason;

  constructor(reason: AuthErrorReason, message?: string) {
    super(message ?? `token rejected: ${reason}`);
    this.name = 'AuthError';
    this.reason = reason;
  }
}
