// Server reflection of the marketing process as grpcurl uses it (@kith/testkit's suite), and a
// segment listing and a count of a definition made knowing only what reflection returned.
import { describeReflectionThroughGrpcurl, grpcurlCaller, grpcurlRun } from '@kith/testkit';
import { newTenant, startMarketingTestService } from './support/marketing-test-service';

describeReflectionThroughGrpcurl({
  name: 'the marketing process',
  services: [
    'kith.marketing.v1.SegmentService',
    'kith.marketing.v1.CampaignService',
    'kith.privacy.v1.PersonalDataService',
    'grpc.health.v1.Health',
  ],
  async start() {
    const running = await startMarketingTestService('grpc-reflection-marketing');
    return { address: `127.0.0.1:${running.service!.grpcPort}`, stop: () => running.stop() };
  },
  async call(address) {
    const caller = grpcurlCaller(newTenant());
    const listed = JSON.parse(
      await grpcurlRun(
        ...caller,
        '-d',
        '{"page": {"pageSize": 5}}',
        address,
        'kith.marketing.v1.SegmentService/ListSegments',
      ),
    ) as { segments?: unknown[] };
    const counted = JSON.parse(
      await grpcurlRun(
        ...caller,
        '-d',
        JSON.stringify({ definitionJson: '{"tag":"donor"}' }),
        address,
        'kith.marketing.v1.SegmentService/PreviewSegmentCount',
      ),
    ) as { count?: string };

    expect(listed.segments ?? []).toEqual([]);
    expect(counted.count ?? '0').toBe('0');
  },
});
