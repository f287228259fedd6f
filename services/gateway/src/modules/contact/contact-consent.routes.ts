// Communication preferences of one contact: POST records a consent change for a channel
// (with where, when and the wording), GET shows the current state and the full history.
// No If-Match: a sign-up form cannot know the version, and a consent never overwrites
// another (the service keeps every record and lets the latest captured one win). POST takes
// an Idempotency-Key like every create; the service also dedupes by it (record id).
import { Router } from 'express';
import type { z } from 'zod';
import type { ResourceKind } from './contact.mapper';
import {
  toCommunicationResource,
  toConsentRecordResource,
  toReachabilityResource,
} from './contact.mapper';
import type { ContactGateway } from '../../grpc/contact.client';
import { requirePermission } from '../../http/auth.middleware';
import { contactInPath } from '../../domain/idempotency';
import { idempotency, type IdempotencyOptions } from '../../http/idempotency.middleware';
import { fetchContactOfKind, methodNotAllowed, requestContext } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import { RecordConsentBodySchema } from './consent.schema';
import { parseOrThrow } from '../../http/validation';

export function consentRouter(
  kind: ResourceKind,
  path: string,
  deps: { contacts: ContactGateway; idempotency: IdempotencyOptions },
): Router {
  const { contacts } = deps;
  const router = Router();
  router
    .route(`${path}/:id/consents`)
    .get(requirePermission('contact:read'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const ctx = requestContext(req, res);
      const contact = await fetchContactOfKind(contacts, kind, id, ctx);
      const history = await contacts.consentHistory(id, ctx);
      res.json({
        communication: toCommunicationResource(contact.communication),
        reachability: toReachabilityResource(contact.reachability),
        history: history.map(toConsentRecordResource),
      });
    })
    .post(
      requirePermission('contact:write'),
      (req, _res, next) => {
        // Validate before the idempotency claim: an invalid request claims no key.
        parseOrThrow(IdParamsSchema, req.params, 'path');
        req.body = parseOrThrow(RecordConsentBodySchema, req.body, 'body');
        next();
      },
      idempotency(deps.idempotency, contactInPath('id')),
      async (req, res) => {
        const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
        const body = req.body as z.output<typeof RecordConsentBodySchema>;
        const ctx = requestContext(req, res);
        // Refuse another kind's id before anything is written.
        await fetchContactOfKind(contacts, kind, id, ctx);
        const { contact, record } = await contacts.recordConsent(
          {
            contactId: id,
            channel: body.channel,
            status: body.status,
            source: body.source,
            capturedAt: body.capturedAt ?? '',
            statement: body.statement ?? '',
            campaignId: body.campaignId ?? '',
          },
          ctx,
        );
        res.status(201).json({
          consent: toConsentRecordResource(record),
          version: Number(contact.version),
          communication: toCommunicationResource(contact.communication),
          reachability: toReachabilityResource(contact.reachability),
        });
      },
    )
    .all(methodNotAllowed('GET, POST'));
  return router;
}
