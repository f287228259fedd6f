// kith.marketing.v1 SegmentService and CampaignService: translate proto <-> domain, call the
// use case, nothing else. The tenant always comes from call metadata (CallContext). Creates
// dedupe on the idempotency-key metadata (@kith/idempotency); a send requires it.
import type { marketingV1 } from '@kith/contracts';
import { unaryHandlers, versionFromProto } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { CampaignService } from '../app/campaign.service';
import type { SegmentService } from '../app/segment.service';
import { mapMarketingError, unlessNotFound } from './marketing-error.mapper';
import {
  attributionToProto,
  campaignToProto,
  memberToProto,
  segmentToProto,
} from './marketing-proto.mapper';

const actorOf = (ctx: { tenantId: string; userId: string }) => ({
  tenantId: ctx.tenantId,
  userId: ctx.userId,
});
const pageOf = (page: { pageSize?: number; pageToken?: string } | null | undefined) => ({
  pageSize: page?.pageSize ?? 0,
  pageToken: page?.pageToken ?? '',
});

export function segmentHandlers(
  segments: SegmentService,
  creates: IdempotentCreates,
  logger: Logger,
): marketingV1.SegmentServiceHandlers {
  return unaryHandlers<marketingV1.SegmentServiceHandlers>(
    {
      CreateSegment: async (req, ctx) => {
        const input = {
          name: req.name,
          ...(req.description ? { description: req.description } : {}),
          definitionJson: req.definitionJson,
        };
        const segment = await creates.create(ctx, 'SegmentService/CreateSegment', req, {
          create: (id) => segments.create(actorOf(ctx), input, id),
          find: (id) => unlessNotFound(() => segments.get(ctx.tenantId, id)),
        });
        return { segment: segmentToProto(segment) };
      },
      GetSegment: async (req, ctx) => ({
        segment: segmentToProto(await segments.get(ctx.tenantId, req.id)),
      }),
      UpdateSegment: async (req, ctx) => {
        const change = {
          expectedVersion: versionFromProto(req.expectedVersion),
          ...(req.name !== undefined ? { name: req.name } : {}),
          ...(req.description !== undefined ? { description: req.description } : {}),
          ...(req.definitionJson !== undefined ? { definitionJson: req.definitionJson } : {}),
        };
        return { segment: segmentToProto(await segments.update(actorOf(ctx), req.id, change)) };
      },
      DeleteSegment: async (req, ctx) => ({
        segment: segmentToProto(
          await segments.delete(actorOf(ctx), req.id, versionFromProto(req.expectedVersion)),
        ),
      }),
      ListSegments: async (req, ctx) => {
        const page = await segments.list(ctx.tenantId, pageOf(req.page));
        return {
          segments: page.segments.map(segmentToProto),
          page: { nextPageToken: page.nextPageToken },
        };
      },
      CountSegment: async (req, ctx) => {
        const { count, scanned } = await segments.count(ctx.tenantId, req.id);
        return { count: String(count), scanned: String(scanned) };
      },
      ListSegmentMembers: async (req, ctx) => {
        const page = await segments.members(ctx.tenantId, req.id, pageOf(req.page));
        return {
          members: page.members.map(memberToProto),
          page: { nextPageToken: page.nextPageToken },
        };
      },
      PreviewSegmentCount: async (req, ctx) => {
        const { count, scanned } = await segments.preview(ctx.tenantId, req.definitionJson);
        return { count: String(count), scanned: String(scanned) };
      },
    },
    { logger, mapError: mapMarketingError },
  );
}

export function campaignHandlers(
  campaigns: CampaignService,
  creates: IdempotentCreates,
  logger: Logger,
): marketingV1.CampaignServiceHandlers {
  return unaryHandlers<marketingV1.CampaignServiceHandlers>(
    {
      CreateCampaign: async (req, ctx) => {
        const input = {
          name: req.name,
          segmentId: req.segmentId,
          subjectTemplate: req.subjectTemplate,
          bodyTemplate: req.bodyTemplate,
          ...(req.sourceCode ? { sourceCode: req.sourceCode } : {}),
          ...(req.fromAddress ? { fromAddress: req.fromAddress } : {}),
        };
        const campaign = await creates.create(ctx, 'CampaignService/CreateCampaign', req, {
          create: (id) => campaigns.create(actorOf(ctx), input, id),
          find: (id) => unlessNotFound(() => campaigns.get(ctx.tenantId, id)),
        });
        return { campaign: campaignToProto(campaign) };
      },
      GetCampaign: async (req, ctx) => ({
        campaign: campaignToProto(await campaigns.get(ctx.tenantId, req.id)),
      }),
      ListCampaigns: async (req, ctx) => {
        const page = await campaigns.list(ctx.tenantId, pageOf(req.page));
        return {
          campaigns: page.campaigns.map(campaignToProto),
          page: { nextPageToken: page.nextPageToken },
        };
      },
      SendCampaign: async (req, ctx) => ({
        campaign: campaignToProto(
          await campaigns.send(actorOf(ctx), req.id, ctx.idempotencyKey ?? ''),
        ),
      }),
      GetCampaignAttribution: async (req, ctx) =>
        attributionToProto(await campaigns.attribution(ctx.tenantId, req.id)),
    },
    { logger, mapError: mapMarketingError },
  );
}
