// /v1/matching-rules, /v1/duplicates, and per record /v1/{contacts,organizations}/{id}/duplicates
// and .../merge, over DuplicateService. Merge is naturally idempotent (the same pair again
// answers the same result), so it needs no Idempotency-Key; If-Match is optional on it and
// names the survivor's version you looked at.
import { Router } from 'express';
import type { Request } from 'express';
import type { ResourceKind } from './contact.mapper';
import { protoKindOf, toResource } from './contact.mapper';
import {
  toDuplicateMatchResource,
  toDuplicatePairResource,
  toMatchingRulesResource,
} from './duplicate.mapper';
import type { ContactClient } from './contact.client';
import { fetchContactOfKind } from './contact-of-kind';
import type { DuplicateGateway } from '../../grpc/duplicate.client';
import { requirePermission } from '../../http/auth.middleware';
import { GatewayError } from '../../http/problem';
import {
  etagOf,
  listing,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  DuplicateScanQuerySchema,
  MergeBodySchema,
  PutMatchingRulesBodySchema,
} from './duplicate.schema';
import { parseOrThrow, parseQuery } from '../../http/validation';

export interface DuplicateRouterDeps {
  contacts: ContactClient;
  duplicates: DuplicateGateway;
}

const KIND_PATHS: ReadonlyArray<[ResourceKind, string]> = [
  ['person', '/contacts'],
  ['organization', '/organizations'],
];

/** Matching rules start at version 0 (the defaults), which the contact routes' rule refuses. */
function rulesVersionFromIfMatch(req: Request): number {
  const header = req.get('if-match')?.trim();
  if (header === '"0"') return 0;
  return versionFromIfMatch(req);
}

export function duplicatesRouter(deps: DuplicateRouterDeps): Router {
  const router = Router();
  const { contacts, duplicates } = deps;

  router
    .route('/matching-rules')
    .get(requirePermission('contact:read'), async (req, res) => {
      const rules = toMatchingRulesResource(
        await duplicates.getMatchingRules(requestContext(req, res)),
      );
      res.setHeader('ETag', etagOf(rules.version)).json(rules);
    })
    .put(requirePermission('matching-rules:manage'), async (req, res) => {
      const version = rulesVersionFromIfMatch(req);
      const body = parseOrThrow(PutMatchingRulesBodySchema, req.body, 'body');
      const rules = toMatchingRulesResource(
        await duplicates.putMatchingRules(
          { expectedVersion: String(version), threshold: body.threshold, rules: body.rules },
          requestContext(req, res),
        ),
      );
      res.setHeader('ETag', etagOf(rules.version)).json(rules);
    })
    .all(methodNotAllowed('GET, PUT'));

  router
    .route('/duplicates')
    .get(requirePermission('contact:read'), listing('the duplicate list'), async (req, res) => {
      const query = parseQuery(DuplicateScanQuerySchema, req.query);
      const page = await duplicates.scanDuplicates(
        {
          pageSize: query.limit,
          pageToken: query.cursor ?? '',
          ...(query.kind ? { kind: protoKindOf(query.kind) } : {}),
        },
        requestContext(req, res),
      );
      res.json({
        data: page.pairs.map(toDuplicatePairResource),
        nextCursor: page.nextPageToken || null,
        scannedContacts: page.scannedContacts,
        truncated: page.truncated,
        skippedKeys: [...page.skippedKeys],
      });
    })
    .all(methodNotAllowed('GET'));

  for (const [kind, path] of KIND_PATHS) {
    router
      .route(`${path}/:id/duplicates`)
      .get(requirePermission('contact:read'), async (req, res) => {
        res.locals.resourceKind = kind;
        const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
        const matches = await duplicates.listDuplicates(
          { contactId: id, kind: protoKindOf(kind) },
          requestContext(req, res),
        );
        res.json({ data: matches.map(toDuplicateMatchResource) });
      })
      .all(methodNotAllowed('GET'));

    router
      .route(`${path}/:id/merge`)
      .post(requirePermission('contact:merge'), async (req, res) => {
        res.locals.resourceKind = kind;
        const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
        const body = parseOrThrow(MergeBodySchema, req.body ?? {}, 'body');
        const survivorVersion = req.get('if-match') === undefined ? 0 : versionFromIfMatch(req);
        const ctx = requestContext(req, res);
        // /organizations/{personId}/merge is a 404, like every other route of the kind.
        await fetchContactOfKind(contacts, kind, id, ctx);
        const result = await duplicates.merge(
          {
            survivorId: id,
            victimId: body.victimId,
            expectedSurvivorVersion: String(survivorVersion),
            expectedVictimVersion: String(body.victimVersion ?? 0),
            fieldChoices: body.fieldChoices as Record<string, string>,
          },
          ctx,
        );
        const survivor = result.survivor && toResource(result.survivor);
        if (!survivor) throw new GatewayError('not-found', `No ${kind} with this id.`);
        res.setHeader('ETag', etagOf(survivor.version));
        res.json({ survivor, victimId: result.victimId });
      })
      .all(methodNotAllowed('POST'));
  }

  return router;
}
