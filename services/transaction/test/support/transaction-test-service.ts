// The transaction service started in-process against the test servers, with its own database
// and topic prefix, a ContactEventFeed playing the contact service on that prefix (the service
// learns contacts only from kith.contact.v1), and a typed gRPC client of DonationService.
import { randomUUID } from 'node:crypto';
import { DONATION_PROTO, type DonationProtoGrpcType } from '@kith/contracts';
import { createTypedClient, loadProto, type CallContext, type TypedClient } from '@kith/grpc-kit';
import {
  ContactEventFeed,
  contactProjectedIn,
  createProjectedPerson,
  storedDocumentTexts,
  testDbName,
  testInfra,
  uniquePrefix,
  waitFor,
  type PersonValues,
} from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { loadTransactionConfig } from '../../src/config';
import { start, transactionDatabaseNames, type RunningTransactionService } from '../../src/main';

type DonationServiceDefinition =
  DonationProtoGrpcType['kith']['transaction']['v1']['DonationService']['service'];
export type DonationClient = TypedClient<DonationServiceDefinition>;

export interface TransactionTestService {
  service: RunningTransactionService;
  client: DonationClient;
  /** The topic prefix the service and the feed share. */
  prefix: string;
  feed: ContactEventFeed;
  mongo: MongoClient;
  dbName: string;
  /** A person the service's projection knows (waits until it does). */
  person(tenantId: string, values?: Partial<PersonValues>): Promise<string>;
  /** The projection has seen every event the feed sent. */
  caughtUp(): Promise<void>;
  /** Every document of every collection of the service's databases, as JSON text. */
  storedDocuments(): Promise<string[]>;
  stop(): Promise<void>;
}

export const newTenant = (): string => `tenant-${randomUUID()}`;

export const caller = (tenantId: string, idempotencyKey?: string): CallContext => ({
  tenantId,
  userId: 'fundraiser-1',
  roles: ['fundraiser'],
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

export async function startTransactionTestService(
  label: string,
  env: Record<string, string> = {},
): Promise<TransactionTestService> {
  const { kafkaBrokers, mongoUrl, mongoSecondaryIndexes } = testInfra();
  const prefix = uniquePrefix(label);
  const dbName = testDbName(label);
  const service = await start(
    loadTransactionConfig({
      KAFKA_BROKERS: kafkaBrokers.join(','),
      MONGO_URL: mongoUrl,
      MONGO_SECONDARY_INDEXES: mongoSecondaryIndexes,
      TRANSACTION_GRPC_PORT: '0',
      TRANSACTION_DB_NAME: dbName,
      KITH_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      ...env,
    }),
  );
  const proto = loadProto(DONATION_PROTO) as unknown as DonationProtoGrpcType;
  const client = createTypedClient(
    proto.kith.transaction.v1.DonationService,
    `127.0.0.1:${service.grpcPort}`,
  );
  const feed = new ContactEventFeed(kafkaBrokers, prefix);
  await feed.connect();
  const mongo = await new MongoClient(mongoUrl).connect();
  const projected = contactProjectedIn(mongo.db(dbName));
  return {
    service,
    client,
    prefix,
    feed,
    mongo,
    dbName,
    person: (tenantId, values = {}) =>
      createProjectedPerson(feed, mongo.db(dbName), tenantId, values),
    async caughtUp() {
      await waitFor(
        async () => {
          for (const { tenantId, id, version } of feed.contacts()) {
            if (!(await projected(tenantId, id, version))) return false;
          }
          return true;
        },
        { what: 'the transaction service to catch up with the feed' },
      );
    },
    async storedDocuments() {
      const names = Object.values(transactionDatabaseNames(dbName));
      const texts = await Promise.all(
        names.map((name) => storedDocumentTexts(mongo.db(name), name)),
      );
      return texts.flat();
    },
    async stop() {
      client.close();
      await service.stop();
      await feed.close();
      for (const name of Object.values(transactionDatabaseNames(dbName))) {
        await mongo.db(name).dropDatabase();
      }
      await mongo.close();
    },
  };
}

/** A paid gift of `amountMinor` USD by `donorId`, as CreateDonation takes it. */
export function giftRequest(donorId: string, amountMinor = '15000', extra: object = {}) {
  return {
    donorId,
    amount: { amountMinor, currency: 'USD' },
    fields: { receivedAt: '2026-11-30T09:00:00Z', paymentMethod: 'card', ...extra },
  };
}
