// A real gRPC client for HouseholdService, for integration tests: every call goes over the
// network with tenant metadata, as the gateway calls it.
import { HOUSEHOLD_PROTO, type HouseholdProtoGrpcType, type householdV1 } from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';

type Household = householdV1.Household__Output;

export interface HouseholdTestClient {
  call(method: string, tenantId: string, req: object): Promise<Household>;
  list(
    tenantId: string,
    req: householdV1.ListHouseholdsRequest,
  ): Promise<householdV1.ListHouseholdsResponse__Output>;
  close(): void;
}

export function householdTestClient(port: number): HouseholdTestClient {
  const proto = loadProto(HOUSEHOLD_PROTO) as unknown as HouseholdProtoGrpcType;
  const client = createClient<householdV1.HouseholdServiceClient>(
    proto.kith.contact.v1.HouseholdService,
    `127.0.0.1:${port}`,
  );
  const meta = (tenantId: string) => ({ tenantId, userId: 'u-1', roles: [] });
  return {
    async call(method, tenantId, req) {
      const res = await callUnary<{ household: Household | null }>(
        client,
        method,
        req,
        meta(tenantId),
      );
      if (!res.household) throw new Error(`${method} answered without a household`);
      return res.household;
    },
    list: (tenantId, req) => callUnary(client, 'ListHouseholds', req, meta(tenantId)),
    close: () => client.close(),
  };
}
