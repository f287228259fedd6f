// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
// Served at /v1/openapi.json and rendered at /docs.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { RouteConfig, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { PERMISSIONS } from '../domain/permissions';
import type { Permission } from '../domain/permissions';
import { registerCustomFields } from './custom-fields.openapi';
import { registerHouseholdRoutes } from './household.openapi';
import { registerImportRoutes } from './imports.openapi';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { relationshipRoutes } from './relationship-openapi';
import {
  AuditPageSchema,
  AuditQuerySchema,
  ConsentStateSchema,
  IdParamsSchema,
  IdempotencyHeadersSchema,
  RecordConsentBodySchema,
  RecordConsentResponseSchema,
  IfMatchHeadersSchema,
  ListQuerySchema,
  ProblemSchema,
} from './schemas/common.schema';
import {
  CreateOrganizationBodySchema,
  OrganizationPageSchema,
  OrganizationSchema,
  PatchOrganizationBodySchema,
} from './schemas/organization.schema';
import {
  CreatePersonBodySchema,
  PatchPersonBodySchema,
  PersonPageSchema,
  PersonSchema,
} from './schemas/person.schema';

export const BEARER_SCHEME = 'bearerAuth';

const PROBLEMS: Record<number, string> = {
  400: 'Malformed JSON, unknown fields or invalid values (see errors[]).',
  401: 'Missing, expired or invalid bearer token.',
  403: 'Your roles do not allow this.',
  404: 'No such record in your tenant (or it is of the other kind).',
  409: 'Version conflict, or the same Idempotency-Key is still in flight.',
  413: 'Body over 100 kB.',
  415: 'Body is not application/json (text/csv for CSV uploads).',
  422: 'Idempotency-Key reused with another body, or the record does not allow this.',
  428: 'If-Match is missing.',
  500: 'Unexpected error; nothing internal is disclosed.',
  503: 'A dependency is unavailable; retry.',
  504: 'A dependency did not answer in time; retry.',
};

export function problems(...statuses: number[]): Record<number, ResponseConfig> {
  const out: Record<number, ResponseConfig> = {};
  for (const status of [...statuses, 401, 500, 503, 504]) {
    out[status] = {
      description: PROBLEMS[status] ?? 'Problem',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return out;
}

export function json(
  schema: z.ZodType,
  description: string,
  headers?: ResponseConfig['headers'],
): ResponseConfig {
  return { description, headers, content: { 'application/json': { schema } } };
}

export const etagHeader = {
  ETag: {
    description: 'The record version as a strong entity tag: "3".',
    schema: { type: 'string' as const },
  },
};

export function rolesNote(permission: Permission): string {
  return `Requires ${permission} (roles: ${PERMISSIONS[permission].join(', ')}).`;
}

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
      description: `Cursor-paginated, newest first. ${rolesNote('contact:read')}`,
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
          'Idempotent-Replayed': {
            description: '"true" when this is a stored response replayed for an Idempotency-Key.',
            schema: { type: 'string' },
          },
        }),
        ...problems(400, 403, 409, 413, 415, 422),
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
        `older capture joins the history without overriding). ${rolesNote('contact:write')}`,
      request: {
        params: IdParamsSchema,
        body: {
          required: true,
          content: { 'application/json': { schema: RecordConsentBodySchema } },
        },
      },
      responses: {
        201: json(RecordConsentResponseSchema, 'Recorded.'),
        ...problems(400, 403, 404, 413, 415, 422),
      },
    },
  ];
  for (const route of routes) registry.registerPath({ ...route, path: `/v1${route.path}` });
}

function registerOperational(registry: OpenAPIRegistry): void {
  const open = { security: [], tags: ['Operations'] };
  const text = (description: string, type: string) => ({
    description,
    content: { [type]: { schema: { type: 'string' as const } } },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    responses: { 200: text('Alive.', 'application/json') },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the contact service and MongoDB answer',
    responses: {
      200: text('Every dependency is up.', 'application/json'),
      503: text('At least one dependency is down (named in the body).', 'application/json'),
    },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    responses: { 200: text('Prometheus text format.', 'text/plain') },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    responses: { 200: text('OpenAPI 3.1 JSON.', 'application/json') },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/docs',
    summary: 'Human-readable API reference',
    responses: { 200: text('HTML page.', 'text/html') },
  });
}

let cached: object | undefined;

export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'JWT with claims sub, tenant and roles; verified signature, exp, iss and aud.',
  });
  registry.register('Problem', ProblemSchema);
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
  registerCustomFields(registry, {
    problems,
    json,
    etagHeader,
    readNote: rolesNote('custom-field:read'),
    manageNote: rolesNote('custom-field:manage'),
  });
  registerHouseholdRoutes(registry);
  registerImportRoutes(registry);
  for (const route of relationshipRoutes({ problems, json, etagHeader, rolesNote })) {
    registry.registerPath({ ...route, path: `/v1${route.path}` });
  }
  registerOperational(registry);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kith API',
      version: '1.0.0',
      description:
        'REST API of Kith. JSON in camelCase; errors are RFC 9457 problem+json ' +
        '({type, title, status, detail, instance, errors[]}). Lists use cursor pagination: ' +
        'pass nextCursor back as ?cursor= with the same filters. PATCH and DELETE need ' +
        'If-Match: "<version>" (the ETag of GET): missing -> 428, stale -> 409.',
    },
    security: [{ [BEARER_SCHEME]: [] }],
  });
  return cached;
}
