// Bearer-token authentication and role checks. The tenant, user and roles come from the
// verified token only; nothing in the request body, query or other headers can set them.
import { AuthError } from '@kith/auth';
import type { JwtVerifier } from '@kith/auth';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isAllowed } from '../domain/permissions';
import type { Permission } from '../domain/permissions';
import { GatewayError } from './problem';

export interface Caller {
  tenantId: string;
  userId: string;
  roles: string[];
}

const CHALLENGE = 'Bearer realm="kith"';

/** Reads `Authorization: Bearer <jwt>`; 401 problem (with WWW-Authenticate) otherwise. */
export function authenticate(verify: JwtVerifier): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const match = header === undefined ? null : /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match?.[1]) {
      throw new GatewayError('unauthenticated', 'Send Authorization: Bearer <token>.', [], {
        'WWW-Authenticate': CHALLENGE,
      });
    }
    try {
      const claims = verify(match[1]);
      const caller: Caller = { tenantId: claims.tenant, userId: claims.sub, roles: claims.roles };
      res.locals.caller = caller;
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      // The reason goes to the client only coarsely: enough to fix a client, not to probe keys.
      const detail =
        err.reason === 'expired' ? 'The token has expired.' : 'The token is not valid.';
      throw new GatewayError('unauthenticated', detail, [], {
        'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"`,
      });
    }
    next();
  };
}

/** The verified caller; only valid behind `authenticate`. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('callerOf used on a route without authenticate()');
  return caller;
}

export function requirePermission(permission: Permission): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!isAllowed(callerOf(res).roles, permission)) {
      throw new GatewayError('forbidden', `Your roles do not grant ${permission}.`);
    }
    next();
  };
}
