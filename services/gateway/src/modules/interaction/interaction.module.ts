// The interaction service's module: interactions, ingested mail and contact timelines, as one
// list of declared operations. /interactions/mail is listed before /interactions/{id}.
import type { GatewayModule } from '../gateway-module';
import type { InteractionClient } from './interaction.client';
import { interactionOperations } from './interactions.routes';
import { timelineOperations } from './timeline.routes';

export function interactionModule(opts: { client: InteractionClient }): GatewayModule {
  return {
    name: 'interaction',
    operations: [...interactionOperations(opts.client), ...timelineOperations(opts.client)],
    close: () => opts.client.close(),
  };
}
