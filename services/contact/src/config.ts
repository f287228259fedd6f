// Every variable the contact service reads, validated at start-up: a missing or invalid
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

export const contactConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  CONTACT_GRPC_PORT: serviceSettings.grpcPort(50051),
  CONTACT_MAX_IN_FLIGHT_CALLS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(64)
    .describe(
      'gRPC calls served at once; with the queue below it bounds the database work the ' +
        'service can have outstanding (docs/operations.md).',
    ),
  CONTACT_TENANT_IN_FLIGHT_SHARE: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(48)
    .describe(
      'Of those, how many one tenant may hold, running or waiting (at most ' +
        'CONTACT_MAX_IN_FLIGHT_CALLS); beyond it the call is refused RESOURCE_EXHAUSTED (HTTP 429).',
    ),
  CONTACT_CALL_QUEUE: z.coerce
    .number()
    .int()
    .min(0)
    .max(100000)
    .default(64)
    .describe(
      'Calls that may wait for a free slot; beyond it, or after CONTACT_CALL_QUEUE_WAIT_MS, ' +
        'a call is refused RESOURCE_EXHAUSTED (HTTP 503).',
    ),
  CONTACT_CALL_QUEUE_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10000)
    .default(500)
    .describe('How long a call waits for a free slot.'),
  CONTACT_DB_POOL_SIZE: serviceSettings.dbPoolSize(),
  CONTACT_DB_POOL_WAIT_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(60000)
    .default(5000)
    .describe(
      'How long an operation waits for a free connection before it fails (waitQueueTimeoutMS).',
    ),
  CONTACT_DB_BUDGET_MS: serviceSettings.dbBudgetMs(),
  CONTACT_LIST_BUCKET_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(100)
    .describe(
      'Contacts per list bucket: a page of a whole-tenant listing reads one or two buckets, ' +
        'so on FerretDB it costs about this many documents (docs/architecture.md).',
    ),
  CONTACT_LIST_READ_BUDGET_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(30000)
    .default(1500)
    .describe(
      'A whole-tenant page whose filter matches few contacts stops reading buckets after this ' +
        'long and answers a short page with a token that resumes where it stopped.',
    ),
  CONTACT_DB_NAME: serviceSettings.dbName(
    'kith_contact',
    'MongoDB database that holds the contact service data.',
  ),
});

export type ContactConfig = z.infer<typeof contactConfigSchema>;

export function loadContactConfig(
  env: Record<string, string | undefined> = process.env,
): ContactConfig {
  return loadConfig(contactConfigSchema, env);
}
