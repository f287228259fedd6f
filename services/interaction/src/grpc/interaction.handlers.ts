// kith.interaction.v1.InteractionService: translate proto <-> domain, call the use case,
// nothing else. The tenant and the logging user always come from call metadata (CallContext),
// never from the request.
import type { interactionV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { InteractionService } from '../app/interaction.service';
import type { MailIngestService } from '../app/mail-ingest.service';
import type { Interaction } from '../domain/interaction';
import { mapInteractionError } from './interaction-error.mapper';
import {
  fieldsFromProto,
  interactionToProto,
  pathsFromProto,
  typeFromProto,
  versionFromProto,
} from './interaction-proto.mapper';

type One = { interaction: interactionV1.Interaction };

const one = (interaction: Interaction): One => ({ interaction: interactionToProto(interaction) });

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

export function interactionHandlers(
  service: InteractionService,
  mail: MailIngestService,
  creates: IdempotentCreates,
  logger: Logger,
): interactionV1.InteractionServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapInteractionError };
  return {
    CreateInteraction: unaryHandler<interactionV1.CreateInteractionRequest__Output, One>(
      async (req, ctx) => {
        const input = fieldsFromProto(req.fields);
        const interaction = await creates.create(ctx, 'InteractionService/CreateInteraction', req, {
          create: (id) => service.create(ctx, input, id),
          find: (id) => service.find(ctx.tenantId, id),
        });
        return one(interaction);
      },
      opts,
    ),

    GetInteraction: unaryHandler<interactionV1.GetInteractionRequest__Output, One>(
      async (req, ctx) => one(await service.get(ctx.tenantId, req.id)),
      opts,
    ),

    UpdateInteraction: unaryHandler<interactionV1.UpdateInteractionRequest__Output, One>(
      async (req, ctx) =>
        one(
          await service.update({
            tenantId: ctx.tenantId,
            id: req.id,
            expectedVersion: versionFromProto(req.expectedVersion),
            input: fieldsFromProto(req.fields),
            paths: pathsFromProto(req.updateMask),
          }),
        ),
      opts,
    ),

    DeleteInteraction: unaryHandler<interactionV1.DeleteInteractionRequest__Output, One>(
      async (req, ctx) =>
        one(
          await service.delete({
            tenantId: ctx.tenantId,
            id: req.id,
            expectedVersion: versionFromProto(req.expectedVersion),
          }),
        ),
      opts,
    ),

    ListInteractions: unaryHandler<
      interactionV1.ListInteractionsRequest__Output,
      interactionV1.ListInteractionsResponse
    >(async (req, ctx) => {
      const page = await service.list({
        tenantId: ctx.tenantId,
        contactId: req.contactId,
        ...listInput(req.page, req.filter),
      });
      return {
        interactions: page.interactions.map(interactionToProto),
        page: { nextPageToken: page.nextPageToken ?? '' },
      };
    }, opts),

    ListContactTimeline: unaryHandler<
      interactionV1.ListContactTimelineRequest__Output,
      interactionV1.ListContactTimelineResponse
    >(async (req, ctx) => {
      const page = await service.timeline({
        tenantId: ctx.tenantId,
        contactId: req.contactId,
        ...listInput(req.page, req.filter),
      });
      return {
        entries: page.interactions.map((i) => ({
          kind: 'interaction',
          occurredAt: i.occurredAt,
          interaction: interactionToProto(i),
        })),
        page: { nextPageToken: page.nextPageToken ?? '' },
      };
    }, opts),

    IngestMail: unaryHandler<
      interactionV1.IngestMailRequest__Output,
      interactionV1.IngestMailResponse
    >(async (req, ctx) => {
      const ingested = await mail.ingest(ctx, req.raw);
      return {
        interaction: interactionToProto(ingested.interaction),
        created: ingested.created,
        unmatchedAddresses: ingested.unmatchedAddresses,
      };
    }, opts),
  };
}
