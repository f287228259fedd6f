// Wiring only: telemetry first, then config, then plain constructors; @kith/service-kit gives
// the Kafka connection, the consumer, the reverse-order stop and the bounded stop on signals.
// `start(config)` is exported so end-to-end tests can run the gateway in-process.
import { telemetry } from './instrument';
import type { AddressInfo } from 'node:net';
import { createJwtVerifier } from '@kith/auth';
import { TOPICS } from '@kith/events';
import { checkHealth } from '@kith/grpc-kit';
import { createLogger, type Logger } from '@kith/logger';
import { Bulkhead } from '@kith/resilience';
import { connectEventBus, runService, startConsumers, StopSequence } from '@kith/service-kit';
import { MongoClient } from 'mongodb';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { loadGatewayConfig } from './config';
import type { GatewayConfig } from './config';
import { personalDataUpstream } from './grpc/personal-data.client';
import { parseUpstreams } from './domain/personal-data-export';
import { contactErasedConsumer } from './events/contact-erased.consumer';
import { createApp } from './http/app';
import { contactServiceClient } from './modules/contact/contact.client';
import { contactModule } from './modules/contact/contact.module';
import { interactionServiceClient } from './modules/interaction/interaction.client';
import { interactionModule } from './modules/interaction/interaction.module';
import { transactionServiceClient } from './modules/transaction/transaction.client';
import { transactionModule } from './modules/transaction/transaction.module';
import { analyticsServiceClient } from './modules/analytics/analytics.client';
import { analyticsModule } from './modules/analytics/analytics.module';
import { marketingServiceClient } from './modules/marketing/marketing.client';
import { marketingModule } from './modules/marketing/marketing.module';
import { createHttpServer } from './http/server';
import { IdempotencyRepository } from './store/idempotency.repository';

export interface RunningGateway {
  httpPort: number;
  stop(): Promise<void>;
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export async function start(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger({ service: 'kith-gateway', level: config.LOG_LEVEL });
  // Undone in reverse order on stop, or right away if a later step of start-up fails.
  const stops = new StopSequence(logger);
  return stops.unlessFails(() => startGateway(config, logger, stops));
}

async function startGateway(
  config: GatewayConfig,
  logger: Logger,
  stops: StopSequence,
): Promise<RunningGateway> {
  const mongo = new MongoClient(config.MONGO_URL);
  await mongo.connect();
  stops.add('mongo', () => mongo.close());
  const db = mongo.db(config.GATEWAY_DB_NAME);
  const idempotencyStore = new IdempotencyRepository(db);
  if (config.MONGO_SECONDARY_INDEXES === 'on') await idempotencyStore.ensureIndexes();
  // Erasures reach the stored responses through kith.contact.erased.v1, wherever they came
  // from; the producer only dead-letters what the consumer cannot handle.
  const bus = await connectEventBus(
    {
      clientId: 'kith-gateway',
      brokers: config.KAFKA_BROKERS,
      topics: [TOPICS.contact],
      topicPrefix: config.KITH_TOPIC_PREFIX,
      logger,
    },
    stops,
  );
  const erasures = contactErasedConsumer({
    kafka: bus.kafka,
    db,
    producer: bus.producer,
    storedResponses: idempotencyStore,
    topicPrefix: config.KITH_TOPIC_PREFIX,
    logger,
  });
  await startConsumers([erasures], { bus, db, logger }, stops);
  // Every service below is served by the contact service process, at the same address, so
  // they share one bulkhead: a tenant's burst on any of them counts against its one share.
  // Contact list pages are the heaviest reads (docs/operations.md): a few at a time, in a pool
  // of their own.
  const { bulkhead: contactBulkhead, scanBulkhead: contactScans } = upstreamBulkheads(
    'contact',
    config,
  );
  const contactProcess = {
    address: config.CONTACT_GRPC_ADDRESS,
    deadlineMs: config.GATEWAY_GRPC_DEADLINE_MS,
    bulkhead: contactBulkhead,
    scanBulkhead: contactScans,
  };
  // The interaction and transaction service processes: bulkheads of their own (their load is
  // not the contact's, nor each other's: a burst of gifts takes no timeline's slot).
  const interactionPools = upstreamBulkheads('interaction', config);
  const transactionPools = upstreamBulkheads('transaction', config);
  const analyticsPools = upstreamBulkheads('analytics', config);
  const marketingPools = upstreamBulkheads('marketing', config);
  // GDPR export: every service holding personal data (the registry), with the bulk deadline.
  const personalData = parseUpstreams(
    config.CONTACT_GRPC_ADDRESS,
    [
      `interaction=${config.INTERACTION_GRPC_ADDRESS}`,
      `transaction=${config.TRANSACTION_GRPC_ADDRESS}`,
      `analytics=${config.ANALYTICS_GRPC_ADDRESS}`,
      `marketing=${config.MARKETING_GRPC_ADDRESS}`,
      config.PERSONAL_DATA_UPSTREAMS,
    ]
      .filter(Boolean)
      .join(','),
  ).map(({ name, address }) =>
    personalDataUpstream(name, { address, deadlineMs: config.GATEWAY_EXPORT_DEADLINE_MS }),
  );
  const modules = [
    contactModule({
      client: contactServiceClient({
        upstream: contactProcess,
        bulkDeadlineMs: config.GATEWAY_EXPORT_DEADLINE_MS,
      }),
      personalData,
    }),
    interactionModule({
      client: interactionServiceClient({
        address: config.INTERACTION_GRPC_ADDRESS,
        deadlineMs: config.GATEWAY_GRPC_DEADLINE_MS,
        ...interactionPools,
      }),
    }),
    transactionModule({
      client: transactionServiceClient({
        address: config.TRANSACTION_GRPC_ADDRESS,
        deadlineMs: config.GATEWAY_GRPC_DEADLINE_MS,
        ...transactionPools,
      }),
    }),
    analyticsModule({
      client: analyticsServiceClient({
        address: config.ANALYTICS_GRPC_ADDRESS,
        deadlineMs: config.GATEWAY_GRPC_DEADLINE_MS,
        ...analyticsPools,
      }),
    }),
    marketingModule({
      client: marketingServiceClient({
        address: config.MARKETING_GRPC_ADDRESS,
        deadlineMs: config.GATEWAY_GRPC_DEADLINE_MS,
        ...marketingPools,
      }),
    }),
  ];
  stops.add('gRPC clients', () => {
    for (const module of modules) module.close();
  });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });

  const app = createApp({
    modules,
    idempotencyStore,
    // A retry of an in-flight request waits as long as the first can take, then replays it.
    idempotencyWaitMs: config.GATEWAY_GRPC_DEADLINE_MS,
    verifyToken: createJwtVerifier({
      issuer: config.KITH_JWT_ISSUER,
      audience: config.KITH_JWT_AUDIENCE,
      hs256Secret: config.KITH_JWT_HS256_SECRET,
      rs256PublicKey: config.KITH_JWT_RS256_PUBLIC_KEY,
    }),
    readiness: [
      {
        name: 'contact',
        check: () =>
          checkHealth(config.CONTACT_GRPC_ADDRESS, {
            timeoutMs: config.GATEWAY_READINESS_BUDGET_MS,
          }),
      },
      {
        name: 'interaction',
        check: () =>
          checkHealth(config.INTERACTION_GRPC_ADDRESS, {
            timeoutMs: config.GATEWAY_READINESS_BUDGET_MS,
          }),
      },
      {
        name: 'transaction',
        check: () =>
          checkHealth(config.TRANSACTION_GRPC_ADDRESS, {
            timeoutMs: config.GATEWAY_READINESS_BUDGET_MS,
          }),
      },
      {
        name: 'analytics',
        check: () =>
          checkHealth(config.ANALYTICS_GRPC_ADDRESS, {
            timeoutMs: config.GATEWAY_READINESS_BUDGET_MS,
          }),
      },
      {
        name: 'marketing',
        check: () =>
          checkHealth(config.MARKETING_GRPC_ADDRESS, {
            timeoutMs: config.GATEWAY_READINESS_BUDGET_MS,
          }),
      },
      { name: 'mongo', check: async () => (await db.command({ ping: 1 })).ok === 1 },
      // Shedding calls for lack of slots (not one tenant's share): send traffic elsewhere.
      { name: 'contact-capacity', check: () => Promise.resolve(!contactBulkhead.saturated()) },
      {
        name: 'interaction-capacity',
        check: () => Promise.resolve(!interactionPools.bulkhead.saturated()),
      },
      {
        name: 'transaction-capacity',
        check: () => Promise.resolve(!transactionPools.bulkhead.saturated()),
      },
      {
        name: 'analytics-capacity',
        check: () => Promise.resolve(!analyticsPools.bulkhead.saturated()),
      },
      {
        name: 'marketing-capacity',
        check: () => Promise.resolve(!marketingPools.bulkhead.saturated()),
      },
    ],
    readinessBudgetMs: config.GATEWAY_READINESS_BUDGET_MS,
    rateLimits: {
      address: {
        name: 'address',
        ratePerSecond: config.GATEWAY_RATE_LIMIT_ADDRESS_PER_S,
        burst: config.GATEWAY_RATE_LIMIT_ADDRESS_BURST,
      },
      tenant: {
        name: 'tenant',
        ratePerSecond: config.GATEWAY_RATE_LIMIT_TENANT_PER_S,
        burst: config.GATEWAY_RATE_LIMIT_TENANT_BURST,
      },
      user: {
        name: 'user',
        ratePerSecond: config.GATEWAY_RATE_LIMIT_USER_PER_S,
        burst: config.GATEWAY_RATE_LIMIT_USER_BURST,
      },
    },
    ...(config.GATEWAY_TRUST_PROXY ? { trustProxy: config.GATEWAY_TRUST_PROXY } : {}),
    metrics,
    logger,
    bodyLimit: `${config.GATEWAY_BODY_LIMIT_KB}kb`,
  });

  // No TTL indexes on FerretDB: expired idempotency keys are purged on a timer instead.
  const purge = setInterval(() => {
    idempotencyStore
      .purgeExpired(new Date())
      .then((n) => n > 0 && logger.info({ purged: n }, 'expired idempotency keys purged'))
      .catch((err: unknown) => logger.warn({ err }, 'idempotency purge failed'));
  }, PURGE_INTERVAL_MS);
  purge.unref();
  stops.add('idempotency purge', () => clearInterval(purge));

  const server = createHttpServer(app).listen(config.GATEWAY_HTTP_PORT);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  stops.add(
    'http server',
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
  const httpPort = (server.address() as AddressInfo).port;
  logger.info(
    {
      httpPort,
      contact: config.CONTACT_GRPC_ADDRESS,
      interaction: config.INTERACTION_GRPC_ADDRESS,
      transaction: config.TRANSACTION_GRPC_ADDRESS,
      analytics: config.ANALYTICS_GRPC_ADDRESS,
      marketing: config.MARKETING_GRPC_ADDRESS,
    },
    'gateway listening',
  );

  return {
    httpPort,
    async stop() {
      await stops.stop();
      logger.info('gateway stopped');
    },
  };
}

/** The calls in flight to one upstream process, and its list pages in a smaller pool. */
function upstreamBulkheads(name: string, config: GatewayConfig) {
  const queue = {
    maxQueue: config.GATEWAY_UPSTREAM_QUEUE,
    maxWaitMs: config.GATEWAY_UPSTREAM_QUEUE_WAIT_MS,
  };
  return {
    bulkhead: new Bulkhead({
      name,
      maxConcurrent: config.GATEWAY_UPSTREAM_MAX_CONCURRENT,
      maxPerKey: config.GATEWAY_UPSTREAM_TENANT_SHARE,
      ...queue,
    }),
    scanBulkhead: new Bulkhead({
      name: `${name}-scans`,
      maxConcurrent: config.GATEWAY_SCAN_MAX_CONCURRENT,
      maxPerKey: config.GATEWAY_SCAN_TENANT_SHARE,
      ...queue,
    }),
  };
}

if (require.main === module) {
  void runService({ name: 'gateway', loadConfig: loadGatewayConfig, start, telemetry });
}
