// Every variable the transaction service reads, validated at start-up: a missing or invalid
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

export const transactionConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  TRANSACTION_GRPC_PORT: serviceSettings.grpcPort(50053),
  TRANSACTION_MAX_IN_FLIGHT_CALLS: serviceSettings.maxInFlightCalls(),
  TRANSACTION_DB_POOL_SIZE: serviceSettings.dbPoolSize(),
  TRANSACTION_DB_BUDGET_MS: serviceSettings.dbBudgetMs(),
  TRANSACTION_UNKNOWN_CONTACT_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(2000)
    .describe(
      'How long a gift waits for a contact id its projection does not know yet (one created a ' +
        'moment ago, its event on the way) before refusing it; all ids of one request wait together.',
    ),
  TRANSACTION_DB_NAME: serviceSettings.dbName(
    'kith_transaction',
    'MongoDB database of the transaction service (its outbox in <name>_outbox). Its contact ' +
      'projection, built from kith.contact.v1, lives here too.',
  ),
});

export type TransactionConfig = z.infer<typeof transactionConfigSchema>;

export function loadTransactionConfig(
  env: Record<string, string | undefined> = process.env,
): TransactionConfig {
  return loadConfig(transactionConfigSchema, env);
}
