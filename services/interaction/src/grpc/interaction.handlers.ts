// kith.interaction.v1.InteractionService: translate proto <-> domain, call the use case,
// nothing else. The tenant and the logging user always come from call metadata (CallContext),
// never from the request.
import type { interactionV1 } from '@kith/contracts';
import { unaryHandlers, versionFromProto } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { InteractionService } from '../app/interaction.service';
import type { MailIngestService } from '../app/mail-ingest.service';
import type { TimelineService } from '../app/timeline.service';
import type { Interaction } from '../domain/interaction';
import { mapInteractionError } from './interaction-error.mapper';
import {
  fieldsFromProto,
  interactionToProto,
  pathsFromProto,
  typeFromProto,
} from './interaction-proto.mapper';
import { timelineEntryToProto } from './timeline-proto.mapper';

const one = (interaction: Interaction) => ({ interaction: interactionToProto(interaction) });

/** The page and filters both listings take. */
function listInput(
  page: { pageSize: number; pageToken: string } | null,
  filter: interactionV1.InteractionFilter__Output | null,
) {
  return {
    pageSize: page?.pageSize ?? 0,
    pageToken: page?.pageToken ?? '',
    type: typeFromProto(filter?.type),
    occurredFrom: filter?.occurredFrom ?? '',
    occurredTo: filter?.occurredTo ?? '',
  };
}

/** The use cases the service's handlers call. */
export interface InteractionUseCases {
  interactions: InteractionService;
  mail: MailIngestService;
  timeline: Pick<TimelineService, 'page'>;
}

export function interactionHandlers(
  { interactions: service, mail, timeline }: InteractionUseCases,
  creates: IdempotentCreates,
  logger: Logger,
): interactionV1.InteractionServiceHandlers {
  return unaryHandlers<interactionV1.InteractionServiceHandlers>(
    {
      CreateInteraction: async (req, ctx) => {
        const input = fieldsFromProto(req.fields);
        const interaction = await creates.create(ctx, 'InteractionService/CreateInteraction', req, {
          create: (id) => service.create(ctx, input, id),
          find: (id) => service.find(ctx.tenantId, id),
        });
        return one(interaction);
      },

      GetInteraction: async (req, ctx) => one(await service.get(ctx.tenantId, req.id)),

      UpdateInteraction: async (req, ctx) =>
        one(
          await service.update({
            tenantId: ctx.tenantId,
            id: req.id,
            expectedVersion: versionFromProto(req.expectedVersion),
            input: fieldsFromProto(req.fields),
            paths: pathsFromProto(req.updateMask),
          }),
        ),

      DeleteInteraction: async (req, ctx) =>
        one(
          await service.delete({
            tenantId: ctx.tenantId,
            id: req.id,
            expectedVersion: versionFromProto(req.expectedVersion),
          }),
        ),

      ListInteractions: async (req, ctx) => {
        const page = await service.list({
          tenantId: ctx.tenantId,
          contactId: req.contactId,
          ...listInput(req.page, req.filter),
        });
        return {
          interactions: page.interactions.map(interactionToProto),
          page: { nextPageToken: page.nextPageToken ?? '' },
        };
      },

      ListContactTimeline: async (req, ctx) => {
        const page = await timeline.page({
          tenantId: ctx.tenantId,
          contactId: req.contactId,
          ...listInput(req.page, req.filter),
          kinds: req.kinds,
        });
        return {
          entries: page.entries.map(timelineEntryToProto),
          page: { nextPageToken: page.nextPageToken ?? '' },
        };
      },

      IngestMail: async (req, ctx) => {
        const ingested = await mail.ingest(ctx, req.raw);
        return {
          interaction: interactionToProto(ingested.interaction),
          created: ingested.created,
          unmatchedAddresses: ingested.unmatchedAddresses,
        };
      },
    },
    { logger, mapError: mapInteractionError },
  );
}
