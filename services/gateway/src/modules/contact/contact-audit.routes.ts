// GET /v1/{contacts,organizations}/{id}/audit: who changed what and when, oldest first.
// The cursor is the contact service's own page token, passed through unchanged.
import type { RequestHandler } from 'express';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import { listing } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema';
import type { ContactClient } from './contact.client';
import { toAuditEntryResource } from './contact.mapper';
import type { ResourceKind } from './contact.mapper';
import { fetchContactOfKind } from './contact-of-kind';

export function auditOperation(
  spec: { kind: ResourceKind; path: string; noun: string },
  contacts: ContactClient,
  common: { tags: string[]; before: RequestHandler[] },
): Operation {
  return defineOperation({
    ...common,
    before: [...common.before, listing(`this ${spec.kind}'s audit trail`)],
    method: 'get',
    path: `${spec.path}/{id}/audit`,
    operationId: `get${spec.noun}Audit`,
    summary: 'Who changed what and when',
    description:
      'One entry per change, oldest first, with the value of each changed field before and ' +
      'after. Built from the contact events, so a change appears a moment after its write.',
    permission: 'contact:audit',
    params: IdParamsSchema,
    query: AuditQuerySchema,
    responses: { 200: json(AuditPageSchema, 'A page of entries.'), ...problems(400, 403, 404) },
    async handle({ params, query, ctx, res }) {
      await fetchContactOfKind(contacts, spec.kind, params.id, ctx);
      const page = await contacts.ListContactAudit(
        { contactId: params.id, pageSize: query.limit, pageToken: query.cursor ?? '' },
        ctx,
      );
      res.json({
        data: page.entries.map(toAuditEntryResource),
        nextCursor: page.nextPageToken || null,
      });
    },
  });
}
