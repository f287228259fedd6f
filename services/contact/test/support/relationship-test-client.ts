// A real gRPC client for RelationshipService, for integration tests: every call goes over the
// network with tenant metadata, exactly as the gateway calls it.
import {
  RELATIONSHIP_PROTO,
  type RelationshipProtoGrpcType,
  type relationshipV1,
} from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';

export interface RelationshipTestClient {
  call<Res>(method: string, tenantId: string, req: unknown): Promise<Res>;
  create(
    tenantId: string,
    req: relationshipV1.CreateRelationshipRequest,
  ): Promise<relationshipV1.Relationship__Output>;
  listFor(
    tenantId: string,
    req: relationshipV1.ListContactRelationshipsRequest,
  ): Promise<relationshipV1.ListContactRelationshipsResponse__Output>;
  close(): void;
}

export function relationshipTestClient(port: number): RelationshipTestClient {
  const proto = loadProto(RELATIONSHIP_PROTO) as unknown as RelationshipProtoGrpcType;
  const client = createClient<relationshipV1.RelationshipServiceClient>(
    proto.kith.contact.v1.RelationshipService,
    `127.0.0.1:${port}`,
  );
  const call = <Res>(method: string, tenantId: string, req: unknown) =>
    callUnary<Res>(client, method, req, { tenantId, userId: 'u-1', roles: ['admin'] });
  return {
    call,
    create: async (tenantId, req) => {
      const res = await call<relationshipV1.CreateRelationshipResponse__Output>(
        'CreateRelationship',
        tenantId,
        req,
      );
      if (!res.relationship) throw new Error('CreateRelationship answered without a relationship');
      return res.relationship;
    },
    listFor: (tenantId, req) => call('ListContactRelationships', tenantId, req),
    close: () => client.close(),
  };
}
