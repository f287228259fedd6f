// GET /v1/{contacts,organizations}/{id}/audit: who changed what and when, oldest first.
// The cursor is the contact service's own page token, passed through unchanged.
import { Router } from 'express';
import { toAuditEntryResource, type ResourceKind } from './contact.mapper';
import type { ContactGateway } from '../../grpc/contact.client';
import { requirePermission } from '../../http/auth.middleware';
import {
  fetchContactOfKind,
  listing,
  methodNotAllowed,
  requestContext,
} from '../../http/route-helpers';
import { AuditQuerySchema } from './audit.schema';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import { parseOrThrow, parseQuery } from '../../http/validation';

export function auditRouter(kind: ResourceKind, path: string, contacts: ContactGateway): Router {
  const router = Router();
  router
    .route(`${path}/:id/audit`)
    .get(
      requirePermission('contact:audit'),
      listing(`this ${kind}'s audit trail`),
      async (req, res) => {
        const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
        const query = parseQuery(AuditQuerySchema, req.query);
        const ctx = requestContext(req, res);
        await fetchContactOfKind(contacts, kind, id, ctx);
        const page = await contacts.audit(
          { contactId: id, pageSize: query.limit, pageToken: query.cursor ?? '' },
          ctx,
        );
        res.json({
          data: page.entries.map(toAuditEntryResource),
          nextCursor: page.nextPageToken || null,
        });
      },
    )
    .all(methodNotAllowed('GET'));
  return router;
}
