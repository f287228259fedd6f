// Every variable the interaction service reads, validated at start-up: a missing or invalid
// one stops the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  consumerConfigShape,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
  serviceSettings,
} from '@kith/config';
import { z } from 'zod';

export const interactionConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  INTERACTION_GRPC_PORT: serviceSettings.grpcPort(50052),
  INTERACTION_MAX_IN_FLIGHT_CALLS: serviceSettings.maxInFlightCalls(),
  INTERACTION_DB_POOL_SIZE: serviceSettings.dbPoolSize(),
  INTERACTION_DB_BUDGET_MS: serviceSettings.dbBudgetMs(),
  INTERACTION_DB_NAME: serviceSettings.dbName(
    'kith_interaction',
    'MongoDB database of the interaction service (its outbox in <name>_outbox). Its contact ' +
      'projection, built from kith.contact.v1, lives here too.',
  ),
});

export type InteractionConfig = z.infer<typeof interactionConfigSchema>;

export function loadInteractionConfig(
  env: Record<string, string | undefined> = process.env,
): InteractionConfig {
  return loadConfig(interactionConfigSchema, env);
}
