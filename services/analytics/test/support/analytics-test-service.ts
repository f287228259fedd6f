// The analytics service started in-process against the test servers, with its own database and
// topic prefix; a ContactEventFeed and a DonationEventFeed play the contact and transaction
// services on that prefix (the service learns everything from events), and a typed gRPC client
// of AnalyticsService.
import { randomUUID } from 'node:crypto';
import { ANALYTICS_PROTO, type AnalyticsProtoGrpcType } from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { createTypedClient, loadProto, type CallContext, type TypedClient } from '@kith/grpc-kit';
import {
  ContactEventFeed,
  DonationEventFeed,
  groupCaughtUp,
  storedDocumentTexts,
  testDbName,
  testInfra,
  uniquePrefix,
  waitFor,
  createProjectedPerson,
} from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { loadAnalyticsConfig } from '../../src/config';
import { DONATION_FACTS_GROUP } from '../../src/events/donation-facts.consumer';
import {
  ANALYTICS_CONTACTS_GROUP,
  analyticsDatabaseNames,
  start,
  type RunningAnalyticsService,
} from '../../src/main';

type AnalyticsServiceDefinition =
  AnalyticsProtoGrpcType['kith']['analytics']['v1']['AnalyticsService']['service'];
export type AnalyticsClient = TypedClient<AnalyticsServiceDefinition>;

export interface AnalyticsTestService {
  service: RunningAnalyticsService;
  client: AnalyticsClient;
  prefix: string;
  contacts: ContactEventFeed;
  gifts: DonationEventFeed;
  mongo: MongoClient;
  dbName: string;
  /** A person the contact projection knows (waits until it does). */
  person(
    tenantId: string,
    values?: { firstName?: string; lastName?: string; email?: string },
  ): Promise<string>;
  /** Both live groups have handled everything published so far. */
  caughtUp(): Promise<void>;
  storedDocuments(): Promise<string[]>;
  /** The service stopped and started again on the same database and topics. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const newTenant = (): string => `tenant-${randomUUID()}`;

export const caller = (tenantId: string, roles = ['admin']): CallContext => ({
  tenantId,
  userId: 'analyst-1',
  roles,
});

export async function startAnalyticsTestService(
  label: string,
  env: Record<string, string> = {},
): Promise<AnalyticsTestService> {
  const { kafkaBrokers, mongoUrl, mongoSecondaryIndexes } = testInfra();
  const prefix = uniquePrefix(label);
  const dbName = testDbName(label);
  const config = loadAnalyticsConfig({
    KAFKA_BROKERS: kafkaBrokers.join(','),
    MONGO_URL: mongoUrl,
    MONGO_SECONDARY_INDEXES: mongoSecondaryIndexes,
    ANALYTICS_GRPC_PORT: '0',
    ANALYTICS_DB_NAME: dbName,
    ANALYTICS_REBUILD_CHECK_MS: '200',
    ANALYTICS_REBUILD_DROP_AFTER_MS: '500',
    KITH_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ...env,
  });
  let service = await start(config);
  const proto = loadProto(ANALYTICS_PROTO) as unknown as AnalyticsProtoGrpcType;
  let client = createTypedClient(
    proto.kith.analytics.v1.AnalyticsService,
    `127.0.0.1:${service.grpcPort}`,
  );
  const contacts = new ContactEventFeed(kafkaBrokers, prefix);
  const gifts = new DonationEventFeed(kafkaBrokers, prefix);
  await Promise.all([contacts.connect(), gifts.connect()]);
  const mongo = await new MongoClient(mongoUrl).connect();
  const groupDone = (group: string, topic: string) =>
    groupCaughtUp({
      brokers: kafkaBrokers,
      groupId: `${prefix}${group}`,
      topic: `${prefix}${topic}`,
    });
  const running: AnalyticsTestService = {
    get service() {
      return service;
    },
    get client() {
      return client;
    },
    prefix,
    contacts,
    gifts,
    mongo,
    dbName,
    person: (tenantId, values = {}) =>
      createProjectedPerson(contacts, mongo.db(dbName), tenantId, values),
    async caughtUp() {
      await waitFor(
        async () =>
          (await groupDone(DONATION_FACTS_GROUP, TOPICS.transaction)) &&
          (await groupDone(ANALYTICS_CONTACTS_GROUP, TOPICS.contact)),
        { what: 'the analytics consumers to catch up', timeoutMs: 30000 },
      );
    },
    async storedDocuments() {
      const names = Object.values(analyticsDatabaseNames(dbName));
      const texts = await Promise.all(
        names.map((name) => storedDocumentTexts(mongo.db(name), name)),
      );
      return texts.flat();
    },
    async restart() {
      client.close();
      await service.stop();
      service = await start(config);
      client = createTypedClient(
        proto.kith.analytics.v1.AnalyticsService,
        `127.0.0.1:${service.grpcPort}`,
      );
    },
    async stop() {
      client.close();
      await service.stop();
      await Promise.all([contacts.close(), gifts.close()]);
      for (const name of Object.values(analyticsDatabaseNames(dbName))) {
        await mongo.db(name).dropDatabase();
      }
      await mongo.close();
    },
  };
  return running;
}

/** The USD totals of a fiscal year as the service answers them (numbers, not int64 strings). */
export async function usdTotals(client: AnalyticsClient, tenantId: string, fiscalYear = 2026) {
  const res = await client.GetDashboard({ fiscalYear, currency: 'USD' }, caller(tenantId));
  const usd = res.currencies[0];
  return {
    readModel: res.readModel,
    raisedMinor: Number(usd?.raisedMinor ?? 0),
    gifts: usd?.gifts ?? 0,
    donors: usd?.donors ?? 0,
    newDonors: usd?.newDonors ?? 0,
    returningDonors: usd?.returningDonors ?? 0,
  };
}
