// The operations both /v1/contacts (people) and /v1/organizations offer, declared once for
// both kinds. A ResourceSpec supplies what differs: kind, path, names, schemas and the mapping
// to the contact service. Writes name the kind they expect (expectedKind): the service
// answers NOT_FOUND for a record of the other kind, so no read comes first.
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { CUSTOM_FIELD_LIMITS, type contactV1 } from '@kith/contracts';
import { listRequest } from '../../domain/contact-commands';
import { contactsAt } from '../../domain/idempotency';
import { encodeCursor } from '../../domain/pagination';
import { required } from '../../grpc/upstream-client';
import { callerOf } from '../../http/auth.middleware';
import type { Operation, Parsed } from '../../http/operation';
import { defineOperation } from '../../http/operation';
import { etagHeader, json, problems, replayedHeader } from '../../http/openapi-kit';
import {
  createOperation,
  pageTokenOf,
  readOperation,
  versionedOperation,
} from '../../http/resource-operations';
import { listing } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import { givenQuery, parseOrThrow } from '../../http/validation';
import { auditOperation } from './contact-audit.routes';
import { consentOperations } from './contact-consent.routes';
import type { ContactClient } from './contact.client';
import { protoKindOf, resourceKindOf } from './contact.mapper';
import type { ContactResource, ResourceKind } from './contact.mapper';
import { ListQuerySchema } from './contact-list.schema';
import { CustomFieldFilterQuerySchema } from './custom-field-value.schema';
import { fetchContactOfKind } from './contact-of-kind';

export interface ResourceSpec<C extends z.ZodType, P extends z.ZodType> {
  kind: ResourceKind;
  /** Relative to /v1, e.g. '/contacts'. */
  path: string;
  /** OpenAPI tag and noun: 'People' and 'Person'. */
  tag: string;
  noun: string;
  resourceSchema: z.ZodType;
  pageSchema: z.ZodType;
  createSchema: C;
  patchSchema: P;
  createRequest(body: Parsed<C>, ownerId: string): contactV1.CreateContactRequest;
  updateRequest(id: string, version: number, patch: Parsed<P>): contactV1.UpdateContactRequest;
  toResource(contact: contactV1.Contact__Output): ContactResource;
}

const isCustomFilter = ([name]: [string, unknown]) => name.startsWith('cf.');

const LIST_NOTE =
  'Cursor-paginated, oldest first. Custom field filters: `cf.<key>=<value>` (a ' +
  'multi-select matches when it contains the value), `cf.<key>.gt|gte|lt|lte=<value>` ' +
  `for numbers and dates, \`cf.<key>.exists=true|false\`; at most ${CUSTOM_FIELD_LIMITS.filtersPerQuery}.`;

export function resourceOperations<C extends z.ZodType, P extends z.ZodType>(
  spec: ResourceSpec<C, P>,
  contacts: ContactClient,
): Operation[] {
  // Tells the error mapper how to name the service's field errors in REST terms.
  const ofKind: RequestHandler = (_req, res, next) => {
    res.locals.resourceKind = spec.kind;
    next();
  };
  const item = `${spec.path}/{id}`;
  const tags = [spec.tag];
  const noun = spec.noun.toLowerCase();
  const expectedKind = protoKindOf(spec.kind);
  const one = (res: { contact: contactV1.Contact__Output | null }) =>
    spec.toResource(required(res.contact, 'a contact'));
  const common = { tags, before: [ofKind] };

  return [
    defineOperation({
      ...common,
      before: [ofKind, listing(`the ${spec.kind} list`)],
      method: 'get',
      path: spec.path,
      operationId: `list${spec.tag}`,
      summary: `List ${spec.tag.toLowerCase()}`,
      description: LIST_NOTE,
      permission: 'contact:read',
      query: ListQuerySchema,
      readQuery: (query) =>
        parseOrThrow(
          ListQuerySchema,
          Object.fromEntries(Object.entries(givenQuery(query)).filter((e) => !isCustomFilter(e))),
          'query',
        ),
      responses: {
        200: json(spec.pageSchema, `A page of ${spec.tag.toLowerCase()}.`),
        ...problems(400, 403),
      },
      async handle({ query, req, res, ctx }) {
        const customFields = parseOrThrow(
          CustomFieldFilterQuerySchema,
          Object.fromEntries(Object.entries(givenQuery(req.query)).filter(isCustomFilter)),
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
        const pageToken =
          query.cursor === undefined ? '' : pageTokenOf(query.cursor, spec.kind, filters);
        const page = await contacts.ListContacts(
          listRequest(spec.kind, query.limit, pageToken, filters),
          ctx,
        );
        res.json({
          data: page.contacts.filter((c) => resourceKindOf(c) === spec.kind).map(spec.toResource),
          nextCursor: encodeCursor(spec.kind, filters, page.nextPageToken),
        });
      },
    }),
    createOperation({
      ...common,
      path: spec.path,
      operationId: `create${spec.noun}`,
      summary: `Create a ${noun}`,
      description: 'ownerId defaults to the caller.',
      permission: 'contact:write',
      body: spec.createSchema,
      idempotent: contactsAt('id'),
      answer: {
        schema: spec.resourceSchema,
        description: 'Created.',
        headers: {
          ...etagHeader,
          Location: { description: 'URL of the new record.', schema: { type: 'string' } },
          ...replayedHeader,
        },
      },
      problems: [400, 403, 409, 410, 413, 415, 422],
      async create({ body, ctx, res }) {
        const request = spec.createRequest(body, callerOf(res).userId);
        return one(await contacts.CreateContact(request, ctx));
      },
    }),
    readOperation({
      ...common,
      path: item,
      operationId: `get${spec.noun}`,
      summary: `Read a ${noun}`,
      permission: 'contact:read',
      params: IdParamsSchema,
      answer: { schema: spec.resourceSchema, description: 'The record.' },
      async read({ params, ctx }) {
        return spec.toResource(await fetchContactOfKind(contacts, spec.kind, params.id, ctx));
      },
    }),
    versionedOperation({
      ...common,
      method: 'patch',
      path: item,
      operationId: `update${spec.noun}`,
      summary: `Change a ${noun}`,
      description: 'Merge patch guarded by If-Match.',
      permission: 'contact:write',
      params: IdParamsSchema,
      body: spec.patchSchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: { schema: spec.resourceSchema, description: 'The changed record.' },
      problems: [400, 403, 404, 409, 413, 415, 422, 428],
      async write({ params, version, body, ctx }) {
        const request = { ...spec.updateRequest(params.id, version, body), expectedKind };
        return one(await contacts.UpdateContact(request, ctx));
      },
    }),
    versionedOperation({
      ...common,
      method: 'delete',
      path: item,
      operationId: `delete${spec.noun}`,
      summary: `Delete a ${noun} (soft)`,
      description:
        'The record stops listing and reading; it is kept for history. Answers 200 with the ' +
        'deleted record (deletedAt set). Guarded by If-Match.',
      permission: 'contact:delete',
      params: IdParamsSchema,
      answer: { schema: spec.resourceSchema, description: 'The deleted record.', headers: null },
      problems: [400, 403, 404, 409, 428],
      async write({ params, version, ctx }) {
        const request = { id: params.id, expectedVersion: String(version), expectedKind };
        return one(await contacts.DeleteContact(request, ctx));
      },
    }),
    auditOperation(spec, contacts, common),
    ...consentOperations(spec, contacts, common),
  ];
}
