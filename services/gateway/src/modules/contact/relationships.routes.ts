// /v1/relationships and the relationship lists of a contact: /v1/contacts/{id}/relationships
// (people) and /v1/organizations/{id}/relationships (e.g. an organization's employees). One
// relationship record serves both sides; each list reads it from its own contact's side.
// Each operation is declared once for Express and OpenAPI.
import {
  createRelationshipRequest,
  listContactRelationshipsRequest,
  updateRelationshipRequest,
} from '../../domain/relationship-commands';
import { contactsAt } from '../../domain/idempotency';
import {
  decodeRelationshipCursor,
  encodeRelationshipCursor,
} from '../../domain/relationship-cursor';
import { required } from '../../grpc/upstream-client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { etagHeader, json, problems } from '../../http/openapi-kit';
import {
  createOperation,
  cursorRefused,
  readOperation,
  versionedOperation,
} from '../../http/resource-operations';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { RelationshipClient } from './contact.client';
import type { ResourceKind } from './contact.mapper';
import { toContactRelationshipResource, toRelationshipResource } from './relationship.mapper';
import {
  ContactRelationshipPageSchema,
  ContactRelationshipsQuerySchema,
  CreateRelationshipBodySchema,
  PatchRelationshipBodySchema,
  RelationshipSchema,
} from './relationship.schema';

export const RELATIONSHIPS_PATH = '/relationships';
export const tags = ['Relationships'];

/** On a 201: the ETag and where the new record reads. */
export const createdHeaders = {
  ...etagHeader,
  Location: { description: 'URL of the new record.', schema: { type: 'string' as const } },
};

/** Refuses a cursor issued for another list; answers the service page token inside it. */
export function relationshipPageToken(
  cursor: string | undefined,
  scope: string,
  filters: unknown[],
) {
  if (cursor === undefined) return '';
  const decoded = decodeRelationshipCursor(cursor, scope, filters);
  if (decoded.ok) return decoded.pageToken;
  throw cursorRefused(decoded.reason);
}

const relationship = (description: string) => ({ schema: RelationshipSchema, description });
const one = (res: { relationship: Parameters<typeof toRelationshipResource>[0] | null }) =>
  toRelationshipResource(required(res.relationship, 'a relationship'));

function listOf(kind: ResourceKind, relationships: RelationshipClient): Operation {
  const [collection, noun] =
    kind === 'person' ? ['contacts', 'person'] : ['organizations', 'organization'];
  return defineOperation({
    method: 'get',
    path: `/${collection}/{id}/relationships`,
    tags,
    operationId: kind === 'person' ? 'listPersonRelationships' : 'listOrganizationRelationships',
    summary: `List a ${noun}'s relationships, read from its side`,
    description:
      `Each row says what this ${noun} is to the other contact ("employer of" Ada), whichever ` +
      'side the relationship was created from. Current ones only unless includeInactive=true; ' +
      `rows whose other contact was deleted are left out. 404 unless the id is a ${noun}.`,
    permission: 'contact:read',
    params: IdParamsSchema,
    query: ContactRelationshipsQuerySchema,
    responses: {
      200: json(ContactRelationshipPageSchema, 'A page of relationships.'),
      ...problems(400, 403, 404),
    },
    async handle({ params, query, ctx, res }) {
      const filters = { typeCode: query.typeCode, includeInactive: query.includeInactive };
      const scope = `${kind}:${params.id}`;
      const fingerprint = [filters.typeCode ?? '', filters.includeInactive];
      const pageToken = relationshipPageToken(query.cursor, scope, fingerprint);
      const page = await relationships.ListContactRelationships(
        listContactRelationshipsRequest(params.id, kind, query.limit, pageToken, filters),
        ctx,
      );
      res.json({
        data: page.relationships.map(toContactRelationshipResource),
        nextCursor: encodeRelationshipCursor(scope, fingerprint, page.nextPageToken),
      });
    },
  });
}

export function relationshipOperations(relationships: RelationshipClient): Operation[] {
  const item = `${RELATIONSHIPS_PATH}/{id}`;
  return [
    listOf('person', relationships),
    listOf('organization', relationships),
    createOperation({
      path: RELATIONSHIPS_PATH,
      operationId: 'createRelationship',
      summary: 'Relate two contacts',
      description:
        'contactA reads labelAToB, contactB labelBToA. 404 when a contact is not in your ' +
        'tenant; 400 when a kind does not fit the type; 409 when a current relationship of the ' +
        'type already joins the pair (either order for symmetric types); 422 when the type is ' +
        'deactivated.',
      tags,
      permission: 'contact:write',
      body: CreateRelationshipBodySchema,
      idempotent: contactsAt('contactAId', 'contactBId'),
      answer: { ...relationship('Created.'), headers: createdHeaders },
      problems: [400, 403, 404, 409, 410, 413, 415, 422],
      async create({ body, ctx }) {
        return one(await relationships.CreateRelationship(createRelationshipRequest(body), ctx));
      },
    }),
    readOperation({
      path: item,
      operationId: 'getRelationship',
      summary: 'Read a relationship',
      tags,
      permission: 'contact:read',
      params: IdParamsSchema,
      answer: relationship('The relationship.'),
      async read({ params, ctx }) {
        return one(await relationships.GetRelationship({ id: params.id }, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: item,
      operationId: 'updateRelationship',
      summary: 'Change dates or description; set endDate to end it',
      description: 'Merge patch guarded by If-Match.',
      tags,
      permission: 'contact:write',
      params: IdParamsSchema,
      body: PatchRelationshipBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: relationship('The changed relationship.'),
      problems: [400, 403, 404, 409, 413, 415, 422, 428],
      async write({ params, version, body, ctx }) {
        const request = updateRelationshipRequest(params.id, version, body);
        return one(await relationships.UpdateRelationship(request, ctx));
      },
    }),
    versionedOperation({
      method: 'delete',
      path: item,
      operationId: 'deleteRelationship',
      summary: 'Delete a relationship (soft)',
      description: 'Guarded by If-Match.',
      tags,
      permission: 'contact:delete',
      params: IdParamsSchema,
      answer: { ...relationship('The deleted relationship.'), headers: null },
      async write({ params, version, ctx }) {
        const request = { id: params.id, expectedVersion: String(version) };
        return one(await relationships.DeleteRelationship(request, ctx));
      },
    }),
  ];
}
