// /v1/relationship-types: the tenant's catalogue. Everyone who reads contacts reads it;
// adding, relabelling and deactivating types needs relationship-type:manage (admin, manager).
import { NO_CONTACTS } from '../../domain/idempotency';
import {
  changeRelationshipTypeRequest,
  createRelationshipTypeRequest,
} from '../../domain/relationship-commands';
import { encodeRelationshipCursor } from '../../domain/relationship-cursor';
import { required } from '../../grpc/upstream-client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import { createOperation, versionedOperation } from '../../http/resource-operations';
import type { RelationshipClient } from './contact.client';
import { toRelationshipTypeResource } from './relationship.mapper';
import {
  CreateRelationshipTypeBodySchema,
  PatchRelationshipTypeBodySchema,
  RelationshipTypePageSchema,
  RelationshipTypeSchema,
  RelationshipTypesQuerySchema,
  TypeCodeParamsSchema,
} from './relationship.schema';
import { createdHeaders, relationshipPageToken, tags } from './relationships.routes';

export const RELATIONSHIP_TYPES_PATH = '/relationship-types';
const SCOPE = 'relationship-types';

type RelationshipTypeResource = ReturnType<typeof toRelationshipTypeResource>;
const one = (res: { relationshipType: Parameters<typeof toRelationshipTypeResource>[0] | null }) =>
  toRelationshipTypeResource(required(res.relationshipType, 'a relationship type'));

export function relationshipTypeOperations(relationships: RelationshipClient): Operation[] {
  return [
    defineOperation({
      method: 'get',
      path: RELATIONSHIP_TYPES_PATH,
      operationId: 'listRelationshipTypes',
      summary: "List the tenant's relationship types",
      description:
        'Built-in types (as the tenant changed them) and its own, by code, active or not.',
      tags,
      permission: 'contact:read',
      query: RelationshipTypesQuerySchema,
      responses: {
        200: json(RelationshipTypePageSchema, 'A page of types.'),
        ...problems(400, 403),
      },
      async handle({ query, ctx, res }) {
        const pageToken = relationshipPageToken(query.cursor, SCOPE, []);
        const page = await relationships.ListRelationshipTypes(
          { pageSize: query.limit, pageToken },
          ctx,
        );
        res.json({
          data: page.relationshipTypes.map(toRelationshipTypeResource),
          nextCursor: encodeRelationshipCursor(SCOPE, [], page.nextPageToken),
        });
      },
    }),
    createOperation({
      path: RELATIONSHIP_TYPES_PATH,
      operationId: 'createRelationshipType',
      summary: 'Add a relationship type',
      description: '409 when the code is taken (built-ins included: change those with PATCH).',
      tags,
      permission: 'relationship-type:manage',
      body: CreateRelationshipTypeBodySchema,
      idempotent: NO_CONTACTS,
      answer: { schema: RelationshipTypeSchema, description: 'Created.', headers: createdHeaders },
      location: (created: RelationshipTypeResource) =>
        `/v1${RELATIONSHIP_TYPES_PATH}/${encodeURIComponent(created.code)}`,
      async create({ body, ctx }) {
        const request = createRelationshipTypeRequest(body);
        return one(await relationships.UpsertRelationshipType(request, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: `${RELATIONSHIP_TYPES_PATH}/{code}`,
      operationId: 'updateRelationshipType',
      summary: 'Relabel, deactivate or reactivate a type (built-ins too)',
      description:
        'Kinds and symmetry never change. A built-in the tenant never changed is at version 1.',
      tags,
      permission: 'relationship-type:manage',
      params: TypeCodeParamsSchema,
      body: PatchRelationshipTypeBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: { schema: RelationshipTypeSchema, description: 'The changed type.' },
      problems: [400, 403, 404, 409, 413, 415, 428],
      async write({ params, version, body, ctx }) {
        const request = changeRelationshipTypeRequest(params.code, version, body);
        return one(await relationships.UpsertRelationshipType(request, ctx));
      },
    }),
  ];
}
