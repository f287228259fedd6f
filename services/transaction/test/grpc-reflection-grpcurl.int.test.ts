// Server reflection of the transaction process as grpcurl uses it (@kith/testkit's suite), and a
// gift's giving read knowing only what reflection returned.
import { describeReflectionThroughGrpcurl, grpcurlCaller, grpcurlRun } from '@kith/testkit';
import { newTenant, startTransactionTestService } from './support/transaction-test-service';

describeReflectionThroughGrpcurl({
  name: 'the transaction process',
  services: [
    'kith.transaction.v1.DonationService',
    'kith.privacy.v1.PersonalDataService',
    'grpc.health.v1.Health',
  ],
  async start() {
    const running = await startTransactionTestService('grpc-reflection-transaction');
    return { address: `127.0.0.1:${running.service.grpcPort}`, stop: () => running.stop() };
  },
  async call(address) {
    const caller = grpcurlCaller(newTenant());
    const listed = JSON.parse(
      await grpcurlRun(
        ...caller,
        '-d',
        '{"page": {"pageSize": 5}}',
        address,
        'kith.transaction.v1.DonationService/ListDonations',
      ),
    ) as { donations?: unknown[] };
    const refused = await grpcurlRun(
      ...caller,
      '-d',
      JSON.stringify({ id: '01934f6a-7c1e-7d2a-9f00-3c5e8a1b2c3d' }),
      address,
      'kith.transaction.v1.DonationService/GetDonation',
    ).then(
      () => 'answered',
      (err: { stderr?: string }) => err.stderr ?? String(err),
    );

    expect(listed.donations ?? []).toEqual([]);
    expect(refused).toMatch(/NotFound/);
  },
});
