// The analytics service's module: dashboards, settings and rebuilds, served by the analytics
// service process, as one list of declared operations.
import type { GatewayModule } from '../gateway-module';
import type { AnalyticsModuleClient } from './analytics.client';
import { analyticsOperations } from './analytics.routes';

export function analyticsModule({ client }: { client: AnalyticsModuleClient }): GatewayModule {
  return {
    name: 'analytics',
    operations: analyticsOperations(client.analytics),
    close() {
      client.close?.();
    },
  };
}
