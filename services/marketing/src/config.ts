// Every variable the marketing service reads, validated at start-up: a missing or invalid one
// stops the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  consumerConfigShape,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
  sensitive,
  serviceSettings,
} from '@kith/config';
import { z } from 'zod';

export const marketingConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  MARKETING_GRPC_PORT: serviceSettings.grpcPort(50054),
  MARKETING_MAX_IN_FLIGHT_CALLS: serviceSettings.maxInFlightCalls(),
  MARKETING_DB_POOL_SIZE: serviceSettings.dbPoolSize(),
  MARKETING_DB_BUDGET_MS: serviceSettings.dbBudgetMs(),
  MARKETING_DB_NAME: serviceSettings.dbName(
    'kith_marketing',
    'MongoDB database of the marketing service (its outbox in <name>_outbox): segments, ' +
      'campaigns, the send ledger and its projections of contacts, gifts and interactions.',
  ),
  MARKETING_SMTP_URL: sensitive(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'expected smtp://host:port or smtps://user:pass@host:port')
      .default('smtp://127.0.0.1:1025')
      .describe('SMTP relay campaign mail is handed to (Mailpit locally); may carry credentials.'),
  ),
  MARKETING_FROM_ADDRESS: z
    .string()
    .regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address')
    .default('campaigns@kith.localhost')
    .describe('From address of a campaign that names none.'),
  MARKETING_SMTP_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(4)
    .describe(
      'SMTP connections kept open to the relay; also how many recipients a send handles at once.',
    ),
  MARKETING_SMTP_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(10_000)
    .describe(
      'How long a connection, greeting or reply of the relay may take before the message counts as failed.',
    ),
  MARKETING_SEND_BATCH: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(50)
    .describe(
      'Contacts a send walks between checkpoints; after a crash at most one batch is decided again.',
    ),
  MARKETING_SEND_LEASE_STALE_MS: z.coerce
    .number()
    .int()
    .min(500)
    .max(3_600_000)
    .default(30_000)
    .describe(
      'A send whose process renewed its lease longer ago than this is taken over by another ' +
        'process (after a crash, the restarted one, which tries again this long after it finds ' +
        'the lease held); renewed at every checkpoint, so it must exceed the time of one batch.',
    ),
});

export type MarketingConfig = z.infer<typeof marketingConfigSchema>;

export function loadMarketingConfig(
  env: Record<string, string | undefined> = process.env,
): MarketingConfig {
  return loadConfig(marketingConfigSchema, env);
}
