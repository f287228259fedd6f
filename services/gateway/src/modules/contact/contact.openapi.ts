// /v1/contacts (people) and /v1/organizations in the OpenAPI document: the same operations
// for both kinds, including their consents and audit trail.
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { etagHeader, json, problems, replayedHeader, rolesNote } from '../../http/openapi-kit';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema';
import {
  ConsentStateSchema,
  RecordConsentBodySchema,
  RecordConsentResponseSchema,
} from './consent.schema';
import {
  IdParamsSchema,
  IdempotencyHeadersSchema,
  IfMatchHeadersSchema,
} from '../../http/schemas/parameters.schema';
import { ListQuerySchema } from './contact-list.schema';
import {
  CreateOrganizationBodySchema,
  OrganizationPageSchema,
  OrganizationSchema,
  PatchOrganizationBodySchema,
} from './organization.schema';
import {
  CreatePersonBodySchema,
  PatchPersonBodySchema,
  PersonPageSchema,
  PersonSchema,
} from './person.schema';

interface ResourceDocs {
  path: string;
  tag: string;
  noun: string;
  resource: z.ZodType;
  page: z.ZodType;
  create: z.ZodType;
  patch: z.ZodType;
}

function registerResource(registry: OpenAPIRegistry, d: ResourceDocs): void {
  const item = `${d.path}/{id}`;
  const routes: RouteConfig[] = [
    {
      method: 'get',
      path: d.path,
      tags: [d.tag],
      operationId: `list${d.tag}`,
      summary: `List ${d.tag.toLowerCase()}`,
      description:
        'Cursor-paginated, oldest first. Custom field filters: `cf.<key>=<value>` (a ' +
        'multi-select matches when it contains the value), `cf.<key>.gt|gte|lt|lte=<value>` ' +
        'for numbers and dates, `cf.<key>.exists=true|false`; at most 10. ' +
        rolesNote('contact:read'),
      request: { query: ListQuerySchema },
      responses: { 200: json(d.page, `A page of ${d.tag.toLowerCase()}.`), ...problems(400, 403) },
    },
    {
      method: 'post',
      path: d.path,
      tags: [d.tag],
      operationId: `create${d.noun}`,
      summary: `Create a ${d.noun.toLowerCase()}`,
      description: `ownerId defaults to the caller. ${rolesNote('contact:write')}`,
      request: {
        headers: IdempotencyHeadersSchema,
        body: { required: true, content: { 'application/json': { schema: d.create } } },
      },
      responses: {
        201: json(d.resource, 'Created.', {
          ...etagHeader,
          Location: { description: 'URL of the new record.', schema: { type: 'string' } },
          ...replayedHeader,
        }),
        ...problems(400, 403, 409, 410, 413, 415, 422),
      },
    },
    {
      method: 'get',
      path: item,
      tags: [d.tag],
      operationId: `get${d.noun}`,
      summary: `Read a ${d.noun.toLowerCase()}`,
      description: rolesNote('contact:read'),
      request: { params: IdParamsSchema },
      responses: { 200: json(d.resource, 'The record.', etagHeader), ...problems(400, 403, 404) },
    },
    {
      method: 'patch',
      path: item,
      tags: [d.tag],
      operationId: `update${d.noun}`,
      summary: `Change a ${d.noun.toLowerCase()}`,
      description: `Merge patch guarded by If-Match. ${rolesNote('contact:write')}`,
      request: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: {
          required: true,
          content: {
            'application/json': { schema: d.patch },
            'application/merge-patch+json': { schema: d.patch },
          },
        },
      },
      responses: {
        200: json(d.resource, 'The changed record.', etagHeader),
        ...problems(400, 403, 404, 409, 413, 415, 422, 428),
      },
    },
    {
      method: 'delete',
      path: item,
      tags: [d.tag],
      operationId: `delete${d.noun}`,
      summary: `Delete a ${d.noun.toLowerCase()} (soft)`,
      description:
        'The record stops listing and reading; it is kept for history. Answers 200 with the ' +
        `deleted record (deletedAt set). Guarded by If-Match. ${rolesNote('contact:delete')}`,
      request: { params: IdParamsSchema, headers: IfMatchHeadersSchema },
      responses: {
        200: json(d.resource, 'The deleted record.'),
        ...problems(400, 403, 404, 409, 428),
      },
    },
    {
      method: 'get',
      path: `${item}/audit`,
      tags: [d.tag],
      operationId: `get${d.noun}Audit`,
      summary: 'Who changed what and when',
      description:
        'One entry per change, oldest first, with the value of each changed field before and ' +
        'after. Built from the contact events, so a change appears a moment after its write. ' +
        rolesNote('contact:audit'),
      request: { params: IdParamsSchema, query: AuditQuerySchema },
      responses: { 200: json(AuditPageSchema, 'A page of entries.'), ...problems(400, 403, 404) },
    },
    {
      method: 'get',
      path: `${item}/consents`,
      tags: [d.tag],
      operationId: `get${d.noun}Consents`,
      summary: 'Communication preferences and their history',
      description: `Current consent per channel, reachability, and every record. ${rolesNote('contact:read')}`,
      request: { params: IdParamsSchema },
      responses: {
        200: json(ConsentStateSchema, 'Consents.'),
        ...problems(400, 403, 404),
      },
    },
    {
      method: 'post',
      path: `${item}/consents`,
      tags: [d.tag],
      operationId: `record${d.noun}Consent`,
      summary: 'Record a consent change for one channel',
      description:
        'Opt-in, opt-out or unknown, with source, capture time and wording. No If-Match: the ' +
        'history keeps every record and the latest captured one per channel is current (an ' +
        'older capture joins the history without overriding); concurrent records are all kept. ' +
        'Send an Idempotency-Key to make a retry safe: the same key and body store one record ' +
        'and replay the first answer. ' +
        rolesNote('contact:write'),
      request: {
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: {
          required: true,
          content: { 'application/json': { schema: RecordConsentBodySchema } },
        },
      },
      responses: {
        201: json(RecordConsentResponseSchema, 'Recorded.', replayedHeader),
        ...problems(400, 403, 404, 409, 413, 415, 422),
      },
    },
  ];
  for (const route of routes) registry.registerPath({ ...route, path: `/v1${route.path}` });
}

export function registerContactRoutes(registry: OpenAPIRegistry): void {
  registerResource(registry, {
    path: '/contacts',
    tag: 'People',
    noun: 'Person',
    resource: PersonSchema,
    page: PersonPageSchema,
    create: CreatePersonBodySchema,
    patch: PatchPersonBodySchema,
  });
  registerResource(registry, {
    path: '/organizations',
    tag: 'Organizations',
    noun: 'Organization',
    resource: OrganizationSchema,
    page: OrganizationPageSchema,
    create: CreateOrganizationBodySchema,
    patch: PatchOrganizationBodySchema,
  });
}
