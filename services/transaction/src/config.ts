// Every variable the transaction service reads, validated at start-up: a missing or invalid
// one stops the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  consumerConfigShape,
  dbHealthBudgetVar,
  dbPoolSizeVar,
  grpcPortVar,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
} from '@kith/config';
import { z } from 'zod';

export const transactionConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  TRANSACTION_GRPC_PORT: grpcPortVar(50053),
  TRANSACTION_MAX_IN_FLIGHT_CALLS: z.coerce
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
  TRANSACTION_DB_POOL_SIZE: dbPoolSizeVar(),
  TRANSACTION_DB_BUDGET_MS: dbHealthBudgetVar(),
  TRANSACTION_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
    .default('kith_transaction')
    .describe(
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
