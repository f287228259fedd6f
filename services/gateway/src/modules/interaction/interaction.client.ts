// The one client of the interaction service process (INTERACTION_GRPC_ADDRESS): its
// InteractionService as a typed upstreamClient, behind the process's own bulkhead (list and
// timeline pages in the scan pool). Unit tests pass a fakeUpstream fake instead.
import { INTERACTION_PROTO, type InteractionProtoGrpcType } from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import { upstreamClient, type UpstreamClient } from '../../grpc/upstream-client';
import type { UpstreamOptions } from '../../grpc/upstream-call';

type InteractionService =
  InteractionProtoGrpcType['kith']['interaction']['v1']['InteractionService'];
export type InteractionServiceDefinition = InteractionService['service'];
export type InteractionClient = UpstreamClient<InteractionServiceDefinition>;

export function interactionServiceClient(upstream: UpstreamOptions): InteractionClient {
  const proto = loadProto(INTERACTION_PROTO) as unknown as InteractionProtoGrpcType;
  return upstreamClient(proto.kith.interaction.v1.InteractionService, upstream, {
    scans: ['ListInteractions', 'ListContactTimeline'],
  });
}
