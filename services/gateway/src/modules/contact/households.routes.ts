// /v1/households and /v1/contacts/{id}/household. Same rules as the contact routes: zod
// validation, If-Match versions on every change (428 missing, 409 stale), Idempotency-Key on
// the create, cursor pagination, and a foreign tenant's id answering 404 (the service's
// NOT_FOUND). Households reuse the contact permissions: a household is a kind of contact.
import { Router } from 'express';
import type { Response } from 'express';
import {
  createHouseholdRequest,
  toHouseholdResource,
  updateHouseholdRequest,
} from './household.mapper';
import { decodeCursor, encodeCursor } from '../../domain/pagination';
import type { HouseholdGateway, HouseholdMessage } from '../../grpc/household.client';
import { requirePermission } from '../../http/auth.middleware';
import {
  etagOf,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { idempotency, type IdempotencyOptions } from '../../http/idempotency.middleware';
import { NO_CONTACTS } from '../../domain/idempotency';
import { GatewayError } from '../../http/problem';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  AddMemberBodySchema,
  CreateHouseholdBodySchema,
  HouseholdListQuerySchema,
  MemberParamsSchema,
  PatchHouseholdBodySchema,
} from './household.schema';
import { parseOrThrow, parseQuery } from '../../http/validation';

export const HOUSEHOLDS_PATH = '/households';

export interface HouseholdRouterDeps {
  households: HouseholdGateway;
  idempotency: IdempotencyOptions;
}

function send(res: Response, status: number, household: HouseholdMessage): void {
  const resource = toHouseholdResource(household);
  res.status(status).setHeader('ETag', etagOf(resource.version));
  res.json(resource);
}

export function householdsRouter(deps: HouseholdRouterDeps): Router {
  const router = Router();
  const { households } = deps;

  router
    .route(HOUSEHOLDS_PATH)
    .get(requirePermission('contact:read'), async (req, res) => {
      const query = parseQuery(HouseholdListQuerySchema, req.query);
      let pageToken = '';
      if (query.cursor !== undefined) {
        const decoded = decodeCursor(query.cursor, 'household', {});
        if (!decoded.ok) {
          throw new GatewayError('validation-failed', 'The cursor cannot be used here.', [
            { field: 'cursor', message: 'Not a cursor of this listing.', in: 'query' },
          ]);
        }
        pageToken = decoded.pageToken;
      }
      const page = await households.list(
        { pageSize: query.limit, pageToken },
        requestContext(req, res),
      );
      res.json({
        data: page.households.map(toHouseholdResource),
        nextCursor: encodeCursor('household', {}, page.nextPageToken),
      });
    })
    .post(
      requirePermission('contact:write'),
      (req, _res, next) => {
        // Validate before the idempotency claim: an invalid request claims no key.
        req.body = parseOrThrow(CreateHouseholdBodySchema, req.body ?? {}, 'body');
        next();
      },
      // A new household has no members yet: its response names no contact.
      idempotency(deps.idempotency, NO_CONTACTS),
      async (req, res) => {
        const created = await households.create(
          createHouseholdRequest(req.body as Parameters<typeof createHouseholdRequest>[0]),
          requestContext(req, res),
        );
        res.setHeader('Location', `/v1${HOUSEHOLDS_PATH}/${encodeURIComponent(created.id)}`);
        send(res, 201, created);
      },
    )
    .all(methodNotAllowed('GET, POST'));

  router
    .route(`${HOUSEHOLDS_PATH}/:id`)
    .get(requirePermission('contact:read'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      send(res, 200, await households.get(id, requestContext(req, res)));
    })
    .patch(requirePermission('contact:write'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const patch = parseOrThrow(PatchHouseholdBodySchema, req.body, 'body');
      const updated = await households.update(
        updateHouseholdRequest(id, version, patch),
        requestContext(req, res),
      );
      send(res, 200, updated);
    })
    .delete(requirePermission('contact:delete'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const deleted = await households.delete(
        { id, expectedVersion: String(version) },
        requestContext(req, res),
      );
      send(res, 200, deleted);
    })
    .all(methodNotAllowed('GET, PATCH, DELETE'));

  router
    .route(`${HOUSEHOLDS_PATH}/:id/members`)
    .post(requirePermission('contact:write'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const body = parseOrThrow(AddMemberBodySchema, req.body, 'body');
      const household = await households.addMember(
        { householdId: id, expectedVersion: String(version), ...body },
        requestContext(req, res),
      );
      send(res, 200, household);
    })
    .all(methodNotAllowed('POST'));

  router
    .route(`${HOUSEHOLDS_PATH}/:id/members/:contactId`)
    .delete(requirePermission('contact:write'), async (req, res) => {
      const { id, contactId } = parseOrThrow(MemberParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const household = await households.removeMember(
        { householdId: id, expectedVersion: String(version), contactId },
        requestContext(req, res),
      );
      send(res, 200, household);
    })
    .all(methodNotAllowed('DELETE'));

  router
    .route('/contacts/:id/household')
    .get(requirePermission('contact:read'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      send(res, 200, await households.getContactHousehold(id, requestContext(req, res)));
    })
    .all(methodNotAllowed('GET'));

  return router;
}
