// GET /v1/contacts/{id}/timeline: what happened with one contact, newest first, from the
// interaction service's own data (interactions today; gifts and refunds join them when the
// transaction service publishes them). It follows merges: a merged contact's history was
// re-pointed to the survivor, and the victim's timeline answers 404 with mergedInto.
import { required } from '../../grpc/upstream-client';
import type { Operation } from '../../http/operation';
import { listOperation } from '../../http/resource-operations';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { InteractionClient } from './interaction.client';
import { toInteractionResource } from './interaction.mapper';
import { TimelinePageSchema, TimelineQuerySchema } from './interaction.schema';
import { filterOf } from './interactions.routes';

export function timelineOperations(interactions: InteractionClient): Operation[] {
  return [
    listOperation({
      path: '/contacts/{id}/timeline',
      operationId: 'getContactTimeline',
      summary: "A contact's timeline",
      description:
        'Interactions the contact took part in, newest first, cursor-paginated; filter by kind, ' +
        'type and time range. 404 unless the id is a live contact (a merged one names its ' +
        'survivor in mergedInto: the history is there).',
      tags: ['Interactions'],
      permission: 'interaction:read',
      params: IdParamsSchema,
      query: TimelineQuerySchema,
      scope: 'timeline',
      filters: (q, params) => ({ contactId: params.id, type: q.type, from: q.from, to: q.to }),
      page: { schema: TimelinePageSchema, description: 'A page of the timeline.' },
      problems: [400, 403, 404],
      async list({ params, query, ctx }, pageToken) {
        const page = await interactions.ListContactTimeline(
          {
            contactId: params.id,
            page: { pageSize: query.limit, pageToken },
            filter: filterOf(query),
          },
          ctx,
        );
        return {
          data: page.entries.map((entry) => ({
            kind: 'interaction' as const,
            occurredAt: entry.occurredAt,
            interaction: toInteractionResource(required(entry.interaction, 'an interaction')),
          })),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
  ];
}
