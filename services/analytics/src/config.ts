// Every variable the analytics service reads, validated at start-up: a missing or invalid one
// stops the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  consumerConfigShape,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
  serviceSettings,
} from '@kith/config';
import { z } from 'zod';

export const analyticsConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  ANALYTICS_GRPC_PORT: serviceSettings.grpcPort(50055),
  ANALYTICS_MAX_IN_FLIGHT_CALLS: serviceSettings.maxInFlightCalls(),
  ANALYTICS_DB_POOL_SIZE: serviceSettings.dbPoolSize(),
  ANALYTICS_DB_BUDGET_MS: serviceSettings.dbBudgetMs(),
  ANALYTICS_DB_NAME: serviceSettings.dbName(
    'kith_analytics',
    'MongoDB database of the analytics service (its outbox in <name>_outbox): gift facts per ' +
      'read model version, merges, read model states, settings, rebuilds and its contact ' +
      'projection, all built from events.',
  ),
  ANALYTICS_FACTS_FETCH_WAIT_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(200)
    .describe(
      'How long the live gift consumer waits for a batch before a fetch is answered: the most a ' +
        'lone gift waits in Kafka before the dashboard can show it. Shorter is fresher and costs ' +
        'more fetches and commits on a quiet topic (docs/analytics.md, "Measured").',
    ),
  ANALYTICS_REBUILD_CHECK_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(60_000)
    .default(500)
    .describe("How often a running rebuild's consumer group is compared with its targets."),
  ANALYTICS_REBUILD_DROP_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(5000)
    .describe(
      'After a rebuild switched over, how long the old read model version is kept before it is ' +
        'dropped (a live event handled just before the switch may still be writing to it).',
    ),
});

export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

export function loadAnalyticsConfig(
  env: Record<string, string | undefined> = process.env,
): AnalyticsConfig {
  return loadConfig(analyticsConfigSchema, env);
}
