// The one client of the analytics service process (ANALYTICS_GRPC_ADDRESS): its
// AnalyticsService, a typed upstreamClient built from the generated definition, behind the
// process's own bulkhead (a dashboard reads the tenant's gift facts: in its scan pool). Unit
// tests pass fakeUpstream fakes instead.
import { ANALYTICS_PROTO, type AnalyticsProtoGrpcType } from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import type { UpstreamOptions } from '../../grpc/upstream-call';
import { upstreamClient, type UpstreamClient } from '../../grpc/upstream-client';

type AnalyticsService = AnalyticsProtoGrpcType['kith']['analytics']['v1']['AnalyticsService'];
export type AnalyticsServiceDefinition = AnalyticsService['service'];
export type AnalyticsClient = UpstreamClient<AnalyticsServiceDefinition>;

export interface AnalyticsModuleClient {
  analytics: AnalyticsClient;
  close?(): void;
}

export function analyticsServiceClient(upstream: UpstreamOptions): AnalyticsModuleClient & {
  close(): void;
} {
  const proto = loadProto(ANALYTICS_PROTO) as unknown as AnalyticsProtoGrpcType;
  const analytics = upstreamClient(proto.kith.analytics.v1.AnalyticsService, upstream, {
    scans: ['GetDashboard'],
  });
  return { analytics, close: () => analytics.close() };
}
