// Server reflection of the analytics process as grpcurl uses it (@kith/testkit's suite), and a
// tenant's settings read knowing only what reflection returned.
import { describeReflectionThroughGrpcurl, grpcurlCaller, grpcurlRun } from '@kith/testkit';
import { newTenant, startAnalyticsTestService } from './support/analytics-test-service';

describeReflectionThroughGrpcurl({
  name: 'the analytics process',
  services: [
    'kith.analytics.v1.AnalyticsService',
    'kith.privacy.v1.PersonalDataService',
    'grpc.health.v1.Health',
  ],
  async start() {
    const running = await startAnalyticsTestService('grpc-reflection-analytics');
    return { address: `127.0.0.1:${running.service.grpcPort}`, stop: () => running.stop() };
  },
  async call(address) {
    const caller = grpcurlCaller(newTenant());
    const settings = JSON.parse(
      await grpcurlRun(
        ...caller,
        '-d',
        '{}',
        address,
        'kith.analytics.v1.AnalyticsService/GetSettings',
      ),
    ) as { settings?: { fiscalYearStartMonth?: number } };
    const refused = await grpcurlRun(
      ...caller,
      '-d',
      JSON.stringify({ id: '01934f6a-7c1e-7d2a-9f00-3c5e8a1b2c3d' }),
      address,
      'kith.analytics.v1.AnalyticsService/GetRebuild',
    ).then(
      () => 'answered',
      (err: { stderr?: string }) => err.stderr ?? String(err),
    );

    expect(settings.settings?.fiscalYearStartMonth).toBe(1);
    expect(refused).toMatch(/NotFound/);
  },
});
