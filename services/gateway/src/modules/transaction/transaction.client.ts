// The one client of the transaction service process (TRANSACTION_GRPC_ADDRESS): its
// DonationService, a typed upstreamClient built from the generated definition, behind the
// process's own bulkhead (list pages, sorted reads on FerretDB, in its scan pool). Unit tests
// pass fakeUpstream fakes instead.
import { DONATION_PROTO, type DonationProtoGrpcType } from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import type { UpstreamOptions } from '../../grpc/upstream-call';
import { upstreamClient, type UpstreamClient } from '../../grpc/upstream-client';

type DonationService = DonationProtoGrpcType['kith']['transaction']['v1']['DonationService'];
export type DonationServiceDefinition = DonationService['service'];
export type DonationClient = UpstreamClient<DonationServiceDefinition>;

export interface TransactionModuleClient {
  donations: DonationClient;
  close?(): void;
}

export function transactionServiceClient(upstream: UpstreamOptions): TransactionModuleClient & {
  close(): void;
} {
  const proto = loadProto(DONATION_PROTO) as unknown as DonationProtoGrpcType;
  const donations = upstreamClient(proto.kith.transaction.v1.DonationService, upstream, {
    scans: ['ListDonations'],
  });
  return { donations, close: () => donations.close() };
}
