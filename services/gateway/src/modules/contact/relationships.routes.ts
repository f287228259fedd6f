// /v1/relationships and the relationship lists of a contact: /v1/contacts/{id}/relationships
// (people) and /v1/organizations/{id}/relationships (e.g. an organization's employees). One
// relationship record serves both sides; each list reads it from its own contact's side.
import { Router } from 'express';
import type { Request, Response } from 'express';
import {
  createRelationshipRequest,
  listContactRelationshipsRequest,
  updateRelationshipRequest,
} from '../../domain/relationship-commands';
import type { ResourceKind } from './contact.mapper';
import {
  decodeRelationshipCursor,
  encodeRelationshipCursor,
} from '../../domain/relationship-cursor';
import { toContactRelationshipResource, toRelationshipResource } from './relationship.mapper';
import type { RelationshipGateway } from '../../grpc/relationship.client';
import type { relationshipV1 } from '@kith/contracts';
import { requirePermission } from '../../http/auth.middleware';
import {
  etagOf,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { idempotency } from '../../http/idempotency.middleware';
import { contactsAt } from '../../domain/idempotency';
import type { IdempotencyOptions } from '../../http/idempotency.middleware';
import { GatewayError } from '../../http/problem';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  ContactRelationshipsQuerySchema,
  CreateRelationshipBodySchema,
  PatchRelationshipBodySchema,
} from './relationship.schema';
import { parseOrThrow, parseQuery } from '../../http/validation';

export interface RelationshipRouterDeps {
  relationships: RelationshipGateway;
  idempotency: IdempotencyOptions;
}

export const RELATIONSHIPS_PATH = '/relationships';

function sendRelationship(res: Response, status: number, r: relationshipV1.Relationship__Output) {
  const resource = toRelationshipResource(r);
  res.status(status).setHeader('ETag', etagOf(resource.version));
  res.json(resource);
}

/** Refuses a cursor issued for another list; answers the service page token inside it. */
export function pageTokenOf(cursor: string | undefined, scope: string, filters: unknown[]) {
  if (cursor === undefined) return '';
  const decoded = decodeRelationshipCursor(cursor, scope, filters);
  if (decoded.ok) return decoded.pageToken;
  const message =
    decoded.reason === 'malformed'
      ? 'Not a cursor this API issued.'
      : 'The cursor belongs to another listing; repeat the filters it was issued with.';
  throw new GatewayError('validation-failed', 'The cursor cannot be used here.', [
    { field: 'cursor', message, in: 'query' },
  ]);
}

export function relationshipsRouter(deps: RelationshipRouterDeps): Router {
  const router = Router();
  const { relationships } = deps;

  function listFor(kind: ResourceKind) {
    return async (req: Request, res: Response) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const query = parseQuery(ContactRelationshipsQuerySchema, req.query);
      const filters = { typeCode: query.typeCode, includeInactive: query.includeInactive };
      const scope = `${kind}:${id}`;
      const fingerprint = [filters.typeCode ?? '', filters.includeInactive];
      const page = await relationships.listForContact(
        listContactRelationshipsRequest(
          id,
          kind,
          query.limit,
          pageTokenOf(query.cursor, scope, fingerprint),
          filters,
        ),
        requestContext(req, res),
      );
      res.json({
        data: page.relationships.map(toContactRelationshipResource),
        nextCursor: encodeRelationshipCursor(scope, fingerprint, page.nextPageToken),
      });
    };
  }

  router
    .route('/contacts/:id/relationships')
    .get(requirePermission('contact:read'), listFor('person'))
    .all(methodNotAllowed('GET'));
  router
    .route('/organizations/:id/relationships')
    .get(requirePermission('contact:read'), listFor('organization'))
    .all(methodNotAllowed('GET'));

  router
    .route(RELATIONSHIPS_PATH)
    .post(
      requirePermission('contact:write'),
      (req, _res, next) => {
        // Validate before the idempotency claim: an invalid request claims no key.
        req.body = parseOrThrow(CreateRelationshipBodySchema, req.body, 'body');
        next();
      },
      idempotency(deps.idempotency, contactsAt('contactAId', 'contactBId')),
      async (req, res) => {
        const created = await relationships.create(
          createRelationshipRequest(req.body as Parameters<typeof createRelationshipRequest>[0]),
          requestContext(req, res),
        );
        res.setHeader('Location', `/v1${RELATIONSHIPS_PATH}/${encodeURIComponent(created.id)}`);
        sendRelationship(res, 201, created);
      },
    )
    .all(methodNotAllowed('POST'));

  router
    .route(`${RELATIONSHIPS_PATH}/:id`)
    .get(requirePermission('contact:read'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      sendRelationship(res, 200, await relationships.get(id, requestContext(req, res)));
    })
    .patch(requirePermission('contact:write'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const patch = parseOrThrow(PatchRelationshipBodySchema, req.body, 'body');
      const updated = await relationships.update(
        updateRelationshipRequest(id, version, patch),
        requestContext(req, res),
      );
      sendRelationship(res, 200, updated);
    })
    .delete(requirePermission('contact:delete'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const deleted = await relationships.delete(
        { id, expectedVersion: String(version) },
        requestContext(req, res),
      );
      sendRelationship(res, 200, deleted);
    })
    .all(methodNotAllowed('GET, PATCH, DELETE'));

  return router;
}
