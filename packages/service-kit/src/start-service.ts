// What every service's start-up repeats, in order: MongoDB, Kafka topics and producer, the
// outbox and its relay, the service's own stores and use cases (its `wire` callback), the
// consumers it declares, the processed-marks pruner, the gRPC server with health and
// reflection, and the health watch. Each step is undone in reverse order on stop, or at once
// when a later step fails. Telemetry is not started here: it must patch grpc and mongodb
// before they load, so main.ts imports its instrument.ts first (see runService).
import { Outbox, OutboxRelay, ProcessedEventsPruner, type CreatedEventRebuilder } from '@kith/bus';
import { createGrpcServer, type GrpcServiceRegistration } from '@kith/grpc-kit';
import { createLogger, type Logger } from '@kith/logger';
import {
  Bulkhead,
  callBudgetPlugin,
  type BulkheadOptions,
  type ReadinessCheck,
} from '@kith/resilience';
import mongoose, { type Connection, type mongo } from 'mongoose';
import {
  startConsumers,
  type ConsumerDeclaration,
  type StartableConsumer,
} from './consumer-declaration';
import { connectEventBus, type EventBus } from './event-bus';
import { watchHealth } from './health-watch';
import { StopSequence } from './stop-sequence';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The variables of @kith/config's common, kafka, mongo and consumer shapes the kit reads. */
export interface ServiceKitConfig {
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  KITH_TOPIC_PREFIX: string;
  KITH_SHUTDOWN_TIMEOUT_MS: number;
  KAFKA_BROKERS: string[];
  MONGO_URL: string;
  PROCESSED_EVENTS_RETENTION_DAYS: number;
}

/** What the kit has opened when it asks the service to wire itself. */
export interface ServiceInfra {
  logger: Logger;
  connection: Connection;
  /** The service's main database: its aggregates and its consumers' processed marks. */
  db: mongo.Db;
  outbox: Outbox;
  bus: EventBus;
}

/** What the service declares once its stores and use cases exist. */
export interface ServiceWiring {
  services: GrpcServiceRegistration[];
  consumers: Array<ConsumerDeclaration | StartableConsumer>;
  /** Checks besides the database ping and the admission capacity the kit always runs. */
  healthChecks?: ReadinessCheck[];
  /**
   * Collections of records that only grow (e.g. idempotency keys), pruned on a timer like the
   * processed-event marks: FerretDB has no TTL indexes.
   */
  prunedCollections?: Array<{ collection: string; timeField: string; retentionMs: number }>;
}

export interface StartServiceOptions {
  /** Short name: 'contact' logs as service "contact" and connects to Kafka as "kith-contact". */
  name: string;
  config: ServiceKitConfig;
  logger?: Logger;
  mongo: {
    /** Database the connection opens, and the main database unless `mainDb` says another. */
    dbName: string;
    mainDb?: string;
    maxPoolSize?: number;
    waitQueueTimeoutMS?: number;
  };
  /** Logical topics the service publishes to or consumes; created when missing. */
  topics: string[];
  outbox: {
    /** A database of its own for the outbox (default: the main database). */
    dbName?: string;
    /** Per collection written through `Outbox.stageCreates`: how to say a creation again. */
    rebuildCreated?: Record<string, CreatedEventRebuilder>;
  };
  grpc: {
    /** 0 picks a free port. */
    port: number;
    /** Calls served at once, per tenant (the bulkhead key) and in all. */
    admission?: Omit<BulkheadOptions, 'name'>;
    /** A health check slower than this counts as down. */
    healthBudgetMs: number;
    /** Largest request message accepted (grpc-js refuses above 4 MiB by default). */
    maxReceiveMessageBytes?: number;
  };
  wire(infra: ServiceInfra): Promise<ServiceWiring> | ServiceWiring;
}

export interface RunningService {
  grpcPort: number;
  /** Stops taking calls, lets the relay finish its batch, then closes connections. */
  stop(): Promise<void>;
}

export async function startService(opts: StartServiceOptions): Promise<RunningService> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger({ service: opts.name, level: config.LOG_LEVEL });
  const stops = new StopSequence(logger);
  return stops.unlessFails(async () => {
    // A bounded pool, and a bounded wait for it: what the service sends the database cannot
    // pile up without bound behind a wedged server (docs/operations.md).
    const connection = await mongoose
      .createConnection(config.MONGO_URL, {
        dbName: opts.mongo.dbName,
        ...(opts.mongo.maxPoolSize ? { maxPoolSize: opts.mongo.maxPoolSize } : {}),
        ...(opts.mongo.waitQueueTimeoutMS
          ? { waitQueueTimeoutMS: opts.mongo.waitQueueTimeoutMS }
          : {}),
      })
      .asPromise();
    stops.add('mongo', () => connection.close(true));
    // Every model query runs within the budget of the gRPC call it serves (maxTimeMS).
    connection.plugin(callBudgetPlugin);
    const db = connection.getClient().db(opts.mongo.mainDb ?? opts.mongo.dbName);

    const bus = await connectEventBus(
      {
        clientId: `kith-${opts.name}`,
        brokers: config.KAFKA_BROKERS,
        topics: opts.topics,
        topicPrefix: config.KITH_TOPIC_PREFIX,
        logger,
      },
      stops,
    );

    const outbox = new Outbox(
      opts.outbox.dbName ? connection.getClient().db(opts.outbox.dbName) : db,
    );
    const relay = new OutboxRelay({
      db,
      producer: bus.producer,
      outbox,
      logger,
      ...(opts.outbox.rebuildCreated ? { rebuildCreated: opts.outbox.rebuildCreated } : {}),
    });
    await relay.start();
    stops.add('outbox relay', () => relay.stop());

    const wiring = await opts.wire({ logger, connection, db, outbox, bus });

    await startConsumers(wiring.consumers, { bus, db, logger }, stops);
    // No TTL indexes on FerretDB: the consumers' processed-event marks are pruned on a timer.
    if (config.PROCESSED_EVENTS_RETENTION_DAYS > 0) {
      const pruner = new ProcessedEventsPruner({
        db,
        logger,
        retentionMs: config.PROCESSED_EVENTS_RETENTION_DAYS * DAY_MS,
      });
      pruner.start();
      stops.add('processed-events pruner', () => pruner.stop());
    }
    for (const pruned of wiring.prunedCollections ?? []) {
      const pruner = new ProcessedEventsPruner({ db, logger, ...pruned });
      pruner.start();
      stops.add(`${pruned.collection} pruner`, () => pruner.stop());
    }

    // At most this many calls at once (per tenant and in all), each holding its slot until its
    // handler returns: with the pool above, the bound on outstanding database work.
    const admission = opts.grpc.admission
      ? new Bulkhead({ name: opts.name, ...opts.grpc.admission })
      : undefined;
    const grpcServer = createGrpcServer({
      logger,
      services: wiring.services,
      ...(admission ? { admission } : {}),
      ...(opts.grpc.maxReceiveMessageBytes
        ? { serverOptions: { 'grpc.max_receive_message_length': opts.grpc.maxReceiveMessageBytes } }
        : {}),
      // Half the stop budget for calls in flight, the rest for the relay, consumers and pool.
      shutdownTimeoutMs: Math.floor(config.KITH_SHUTDOWN_TIMEOUT_MS / 2),
    });
    const grpcPort = await grpcServer.start(`0.0.0.0:${opts.grpc.port}`);
    stops.add('gRPC server', () => grpcServer.stop());
    // SERVING only while the database answers within its budget and calls find slots.
    const healthWatch = watchHealth(
      grpcServer.setServing,
      [
        { name: 'mongo', check: async () => (await db.command({ ping: 1 })).ok === 1 },
        ...(admission
          ? [{ name: 'capacity', check: () => Promise.resolve(!admission.saturated()) }]
          : []),
        ...(wiring.healthChecks ?? []),
      ],
      opts.grpc.healthBudgetMs,
      logger,
    );
    stops.add('health watch', () => healthWatch.stop());
    logger.info({ grpcPort, db: opts.mongo.dbName }, `${opts.name} service started`);
    return { grpcPort, stop: () => stops.stop() };
  });
}
