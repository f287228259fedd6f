// The marketing service's module: segments and campaigns, served by the marketing service
// process, as one list of declared operations (/segments/preview-count before /segments/{id}).
import type { GatewayModule } from '../gateway-module';
import { campaignOperations } from './campaigns.routes';
import type { MarketingModuleClient } from './marketing.client';
import { segmentOperations } from './segments.routes';

export function marketingModule({ client }: { client: MarketingModuleClient }): GatewayModule {
  return {
    name: 'marketing',
    operations: [...segmentOperations(client.segments), ...campaignOperations(client.campaigns)],
    close() {
      client.close?.();
    },
  };
}
