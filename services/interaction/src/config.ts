// Every variable the interaction service reads, validated at start-up: a missing or invalid
// one stops the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  consumerConfigShape,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
} from '@kith/config';
import { z } from 'zod';

export const interactionConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  INTERACTION_GRPC_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(50052)
    .describe('Port the gRPC server listens on (0 picks a free port, as tests do).'),
  INTERACTION_MAX_IN_FLIGHT_CALLS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(64)
    .describe(
      'gRPC calls served at once (one tenant may hold three quarters of them); with a queue of ' +
        'as many, waiting at most 500 ms, it bounds the database work outstanding. Beyond it a ' +
        'call is refused RESOURCE_EXHAUSTED (HTTP 429 or 503).',
    ),
  INTERACTION_DB_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .describe("Connections to MongoDB at most (the driver's maxPoolSize)."),
  INTERACTION_DB_BUDGET_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(30000)
    .default(1000)
    .describe(
      'A database ping slower than this marks the service NOT_SERVING on its gRPC health check ' +
        "(checked every 2 s), so the gateway's /readyz reports it.",
    ),
  INTERACTION_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
    .default('kith_interaction')
    .describe(
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
