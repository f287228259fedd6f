// A real gRPC client for DuplicateService, for integration tests: every call goes over the
// network with tenant metadata, as the gateway calls it.
import { DUPLICATE_PROTO, type DuplicateProtoGrpcType, type duplicateV1 } from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';

export interface DuplicateTestClient {
  call<Res>(method: string, tenantId: string, req: unknown): Promise<Res>;
  merge(
    tenantId: string,
    req: duplicateV1.MergeContactsRequest,
  ): Promise<duplicateV1.MergeContactsResponse__Output>;
  duplicatesOf(tenantId: string, contactId: string): Promise<duplicateV1.DuplicateMatch__Output[]>;
  close(): void;
}

export function duplicateTestClient(port: number): DuplicateTestClient {
  const proto = loadProto(DUPLICATE_PROTO) as unknown as DuplicateProtoGrpcType;
  const client = createClient<duplicateV1.DuplicateServiceClient>(
    proto.kith.contact.v1.DuplicateService,
    `127.0.0.1:${port}`,
  );
  const call = <Res>(method: string, tenantId: string, req: unknown) =>
    callUnary<Res>(client, method, req, { tenantId, userId: 'u-1', roles: ['admin'] });
  return {
    call,
    merge: (tenantId, req) => call('MergeContacts', tenantId, req),
    duplicatesOf: async (tenantId, contactId) =>
      (
        await call<duplicateV1.ListDuplicatesResponse__Output>('ListDuplicates', tenantId, {
          contactId,
        })
      ).duplicates,
    close: () => client.close(),
  };
}
