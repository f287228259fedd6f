// Wiring only, through @kith/service-kit: the stores and use cases on what the kit opened, the
// contact lifecycle consumer and the gRPC services as data. Telemetry starts first (the import
// below must stay first) so grpc and mongodb are instrumented when they load.
import { telemetry } from './instrument';

import { personalDataService } from '@kith/contact-lifecycle';
import { DONATION_PROTO } from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { grpcService } from '@kith/grpc-kit';
import { createKeysPruning } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import {
  admissionOf,
  runService,
  serviceDatabaseNames,
  startService,
  type RunningService,
} from '@kith/service-kit';
import { transactionUseCases } from './app/transaction-use-cases';
import { loadTransactionConfig, type TransactionConfig } from './config';
import { mapDonationError } from './grpc/donation-error.mapper';
import { donationHandlers } from './grpc/donation.handlers';

/** The consumer group that keeps the contact projection and runs the merge/erasure hooks. */
export const TRANSACTION_CONTACTS_GROUP = 'transaction-contact-lifecycle';

export type RunningTransactionService = RunningService;

/** Its main database and its outbox's (`<main>_outbox`). */
export const transactionDatabaseNames = serviceDatabaseNames;

export function start(
  config: TransactionConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningTransactionService> {
  const dbNames = transactionDatabaseNames(config.TRANSACTION_DB_NAME);
  return startService({
    name: 'transaction',
    config,
    ...(opts.logger ? { logger: opts.logger } : {}),
    mongo: { dbName: dbNames.main, maxPoolSize: config.TRANSACTION_DB_POOL_SIZE },
    topics: [TOPICS.transaction, TOPICS.contact],
    // Its own database, as the contact service's: on FerretDB/SQLite a writer lock of its own.
    outbox: { dbName: dbNames.outbox },
    grpc: {
      port: config.TRANSACTION_GRPC_PORT,
      admission: admissionOf(config.TRANSACTION_MAX_IN_FLIGHT_CALLS),
      healthBudgetMs: config.TRANSACTION_DB_BUDGET_MS,
    },
    wire: async ({ db, outbox, logger }) => {
      const uses = await transactionUseCases(db, outbox, {
        secondaryIndexes: config.MONGO_SECONDARY_INDEXES === 'on',
        waitForUnknownMs: config.TRANSACTION_UNKNOWN_CONTACT_WAIT_MS,
      });
      return {
        consumers: [
          // The projection and the hooks are idempotent by construction: no processed marks.
          {
            groupId: TRANSACTION_CONTACTS_GROUP,
            topics: [TOPICS.contact],
            handlers: uses.contacts.handlers(),
            dedupe: 'handler',
          },
        ],
        // Idempotency keys of creates, kept as long as the gateway keeps its own.
        prunedCollections: [createKeysPruning()],
        services: [
          grpcService(
            DONATION_PROTO,
            'kith.transaction.v1.DonationService',
            donationHandlers(uses.donations, logger, uses.creates),
          ),
          personalDataService('transaction', uses.exporter, { logger, mapError: mapDonationError }),
        ],
      };
    },
  });
}

if (require.main === module) {
  void runService({ name: 'transaction', loadConfig: loadTransactionConfig, start, telemetry });
}
