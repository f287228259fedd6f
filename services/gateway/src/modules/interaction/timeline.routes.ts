// GET /v1/contacts/{id}/timeline: what happened with one contact, newest first, from the
// interaction service alone: the interactions they took part in, and from its projection of
// kith.transaction.v1 the gifts they gave, the gifts credited to them and the refunds of their
// gifts. It follows merges: the victim's history is re-pointed to the survivor, and the
// victim's timeline answers 404 with mergedInto. Gifts are money: a caller without
// donation:read sees interactions only, and asking for a money kind is 403.
import { TIMELINE_ENTRY_KINDS } from '@kith/contracts';
import { isAllowed } from '../../domain/permissions';
import { GatewayError } from '../../http/problem';
import type { Operation } from '../../http/operation';
import { listOperation } from '../../http/resource-operations';
import { listing } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { InteractionClient } from './interaction.client';
import { LISTING_FIELD_NAMES } from './interaction.schema';
import { filterOf } from './interactions.routes';
import { toTimelineEntryResource } from './timeline.mapper';
import {
  MONEY_KINDS,
  TimelinePageSchema,
  TimelineQuerySchema,
  type TimelineKind,
} from './timeline.schema';

/** The kinds the service is asked for: what the caller asked, within what they may read. */
export function readableKinds(
  roles: readonly string[],
  asked: readonly TimelineKind[] | undefined,
): TimelineKind[] {
  if (isAllowed(roles, 'donation:read')) return asked ? [...asked] : [];
  if (asked?.some((kind) => MONEY_KINDS.includes(kind))) {
    throw new GatewayError(
      'forbidden',
      'Gifts, soft credits and refunds on a timeline need donation:read.',
    );
  }
  // Everything but money: what they asked, or every other kind.
  const others = asked ?? TIMELINE_ENTRY_KINDS.filter((kind) => !MONEY_KINDS.includes(kind));
  return [...others];
}

export function timelineOperations(interactions: InteractionClient): Operation[] {
  return [
    listOperation({
      path: '/contacts/{id}/timeline',
      operationId: 'getContactTimeline',
      summary: "A contact's timeline",
      description:
        'What happened with the contact, newest first, cursor-paginated: interactions they ' +
        'took part in, gifts they gave (at receivedAt, net of refunds), gifts credited to ' +
        'them (soft_credit), refunds of their gifts (at refundedAt) and campaign messages sent ' +
        'to them (campaign_message). Filter by kind, interaction type and time range. Gifts ' +
        'need donation:read: without it the timeline holds no money kinds. 404 unless the id is a live contact (a merged one names ' +
        'its survivor in mergedInto: the history is there).',
      tags: ['Interactions'],
      permission: 'interaction:read',
      params: IdParamsSchema,
      query: TimelineQuerySchema,
      before: [listing("this contact's timeline", LISTING_FIELD_NAMES)],
      scope: 'timeline',
      filters: (q, params) => ({
        contactId: params.id,
        type: q.type,
        from: q.from,
        to: q.to,
        kinds: q.kind?.join(','),
      }),
      page: { schema: TimelinePageSchema, description: 'A page of the timeline.' },
      problems: [400, 403, 404],
      async list({ params, query, ctx }, pageToken) {
        const kinds = readableKinds(ctx.roles, query.kind);
        const page = await interactions.ListContactTimeline(
          {
            contactId: params.id,
            page: { pageSize: query.limit, pageToken },
            filter: filterOf(query),
            kinds,
          },
          ctx,
        );
        return {
          data: page.entries.map(toTimelineEntryResource),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
  ];
}
