// /v1/segments: saved audience definitions in the segment language, their live count and
// members (cursor pages), and a count of a definition without saving it. Changes carry If-Match
// (428 missing, 409 stale); a foreign tenant's id answers 404.
import { definitionNeeds, type SegmentCondition } from '@kith/contracts';
import { NO_CONTACTS } from '../../domain/idempotency';
import { isAllowed } from '../../domain/permissions';
import { GatewayError } from '../../http/problem';
import { required } from '../../grpc/upstream-client';
import { defineOperation, type Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import {
  createOperation,
  listOperation,
  readOperation,
  versionedOperation,
} from '../../http/resource-operations';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { SegmentClient } from './marketing.client';
import { toCountResource, toMemberResource, toSegmentResource } from './marketing.mapper';
import {
  CreateSegmentBodySchema,
  ListQuerySchema,
  PatchSegmentBodySchema,
  PreviewSegmentBodySchema,
  SegmentCountSchema,
  SegmentMemberPageSchema,
  SegmentPageSchema,
  SegmentSchema,
} from './marketing.schema';

export const SEGMENTS_PATH = '/segments';
const tags = ['Segments'];
const segment = (description: string) => ({ schema: SegmentSchema, description });
const one = (res: { segment: Parameters<typeof toSegmentResource>[0] | null }) =>
  toSegmentResource(required(res.segment, 'a segment'));

/**
 * A definition that asks about giving selects people by what they gave: writing or previewing
 * one needs donation:read as well (a person's giving is not a marketer's targeting field unless
 * someone who may read gifts decided so). A saved segment's members stay readable to segment:read.
 */
function mayAskAboutGiving(
  roles: readonly string[],
  definition: SegmentCondition | undefined,
): void {
  if (definition && definitionNeeds(definition).giving && !isAllowed(roles, 'donation:read')) {
    throw new GatewayError('forbidden', 'A definition with giving conditions needs donation:read.');
  }
}

export function segmentOperations(segments: SegmentClient): Operation[] {
  return [
    defineOperation({
      method: 'post',
      path: `${SEGMENTS_PATH}/preview-count`,
      operationId: 'previewSegmentCount',
      summary: 'Count a definition without saving it',
      description: 'How many live contacts the definition matches now.',
      tags,
      permission: 'segment:read',
      body: PreviewSegmentBodySchema,
      responses: { 200: json(SegmentCountSchema, 'The count.'), ...problems(400, 403, 413, 415) },
      async handle({ body, ctx, res }) {
        mayAskAboutGiving(ctx.roles, body.definition);
        const answer = await segments.PreviewSegmentCount(
          { definitionJson: JSON.stringify(body.definition) },
          ctx,
        );
        res.json(toCountResource(answer));
      },
    }),
    createOperation({
      path: SEGMENTS_PATH,
      operationId: 'createSegment',
      summary: 'Save a segment',
      description:
        'A named definition in the segment language; its members are computed when asked.',
      tags,
      permission: 'segment:write',
      body: CreateSegmentBodySchema,
      idempotent: NO_CONTACTS,
      answer: segment('Saved.'),
      async create({ body, ctx }) {
        mayAskAboutGiving(ctx.roles, body.definition);
        return one(
          await segments.CreateSegment(
            {
              name: body.name,
              description: body.description ?? '',
              definitionJson: JSON.stringify(body.definition),
            },
            ctx,
          ),
        );
      },
    }),
    listOperation({
      path: SEGMENTS_PATH,
      operationId: 'listSegments',
      summary: 'List segments',
      description: 'In creation order; deleted segments are left out.',
      tags,
      permission: 'segment:read',
      query: ListQuerySchema,
      scope: 'segment',
      page: { schema: SegmentPageSchema, description: 'A page of segments.' },
      async list({ query, ctx }, pageToken) {
        const page = await segments.ListSegments(
          { page: { pageSize: query.limit, pageToken } },
          ctx,
        );
        return {
          data: page.segments.map(toSegmentResource),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
    readOperation({
      path: `${SEGMENTS_PATH}/{id}`,
      operationId: 'getSegment',
      summary: 'Read a segment',
      tags,
      permission: 'segment:read',
      params: IdParamsSchema,
      answer: segment('The segment.'),
      async read({ params, ctx }) {
        return one(await segments.GetSegment({ id: params.id }, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: `${SEGMENTS_PATH}/{id}`,
      operationId: 'updateSegment',
      summary: 'Rename a segment or replace its definition',
      tags,
      permission: 'segment:write',
      params: IdParamsSchema,
      body: PatchSegmentBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: segment('The changed segment.'),
      async write({ params, version, body, ctx }) {
        mayAskAboutGiving(ctx.roles, body.definition);
        return one(
          await segments.UpdateSegment(
            {
              id: params.id,
              expectedVersion: String(version),
              ...(body.name !== undefined ? { name: body.name } : {}),
              ...(body.description !== undefined ? { description: body.description } : {}),
              ...(body.definition !== undefined
                ? { definitionJson: JSON.stringify(body.definition) }
                : {}),
            },
            ctx,
          ),
        );
      },
    }),
    versionedOperation({
      method: 'delete',
      path: `${SEGMENTS_PATH}/{id}`,
      operationId: 'deleteSegment',
      summary: 'Delete a segment',
      description: 'Soft delete: campaigns that name it can no longer be sent.',
      tags,
      permission: 'segment:write',
      params: IdParamsSchema,
      answer: segment('The deleted segment.'),
      async write({ params, version, ctx }) {
        return one(
          await segments.DeleteSegment({ id: params.id, expectedVersion: String(version) }, ctx),
        );
      },
    }),
    defineOperation({
      method: 'get',
      path: `${SEGMENTS_PATH}/{id}/count`,
      operationId: 'countSegment',
      summary: 'How many contacts a segment matches now',
      tags,
      permission: 'segment:read',
      params: IdParamsSchema,
      responses: { 200: json(SegmentCountSchema, 'The count.'), ...problems(400, 403, 404) },
      async handle({ params, ctx, res }) {
        res.json(toCountResource(await segments.CountSegment({ id: params.id }, ctx)));
      },
    }),
    listOperation({
      path: `${SEGMENTS_PATH}/{id}/members`,
      operationId: 'listSegmentMembers',
      summary: "A segment's members now",
      description:
        'The matching contacts by contact id, cursor-paginated; a cursor is bound to the segment.',
      tags,
      permission: 'segment:read',
      params: IdParamsSchema,
      query: ListQuerySchema,
      scope: 'segment-member',
      filters: (_q, params) => ({ segmentId: params.id }),
      page: { schema: SegmentMemberPageSchema, description: 'A page of members.' },
      problems: [400, 403, 404],
      async list({ params, query, ctx }, pageToken) {
        const page = await segments.ListSegmentMembers(
          { id: params.id, page: { pageSize: query.limit, pageToken } },
          ctx,
        );
        return {
          data: page.members.map(toMemberResource),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
  ];
}
