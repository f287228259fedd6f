// OpenAPI registrations of the relationship routes. openapi.ts passes in its helpers (problem
// responses, JSON bodies, the ETag header, role notes), so both documents read the same way.
import type { ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import type { Permission } from '../../domain/permissions';
import {
  IdParamsSchema,
  IdempotencyHeadersSchema,
  IfMatchHeadersSchema,
} from '../../http/schemas/parameters.schema';
import {
  ContactRelationshipPageSchema,
  ContactRelationshipsQuerySchema,
  CreateRelationshipBodySchema,
  CreateRelationshipTypeBodySchema,
  PatchRelationshipBodySchema,
  PatchRelationshipTypeBodySchema,
  RelationshipSchema,
  RelationshipTypePageSchema,
  RelationshipTypeSchema,
  RelationshipTypesQuerySchema,
  TypeCodeParamsSchema,
} from './relationship.schema';

export interface OpenApiHelpers {
  problems(...statuses: number[]): Record<number, ResponseConfig>;
  json(schema: z.ZodType, description: string, headers?: ResponseConfig['headers']): ResponseConfig;
  etagHeader: NonNullable<ResponseConfig['headers']>;
  rolesNote(permission: Permission): string;
}

const TAG = 'Relationships';

function body(schema: z.ZodType, mergePatch = false) {
  const content: Record<string, { schema: z.ZodType }> = { 'application/json': { schema } };
  if (mergePatch) content['application/merge-patch+json'] = { schema };
  return { required: true, content };
}

export function relationshipRoutes(h: OpenApiHelpers): RouteConfig[] {
  const created = (schema: z.ZodType) =>
    h.json(schema, 'Created.', {
      ...h.etagHeader,
      Location: { description: 'URL of the new record.', schema: { type: 'string' } },
    });
  const listOf = (kind: 'contacts' | 'organizations', noun: string): RouteConfig => ({
    method: 'get',
    path: `/${kind}/{id}/relationships`,
    tags: [TAG],
    operationId: kind === 'contacts' ? 'listPersonRelationships' : 'listOrganizationRelationships',
    summary: `List a ${noun}'s relationships, read from its side`,
    description:
      `Each row says what this ${noun} is to the other contact ("employer of" Ada), whichever ` +
      'side the relationship was created from. Current ones only unless includeInactive=true; ' +
      `rows whose other contact was deleted are left out. 404 unless the id is a ${noun}. ` +
      h.rolesNote('contact:read'),
    request: { params: IdParamsSchema, query: ContactRelationshipsQuerySchema },
    responses: {
      200: h.json(ContactRelationshipPageSchema, 'A page of relationships.'),
      ...h.problems(400, 403, 404),
    },
  });
  return [
    {
      method: 'get',
      path: '/relationship-types',
      tags: [TAG],
      operationId: 'listRelationshipTypes',
      summary: "List the tenant's relationship types",
      description:
        'Built-in types (as the tenant changed them) and its own, by code, active or not. ' +
        h.rolesNote('contact:read'),
      request: { query: RelationshipTypesQuerySchema },
      responses: {
        200: h.json(RelationshipTypePageSchema, 'A page of types.'),
        ...h.problems(400, 403),
      },
    },
    {
      method: 'post',
      path: '/relationship-types',
      tags: [TAG],
      operationId: 'createRelationshipType',
      summary: 'Add a relationship type',
      description:
        '409 when the code is taken (built-ins included: change those with PATCH). ' +
        h.rolesNote('relationship-type:manage'),
      request: { headers: IdempotencyHeadersSchema, body: body(CreateRelationshipTypeBodySchema) },
      responses: {
        201: created(RelationshipTypeSchema),
        ...h.problems(400, 403, 409, 413, 415, 422),
      },
    },
    {
      method: 'patch',
      path: '/relationship-types/{code}',
      tags: [TAG],
      operationId: 'updateRelationshipType',
      summary: 'Relabel, deactivate or reactivate a type (built-ins too)',
      description:
        'Kinds and symmetry never change. A built-in the tenant never changed is at version 1. ' +
        h.rolesNote('relationship-type:manage'),
      request: {
        params: TypeCodeParamsSchema,
        headers: IfMatchHeadersSchema,
        body: body(PatchRelationshipTypeBodySchema, true),
      },
      responses: {
        200: h.json(RelationshipTypeSchema, 'The changed type.', h.etagHeader),
        ...h.problems(400, 403, 404, 409, 413, 415, 428),
      },
    },
    {
      method: 'post',
      path: '/relationships',
      tags: [TAG],
      operationId: 'createRelationship',
      summary: 'Relate two contacts',
      description:
        'contactA reads labelAToB, contactB labelBToA. 404 when a contact is not in your ' +
        'tenant; 400 when a kind does not fit the type; 409 when a current relationship of the ' +
        'type already joins the pair (either order for symmetric types); 422 when the type is ' +
        `deactivated. ${h.rolesNote('contact:write')}`,
      request: { headers: IdempotencyHeadersSchema, body: body(CreateRelationshipBodySchema) },
      responses: {
        201: created(RelationshipSchema),
        ...h.problems(400, 403, 404, 409, 410, 413, 415, 422),
      },
    },
    {
      method: 'get',
      path: '/relationships/{id}',
      tags: [TAG],
      operationId: 'getRelationship',
      summary: 'Read a relationship',
      description: h.rolesNote('contact:read'),
      request: { params: IdParamsSchema },
      responses: {
        200: h.json(RelationshipSchema, 'The relationship.', h.etagHeader),
        ...h.problems(400, 403, 404),
      },
    },
    {
      method: 'patch',
      path: '/relationships/{id}',
      tags: [TAG],
      operationId: 'updateRelationship',
      summary: 'Change dates or description; set endDate to end it',
      description: `Merge patch guarded by If-Match. ${h.rolesNote('contact:write')}`,
      request: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: body(PatchRelationshipBodySchema, true),
      },
      responses: {
        200: h.json(RelationshipSchema, 'The changed relationship.', h.etagHeader),
        ...h.problems(400, 403, 404, 409, 413, 415, 422, 428),
      },
    },
    {
      method: 'delete',
      path: '/relationships/{id}',
      tags: [TAG],
      operationId: 'deleteRelationship',
      summary: 'Delete a relationship (soft)',
      description: `Guarded by If-Match. ${h.rolesNote('contact:delete')}`,
      request: { params: IdParamsSchema, headers: IfMatchHeadersSchema },
      responses: {
        200: h.json(RelationshipSchema, 'The deleted relationship.'),
        ...h.problems(400, 403, 404, 409, 422, 428),
      },
    },
    listOf('contacts', 'person'),
    listOf('organizations', 'organization'),
  ];
}
