// Small pieces every /v1 router over the contact service shares.
import type { Request, Response } from 'express';
import type { contactV1 } from '@kith/contracts';
import { resourceKindOf } from '../domain/contact-resource';
import type { ResourceKind } from '../domain/contact-resource';
import type { ContactGateway, RequestContext } from '../grpc/contact.client';
import { callerOf } from './auth.middleware';
import { GatewayError } from './problem';

export function requestContext(req: Request, res: Response): RequestContext {
  const caller = callerOf(res);
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: caller.roles,
    // Set by the idempotency middleware once the header passed validation (POST only).
    idempotencyKey: res.locals.idempotencyKey as string | undefined,
    traceparent: req.get('traceparent'),
    tracestate: req.get('tracestate'),
  };
}

/** Reads the record and hides other kinds: /organizations/{personId} is a 404. */
export async function fetchContactOfKind(
  contacts: ContactGateway,
  kind: ResourceKind,
  id: string,
  ctx: RequestContext,
): Promise<contactV1.Contact__Output> {
  const contact = await contacts.get(id, ctx);
  if (resourceKindOf(contact) !== kind || contact.deletedAt !== '') {
    throw new GatewayError('not-found', `No ${kind} with this id.`);
  }
  return contact;
}

export function methodNotAllowed(allow: string) {
  return () => {
    throw new GatewayError('method-not-allowed', `Allowed: ${allow}.`, [], { Allow: allow });
  };
}
