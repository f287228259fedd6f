// The clients of the marketing service process (MARKETING_GRPC_ADDRESS): its SegmentService
// and CampaignService as typed upstreamClients behind the process's own bulkhead (counts and
// member pages walk a tenant's profiles: in the scan pool). Unit tests pass fakes instead.
import { MARKETING_PROTO, type MarketingProtoGrpcType } from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import type { UpstreamOptions } from '../../grpc/upstream-call';
import { upstreamClient, type UpstreamClient } from '../../grpc/upstream-client';

type V1 = MarketingProtoGrpcType['kith']['marketing']['v1'];
export type SegmentServiceDefinition = V1['SegmentService']['service'];
export type CampaignServiceDefinition = V1['CampaignService']['service'];
export type SegmentClient = UpstreamClient<SegmentServiceDefinition>;
export type CampaignClient = UpstreamClient<CampaignServiceDefinition>;

export interface MarketingModuleClient {
  segments: SegmentClient;
  campaigns: CampaignClient;
  close?(): void;
}

export function marketingServiceClient(
  upstream: UpstreamOptions,
): MarketingModuleClient & { close(): void } {
  const proto = loadProto(MARKETING_PROTO) as unknown as MarketingProtoGrpcType;
  const segments = upstreamClient(proto.kith.marketing.v1.SegmentService, upstream, {
    scans: ['CountSegment', 'ListSegmentMembers', 'PreviewSegmentCount'],
  });
  const campaigns = upstreamClient(proto.kith.marketing.v1.CampaignService, upstream, {
    scans: ['GetCampaignAttribution'],
  });
  return {
    segments,
    campaigns,
    close: () => {
      segments.close();
      campaigns.close();
    },
  };
}
