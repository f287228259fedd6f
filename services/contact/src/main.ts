// Wiring only: config -> stores -> outbox relay -> consumers -> gRPC server. Telemetry starts
// first (the import below must stay first) so grpc and mongodb are instrumented when they load.
import { telemetry } from './instrument';

import {
  ConsumerRunner,
  createKafka,
  ensureTopics,
  EventProducer,
  Outbox,
  OutboxRelay,
  ProcessedEventsPruner,
} from '@kith/bus';
import {
  CONTACT_PRIVACY_PROTO,
  CONTACT_IMPORT_PROTO,
  CONTACT_PROTO,
  CUSTOM_FIELD_PROTO,
  DUPLICATE_PROTO,
  HOUSEHOLD_PROTO,
  PERSONAL_DATA_PROTO,
  RELATIONSHIP_PROTO,
} from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { createGrpcServer } from '@kith/grpc-kit';
import { CREATE_KEYS_COLLECTION, CREATE_KEYS_TIME_FIELD } from '@kith/idempotency';
import { createLogger, type Logger } from '@kith/logger';
import { Bulkhead, callBudgetPlugin, probeAll, stopOnSignals } from '@kith/resilience';
import mongoose from 'mongoose';
import { contactUseCases } from './app/contact-use-cases';
import { loadContactConfig, type ContactConfig } from './config';
import { contactAuditConsumer } from './events/contact-audit.consumer';
import { rebuildContactCreated } from './events/contact-events';
import {
  CONTACT_MERGED_CONSUMER_GROUP,
  contactMergedHandlers,
} from './events/contact-merged.consumer';
import {
  HOUSEHOLD_ADDRESS_CONSUMER_GROUP,
  householdAddressHandlers,
} from './events/household-address.consumer';
import {
  HOUSEHOLD_MEMBERS_CONSUMER_GROUP,
  householdMemberHandlers,
} from './events/household-members.consumer';
import { contactImportHandlers } from './grpc/contact-import.handlers';
import { contactPackageService } from './grpc/contact-package';
import { contactHandlers } from './grpc/contact.handlers';
import { customFieldHandlers } from './grpc/custom-field.handlers';
import { duplicateHandlers } from './grpc/duplicate.handlers';
import { householdHandlers } from './grpc/household.handlers';
import { contactPersonalDataService, contactPrivacyHandlers } from './grpc/privacy.handlers';
import { relationshipHandlers } from './grpc/relationship.handlers';
import { contactDatabaseNames, openContactStores } from './store/contact-stores';
import { CONTACTS_COLLECTION } from './store/contact.model';

const CREATE_KEYS_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface RunningContactService {
  grpcPort: number;
  /** Stops taking calls, lets the relay finish its batch, then closes connections. */
  stop(): Promise<void>;
}

export async function start(
  config: ContactConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningContactService> {
  const logger = opts.logger ?? createLogger({ service: 'contact', level: config.LOG_LEVEL });
  // Undone in reverse order on stop, or right away if a later step of start-up fails.
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
    }
  };

  try {
    // A bounded pool, and a bounded wait for it: what the service sends the database cannot
    // pile up without bound behind a wedged server (docs/operations.md).
    const connection = await mongoose
      .createConnection(config.MONGO_URL, {
        dbName: config.CONTACT_DB_NAME,
        maxPoolSize: config.CONTACT_DB_POOL_SIZE,
        waitQueueTimeoutMS: config.CONTACT_DB_POOL_WAIT_MS,
      })
      .asPromise();
    cleanups.push(() => connection.close(true));
    // Every model query runs within the budget of the gRPC call it serves (maxTimeMS).
    connection.plugin(callBudgetPlugin);
    const dbNames = contactDatabaseNames(config.CONTACT_DB_NAME);
    const db = connection.getClient().db(dbNames.main);

    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'kith-contact', logger });
    await ensureTopics(kafka, [TOPICS.contact], { prefix: config.KITH_TOPIC_PREFIX });
    const producer = new EventProducer(kafka, { topicPrefix: config.KITH_TOPIC_PREFIX });
    await producer.connect();
    cleanups.push(() => producer.disconnect());

    // The outbox in a database of its own: on FerretDB that is its own SQLite file, so staging
    // an intent does not queue behind the contact write for the one writer lock of a file
    // (bench/contact-write). On MongoDB it makes no difference.
    const outbox = new Outbox(connection.getClient().db(dbNames.outbox));
    const relay = new OutboxRelay({
      db,
      producer,
      outbox,
      logger,
      // Bulk creates (import) stage ids only; after a crash their events are said again.
      rebuildCreated: { [CONTACTS_COLLECTION]: rebuildContactCreated },
    });
    await relay.start();
    cleanups.push(() => relay.stop());

    // The audit trail in a database of its own too: an import of 100k contacts is 100k audit
    // entries, written while the contacts are (bench/contact-import).
    const auditDb = connection.getClient().db(dbNames.audit);
    const stores = await openContactStores(connection, { db, auditDb }, outbox, {
      secondaryIndexes: config.MONGO_SECONDARY_INDEXES === 'on',
      listBucketSize: config.CONTACT_LIST_BUCKET_SIZE,
      bucketReadBudgetMs: config.CONTACT_LIST_READ_BUDGET_MS,
    });
    const uses = contactUseCases(stores);

    // Read models the service builds from its own events, each its own consumer group.
    const consumers = [
      contactAuditConsumer({
        kafka,
        db,
        producer,
        repository: stores.audit,
        topicPrefix: config.KITH_TOPIC_PREFIX,
        logger,
      }),
      // Renamed or deleted members: refresh their household's names.
      new ConsumerRunner({
        kafka,
        db,
        groupId: HOUSEHOLD_MEMBERS_CONSUMER_GROUP,
        topics: [TOPICS.contact],
        topicPrefix: config.KITH_TOPIC_PREFIX,
        handlers: householdMemberHandlers(uses.households),
        producer,
        logger,
        // Members remember the contact version their name came from: replays change nothing.
        dedupe: 'handler',
      }),
      // Household address changes, joins and leaves: members' inherited address (reachability).
      new ConsumerRunner({
        kafka,
        db,
        groupId: HOUSEHOLD_ADDRESS_CONSUMER_GROUP,
        topics: [TOPICS.contact],
        topicPrefix: config.KITH_TOPIC_PREFIX,
        handlers: householdAddressHandlers(uses.householdAddresses),
        producer,
        logger,
        // Each recompute reads the current household: replays change nothing.
        dedupe: 'handler',
      }),
      // Merged contacts: their relationships and household place move to the survivor.
      new ConsumerRunner({
        kafka,
        db,
        groupId: CONTACT_MERGED_CONSUMER_GROUP,
        topics: [TOPICS.contact],
        topicPrefix: config.KITH_TOPIC_PREFIX,
        handlers: contactMergedHandlers(uses.repointing),
        producer,
        logger,
      }),
    ];
    for (const consumer of consumers) {
      await consumer.start();
      cleanups.push(() => consumer.stop());
    }
    // No TTL indexes on FerretDB: the consumers' processed-event marks are pruned on a timer.
    if (config.PROCESSED_EVENTS_RETENTION_DAYS > 0) {
      const pruner = new ProcessedEventsPruner({
        db,
        logger,
        retentionMs: config.PROCESSED_EVENTS_RETENTION_DAYS * 24 * 60 * 60 * 1000,
      });
      pruner.start();
      cleanups.push(() => pruner.stop());
    }
    // Idempotency keys of creates, kept as long as the gateway keeps its own (docs/api.md).
    const keysPruner = new ProcessedEventsPruner({
      db,
      logger,
      collection: CREATE_KEYS_COLLECTION,
      timeField: CREATE_KEYS_TIME_FIELD,
      retentionMs: CREATE_KEYS_RETENTION_MS,
    });
    keysPruner.start();
    cleanups.push(() => keysPruner.stop());

    const services = [
      contactPackageService(
        CONTACT_PROTO,
        'ContactService',
        contactHandlers(uses.contacts, uses.audit, logger, stores.createKeys),
      ),
      contactPackageService(
        CUSTOM_FIELD_PROTO,
        'CustomFieldService',
        customFieldHandlers(uses.customFields, logger, stores.createKeys),
      ),
      contactPackageService(
        HOUSEHOLD_PROTO,
        'HouseholdService',
        householdHandlers(uses.households, logger, stores.createKeys),
      ),
      contactPackageService(
        RELATIONSHIP_PROTO,
        'RelationshipService',
        relationshipHandlers(uses.relationships, logger, stores.createKeys),
      ),
      contactPackageService(
        CONTACT_PRIVACY_PROTO,
        'ContactPrivacyService',
        contactPrivacyHandlers(uses.eraser, logger),
      ),
      contactPersonalDataService(uses.personalDataExport, logger),
      contactPackageService(
        DUPLICATE_PROTO,
        'DuplicateService',
        duplicateHandlers(uses.duplicates, uses.merges, logger),
      ),
      contactPackageService(
        CONTACT_IMPORT_PROTO,
        'ContactImportService',
        contactImportHandlers(uses.imports, logger, stores.createKeys),
      ),
    ];
    // At most this many calls at once (per tenant and in all), each holding its slot until its
    // handler returns: with the pool above, the bound on outstanding database work.
    const admission = new Bulkhead({
      name: 'contact',
      maxConcurrent: config.CONTACT_MAX_IN_FLIGHT_CALLS,
      maxPerKey: Math.min(
        config.CONTACT_TENANT_IN_FLIGHT_SHARE,
        config.CONTACT_MAX_IN_FLIGHT_CALLS,
      ),
      maxQueue: config.CONTACT_CALL_QUEUE,
      maxWaitMs: config.CONTACT_CALL_QUEUE_WAIT_MS,
    });
    const grpcServer = createGrpcServer({
      logger,
      services,
      admission,
      // Half the stop budget for calls in flight, the rest for the relay, consumers and pool.
      shutdownTimeoutMs: Math.floor(config.KITH_SHUTDOWN_TIMEOUT_MS / 2),
      protoFiles: [
        CONTACT_PROTO,
        CUSTOM_FIELD_PROTO,
        HOUSEHOLD_PROTO,
        RELATIONSHIP_PROTO,
        CONTACT_PRIVACY_PROTO,
        PERSONAL_DATA_PROTO,
        DUPLICATE_PROTO,
        CONTACT_IMPORT_PROTO,
      ],
    });
    const grpcPort = await grpcServer.start(`0.0.0.0:${config.CONTACT_GRPC_PORT}`);
    cleanups.push(() => grpcServer.stop());
    // SERVING only while the database answers within its budget and calls find slots; a
    // wedged database takes the service out of the gateway's /readyz.
    const healthWatch = watchHealth(
      grpcServer.setServing,
      [
        { name: 'mongo', check: async () => (await db.command({ ping: 1 })).ok === 1 },
        { name: 'capacity', check: () => Promise.resolve(!admission.saturated()) },
      ],
      config.CONTACT_DB_BUDGET_MS,
      logger,
    );
    cleanups.push(async () => healthWatch.stop());
    logger.info({ grpcPort, db: config.CONTACT_DB_NAME }, 'contact service started');
    return { grpcPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

const HEALTH_INTERVAL_MS = 2000;

function watchHealth(
  setServing: (serving: boolean) => void,
  checks: Parameters<typeof probeAll>[0],
  budgetMs: number,
  logger: Logger,
): { stop(): void } {
  let serving = true;
  let stopped = false;
  const timer = setInterval(() => {
    void probeAll(checks, budgetMs).then(({ down }) => {
      // Once stopping, the server says NOT_SERVING and a late probe must not undo it.
      if (stopped || serving === (down.length === 0)) return;
      serving = down.length === 0;
      setServing(serving);
      if (serving) logger.info('serving again');
      else logger.warn({ down, budgetMs }, 'not serving: dependencies down or over budget');
    });
  }, HEALTH_INTERVAL_MS);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

async function main(): Promise<void> {
  const config = loadContactConfig();
  const running = await start(config);
  stopOnSignals({
    name: 'contact',
    stop: () => running.stop().then(() => telemetry.shutdown()),
    timeoutMs: config.KITH_SHUTDOWN_TIMEOUT_MS,
  });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    // ConfigError lists every bad variable; anything else is a start-up failure.
    process.stderr.write(
      `contact: failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
