// /v1/custom-fields: definitions of the tenant's custom fields, per record type. Reading
// needs custom-field:read; defining, changing and archiving need custom-field:manage.
// DELETE archives (stored values stay). Versions travel in If-Match like /v1/contacts.
import { Router } from 'express';
import type { Response } from 'express';
import { specToProto, toCustomFieldResource, updateRequestOf } from './custom-field.mapper';
import type { CustomFieldGateway } from '../../grpc/custom-field.client';
import { requirePermission } from '../../http/auth.middleware';
import {
  etagOf,
  listing,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { idempotency, type IdempotencyOptions } from '../../http/idempotency.middleware';
import { NO_CONTACTS } from '../../domain/idempotency';
import {
  CreateCustomFieldBodySchema,
  CustomFieldListQuerySchema,
  CustomFieldParamsSchema,
  PatchCustomFieldBodySchema,
} from './custom-field.schema';
import { parseOrThrow, parseQuery } from '../../http/validation';

export interface CustomFieldRoutesDeps {
  customFields: CustomFieldGateway;
  idempotency: IdempotencyOptions;
}

const PATH = '/custom-fields';

function send(res: Response, status: number, field: Parameters<typeof toCustomFieldResource>[0]) {
  const resource = toCustomFieldResource(field);
  res.status(status).setHeader('ETag', etagOf(resource.version));
  res.json(resource);
}

export function customFieldsRouter(deps: CustomFieldRoutesDeps): Router {
  const router = Router();
  const { customFields } = deps;

  router
    .route(PATH)
    .get(
      requirePermission('custom-field:read'),
      listing('the custom field list'),
      async (req, res) => {
        const query = parseQuery(CustomFieldListQuerySchema, req.query);
        // The service's page token is bound to the listing (record type, archived) already.
        const page = await customFields.list(
          {
            recordType: query.recordType ?? '',
            includeArchived: query.includeArchived,
            pageSize: query.limit,
            pageToken: query.cursor ?? '',
          },
          requestContext(req, res),
        );
        res.json({
          data: page.customFields.map(toCustomFieldResource),
          nextCursor: page.nextPageToken || null,
        });
      },
    )
    .post(
      requirePermission('custom-field:manage'),
      (req, _res, next) => {
        req.body = parseOrThrow(CreateCustomFieldBodySchema, req.body, 'body');
        next();
      },
      idempotency(deps.idempotency, NO_CONTACTS),
      async (req, res) => {
        const { recordType, key, ...spec } = req.body as ReturnType<
          typeof CreateCustomFieldBodySchema.parse
        >;
        const created = await customFields.create(
          { recordType, key, spec: specToProto(spec) },
          requestContext(req, res),
        );
        res.setHeader('Location', `/v1${PATH}/${created.recordType}/${created.key}`);
        send(res, 201, created);
      },
    )
    .all(methodNotAllowed('GET, POST'));

  router
    .route(`${PATH}/:recordType/:key`)
    .get(requirePermission('custom-field:read'), async (req, res) => {
      const { recordType, key } = parseOrThrow(CustomFieldParamsSchema, req.params, 'path');
      send(res, 200, await customFields.get(recordType, key, requestContext(req, res)));
    })
    .patch(requirePermission('custom-field:manage'), async (req, res) => {
      const { recordType, key } = parseOrThrow(CustomFieldParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const patch = parseOrThrow(PatchCustomFieldBodySchema, req.body, 'body');
      const updated = await customFields.update(
        updateRequestOf(recordType, key, version, patch),
        requestContext(req, res),
      );
      send(res, 200, updated);
    })
    .delete(requirePermission('custom-field:manage'), async (req, res) => {
      const { recordType, key } = parseOrThrow(CustomFieldParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const archived = await customFields.archive(
        { recordType, key, expectedVersion: String(version) },
        requestContext(req, res),
      );
      send(res, 200, archived);
    })
    .all(methodNotAllowed('GET, PATCH, DELETE'));

  return router;
}
