// The five operations both /v1/contacts (people) and /v1/organizations offer, written
// once. A ResourceSpec supplies what differs: kind, path, schemas and the mapping to the
// contact service. Versions travel in If-Match (see versionFromIfMatch) for PATCH/DELETE.
import { Router } from 'express';
import type { Response } from 'express';
import type { z } from 'zod';
import type { contactV1 } from '@kith/contracts';
import { resourceKindOf } from './contact.mapper';
import type { ContactResource, ResourceKind } from './contact.mapper';
import { listRequest } from '../../domain/contact-commands';
import { decodeCursor, encodeCursor } from '../../domain/pagination';
import type { ContactGateway, RequestContext } from '../../grpc/contact.client';
import { callerOf, requirePermission } from '../../http/auth.middleware';
import { auditRouter } from './contact-audit.routes';
import { consentRouter } from './contact-consent.routes';
import {
  etagOf,
  fetchContactOfKind,
  listing,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { idempotency } from '../../http/idempotency.middleware';
import { contactsAt } from '../../domain/idempotency';
import type { IdempotencyOptions } from '../../http/idempotency.middleware';
import { GatewayError } from '../../http/problem';
import { CustomFieldFilterQuerySchema } from './custom-field-value.schema';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import { ListQuerySchema } from './contact-list.schema';
import { givenQuery, parseOrThrow } from '../../http/validation';

export interface ResourceSpec<C extends z.ZodType, P extends z.ZodType> {
  kind: ResourceKind;
  /** Relative to /v1, e.g. '/contacts'. */
  path: string;
  createSchema: C;
  patchSchema: P;
  createRequest(body: z.output<C>, ownerId: string): contactV1.CreateContactRequest;
  updateRequest(id: string, version: number, patch: z.output<P>): contactV1.UpdateContactRequest;
  toResource(contact: contactV1.Contact__Output): ContactResource;
}

export interface ResourceRouterDeps {
  contacts: ContactGateway;
  idempotency: IdempotencyOptions;
}

export function resourceRouter<C extends z.ZodType, P extends z.ZodType>(
  spec: ResourceSpec<C, P>,
  deps: ResourceRouterDeps,
): Router {
  const router = Router();
  const { contacts } = deps;

  // Tells the error mapper how to name the service's field errors in REST terms.
  router.use(spec.path, (_req, res, next) => {
    res.locals.resourceKind = spec.kind;
    next();
  });

  const fetchOwnKind = (id: string, ctx: RequestContext) =>
    fetchContactOfKind(contacts, spec.kind, id, ctx);

  function sendResource(res: Response, status: number, contact: contactV1.Contact__Output) {
    const resource = spec.toResource(contact);
    res.status(status).setHeader('ETag', etagOf(resource.version));
    res.json(resource);
  }

  router
    .route(spec.path)
    .get(requirePermission('contact:read'), listing(`the ${spec.kind} list`), async (req, res) => {
      const given = Object.entries(givenQuery(req.query));
      const isCustom = ([name]: [string, unknown]) => name.startsWith('cf.');
      const query = parseOrThrow(
        ListQuerySchema,
        Object.fromEntries(given.filter((e) => !isCustom(e))),
        'query',
      );
      const customFields = parseOrThrow(
        CustomFieldFilterQuerySchema,
        Object.fromEntries(given.filter(isCustom)),
        'query',
      );
      const filters = {
        namePrefix: query.namePrefix,
        email: query.email,
        tag: query.tag,
        customFields,
        search: query.search,
        doNotContact: query.doNotContact,
        deceased: query.deceased,
      };
      let pageToken = '';
      if (query.cursor !== undefined) {
        const decoded = decodeCursor(query.cursor, spec.kind, filters);
        if (!decoded.ok) {
          const message =
            decoded.reason === 'malformed'
              ? 'Not a cursor this API issued.'
              : 'The cursor belongs to another listing; repeat the filters it was issued with.';
          throw new GatewayError('validation-failed', 'The cursor cannot be used here.', [
            { field: 'cursor', message, in: 'query' },
          ]);
        }
        pageToken = decoded.pageToken;
      }
      const page = await contacts.list(
        listRequest(spec.kind, query.limit, pageToken, filters),
        requestContext(req, res),
      );
      res.json({
        data: page.contacts.filter((c) => resourceKindOf(c) === spec.kind).map(spec.toResource),
        nextCursor: encodeCursor(spec.kind, filters, page.nextPageToken),
      });
    })
    .post(
      requirePermission('contact:write'),
      (req, _res, next) => {
        // Validate before the idempotency claim: an invalid request claims no key.
        req.body = parseOrThrow(spec.createSchema, req.body, 'body');
        next();
      },
      idempotency(deps.idempotency, contactsAt('id')),
      async (req, res) => {
        const caller = callerOf(res);
        const created = await contacts.create(
          spec.createRequest(req.body as z.output<C>, caller.userId),
          requestContext(req, res),
        );
        res.setHeader('Location', `/v1${spec.path}/${encodeURIComponent(created.id)}`);
        sendResource(res, 201, created);
      },
    )
    .all(methodNotAllowed('GET, POST'));

  router
    .route(`${spec.path}/:id`)
    .get(requirePermission('contact:read'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      sendResource(res, 200, await fetchOwnKind(id, requestContext(req, res)));
    })
    .patch(requirePermission('contact:write'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const patch = parseOrThrow(spec.patchSchema, req.body, 'body');
      const ctx = requestContext(req, res);
      await fetchOwnKind(id, ctx);
      sendResource(res, 200, await contacts.update(spec.updateRequest(id, version, patch), ctx));
    })
    .delete(requirePermission('contact:delete'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const version = versionFromIfMatch(req);
      const ctx = requestContext(req, res);
      await fetchOwnKind(id, ctx);
      const deleted = await contacts.delete({ id, expectedVersion: String(version) }, ctx);
      sendResource(res, 200, deleted);
    })
    .all(methodNotAllowed('GET, PATCH, DELETE'));

  router.use(consentRouter(spec.kind, spec.path, deps));
  router.use(auditRouter(spec.kind, spec.path, contacts));
  return router;
}
