// Server reflection of the interaction process as grpcurl uses it (@kith/testkit's suite), and a
// list call made knowing only what reflection returned.
import { describeReflectionThroughGrpcurl, grpcurlCaller, grpcurlRun } from '@kith/testkit';
import { newTenant, startInteractionService } from './support/start-interaction-service';

describeReflectionThroughGrpcurl({
  name: 'the interaction process',
  services: [
    'kith.interaction.v1.InteractionService',
    'kith.privacy.v1.PersonalDataService',
    'grpc.health.v1.Health',
  ],
  async start() {
    const running = await startInteractionService('grpc-reflection-interaction');
    return { address: `127.0.0.1:${running.service.grpcPort}`, stop: () => running.stop() };
  },
  async call(address) {
    const listed = JSON.parse(
      await grpcurlRun(
        ...grpcurlCaller(newTenant()),
        '-d',
        '{}',
        address,
        'kith.interaction.v1.InteractionService/ListInteractions',
      ),
    ) as { interactions?: unknown[] };

    expect(listed.interactions ?? []).toEqual([]);
  },
});
