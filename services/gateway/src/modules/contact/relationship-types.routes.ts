// /v1/relationship-types: the tenant's catalogue. Everyone who reads contacts reads it;
// adding, relabelling and deactivating types needs relationship-type:manage (admin, manager).
import { Router } from 'express';
import type { Response } from 'express';
import type { relationshipV1 } from '@kith/contracts';
import {
  changeRelationshipTypeRequest,
  createRelationshipTypeRequest,
} from '../../domain/relationship-commands';
import { encodeRelationshipCursor } from '../../domain/relationship-cursor';
import { toRelationshipTypeResource } from './relationship.mapper';
import { requirePermission } from '../../http/auth.middleware';
import {
  etagOf,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { idempotency } from '../../http/idempotency.middleware';
import { NO_CONTACTS } from '../../domain/idempotency';
import { pageTokenOf, type RelationshipRouterDeps } from './relationships.routes';
import {
  CreateRelationshipTypeBodySchema,
  PatchRelationshipTypeBodySchema,
  RelationshipTypesQuerySchema,
  TypeCodeParamsSchema,
} from './relationship.schema';
import { parseOrThrow, parseQuery } from '../../http/validation';

export const RELATIONSHIP_TYPES_PATH = '/relationship-types';
const SCOPE = 'relationship-types';

function sendType(res: Response, status: number, type: relationshipV1.RelationshipType__Output) {
  const resource = toRelationshipTypeResource(type);
  res.status(status).setHeader('ETag', etagOf(resource.version));
  res.json(resource);
}

export function relationshipTypesRouter(deps: RelationshipRouterDeps): Router {
  const router = Router();
  const { relationships } = deps;

  router
    .route(RELATIONSHIP_TYPES_PATH)
    .get(requirePermission('contact:read'), async (req, res) => {
      const query = parseQuery(RelationshipTypesQuerySchema, req.query);
      const page = await relationships.listTypes(
        { pageSize: query.limit, pageToken: pageTokenOf(query.cursor, SCOPE, []) },
        requestContext(req, res),
      );
      res.json({
        data: page.relationshipTypes.map(toRelationshipTypeResource),
        nextCursor: encodeRelationshipCursor(SCOPE, [], page.nextPageToken),
      });
    })
    .post(
      requirePermission('relationship-type:manage'),
      (req, _res, next) => {
        req.body = parseOrThrow(CreateRelationshipTypeBodySchema, req.body, 'body');
        next();
      },
      idempotency(deps.idempotency, NO_CONTACTS),
      async (req, res) => {
        const created = await relationships.upsertType(
          createRelationshipTypeRequest(
            req.body as Parameters<typeof createRelationshipTypeRequest>[0],
          ),
          requestContext(req, res),
        );
        res.setHeader(
          'Location',
          `/v1${RELATIONSHIP_TYPES_PATH}/${encodeURIComponent(created.code)}`,
        );
        sendType(res, 201, created);
      },
    )
    .all(methodNotAllowed('GET, POST'));

  router
    .route(`${RELATIONSHIP_TYPES_PATH}/:code`)
    .patch(requirePermission('relationship-type:manage'), async (req, res) => {
      const { code } = parseOrThrow(TypeCodeParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const patch = parseOrThrow(PatchRelationshipTypeBodySchema, req.body, 'body');
      const changed = await relationships.upsertType(
        changeRelationshipTypeRequest(code, version, patch),
        requestContext(req, res),
      );
      sendType(res, 200, changed);
    })
    .all(methodNotAllowed('PATCH'));

  return router;
}
