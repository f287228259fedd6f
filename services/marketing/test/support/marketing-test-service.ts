// The marketing service started in-process against the test servers (Kafka, FerretDB, Mailpit),
// with its own database and topic prefix, a ContactEventFeed and a DonationEventFeed playing
// the contact and transaction services on that prefix, and typed gRPC clients of its two
// services.
import { randomBytes, randomUUID } from 'node:crypto';
import { MARKETING_PROTO, type MarketingProtoGrpcType } from '@kith/contracts';
import type { ContactSnapshot } from '@kith/events';
import { createTypedClient, loadProto, type CallContext, type TypedClient } from '@kith/grpc-kit';
import {
  ContactEventFeed,
  DonationEventFeed,
  storedDocumentTexts,
  testDbName,
  testInfra,
  uniquePrefix,
  waitFor,
  type PersonValues,
} from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { loadMarketingConfig } from '../../src/config';
import { marketingDatabaseNames, start, type RunningMarketingService } from '../../src/main';
import { smtpUrl } from './mailpit';

type V1 = MarketingProtoGrpcType['kith']['marketing']['v1'];
export type SegmentClient = TypedClient<V1['SegmentService']['service']>;
export type CampaignClient = TypedClient<V1['CampaignService']['service']>;

export const newTenant = (): string => `tenant-${randomUUID()}`;

export const caller = (tenantId: string, idempotencyKey?: string): CallContext => ({
  tenantId,
  userId: 'marketer-1',
  roles: ['marketer'],
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

/** A mail domain no other test uses, so Mailpit can be asked for this test's mail alone. */
export const uniqueDomain = (): string => `m${randomBytes(4).toString('hex')}.example.org`;

export type MarketingTestEnv = {
  KAFKA_BROKERS: string;
  MONGO_URL: string;
  MARKETING_DB_NAME: string;
  KITH_TOPIC_PREFIX: string;
  MARKETING_SMTP_URL: string;
} & Partial<Record<string, string>>;

export function marketingEnv(label: string, extra: Record<string, string> = {}): MarketingTestEnv {
  const { kafkaBrokers, mongoUrl, mongoSecondaryIndexes } = testInfra();
  return {
    KAFKA_BROKERS: kafkaBrokers.join(','),
    MONGO_URL: mongoUrl,
    MONGO_SECONDARY_INDEXES: mongoSecondaryIndexes,
    MARKETING_GRPC_PORT: '0',
    MARKETING_DB_NAME: testDbName(label),
    MARKETING_SMTP_URL: smtpUrl(),
    KITH_TOPIC_PREFIX: uniquePrefix(label),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export function marketingClients(address: string) {
  const proto = loadProto(MARKETING_PROTO) as unknown as MarketingProtoGrpcType;
  return {
    segments: createTypedClient(proto.kith.marketing.v1.SegmentService, address),
    campaigns: createTypedClient(proto.kith.marketing.v1.CampaignService, address),
  };
}

export interface MarketingTestService {
  service?: RunningMarketingService;
  segments: SegmentClient;
  campaigns: CampaignClient;
  feed: ContactEventFeed;
  gifts: DonationEventFeed;
  mongo: MongoClient;
  dbName: string;
  env: MarketingTestEnv;
  /** A person whose profile the service holds (waits until it does). */
  person(
    tenantId: string,
    values?: Partial<PersonValues>,
    overrides?: Partial<ContactSnapshot>,
  ): Promise<string>;
  /** The profiles have caught up with every event the feed sent. */
  caughtUp(): Promise<void>;
  /** Waits until the campaign is sent; answers it. */
  sent(tenantId: string, campaignId: string, timeoutMs?: number): Promise<unknown>;
  storedDocuments(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * `external`: the service runs elsewhere (a child process) at this address, on `env`'s
 * database and prefix; otherwise it is started here.
 */
export async function startMarketingTestService(
  label: string,
  opts: {
    env?: Record<string, string>;
    external?: { address: string; env: MarketingTestEnv };
  } = {},
): Promise<MarketingTestService> {
  const env = opts.external?.env ?? marketingEnv(label, opts.env);
  const service = opts.external ? undefined : await start(loadMarketingConfig(env));
  const address = opts.external?.address ?? `127.0.0.1:${service?.grpcPort}`;
  const { segments, campaigns } = marketingClients(address);
  const brokers = env.KAFKA_BROKERS.split(',');
  const feed = new ContactEventFeed(brokers, env.KITH_TOPIC_PREFIX);
  const gifts = new DonationEventFeed(brokers, env.KITH_TOPIC_PREFIX);
  await Promise.all([feed.connect(), gifts.connect()]);
  const mongo = await new MongoClient(env.MONGO_URL).connect();
  const dbName = env.MARKETING_DB_NAME;
  const profiled = async (tenantId: string, id: string, version: number) =>
    (await mongo
      .db(dbName)
      .collection('marketing_profiles')
      .findOne({ tenantId, contactId: id, version: { $gte: version } })) !== null;
  return {
    ...(service ? { service } : {}),
    segments,
    campaigns,
    feed,
    gifts,
    mongo,
    dbName,
    env,
    async person(tenantId, values = {}, overrides = {}) {
      const tag = randomUUID().slice(0, 8);
      const id = await feed.createPerson(
        tenantId,
        {
          firstName: `Ada${tag}`,
          lastName: `Reader${tag}`,
          email: `ada.${tag}@example.org`,
          ...values,
        },
        overrides,
      );
      await waitFor(() => profiled(tenantId, id, 1), { what: `contact ${id} profiled` });
      return id;
    },
    async caughtUp() {
      await waitFor(
        async () => {
          for (const { tenantId, id, version } of feed.contacts()) {
            const projected = await mongo
              .db(dbName)
              .collection('contact_projection')
              .findOne({ tenantId, contactId: id, version: { $gte: version } });
            if (!projected) return false;
          }
          return true;
        },
        { what: 'the marketing service to catch up with the feed' },
      );
    },
    async sent(tenantId, campaignId, timeoutMs = 30_000) {
      return waitFor(
        async () => {
          const { campaign } = await campaigns.GetCampaign({ id: campaignId }, caller(tenantId));
          return campaign?.state === 'sent' ? campaign : undefined;
        },
        { what: `campaign ${campaignId} sent`, timeoutMs },
      );
    },
    async storedDocuments() {
      const names = Object.values(marketingDatabaseNames(dbName));
      return (
        await Promise.all(names.map((name) => storedDocumentTexts(mongo.db(name), name)))
      ).flat();
    },
    async stop() {
      segments.close();
      campaigns.close();
      await service?.stop();
      await Promise.all([feed.close(), gifts.close()]);
      for (const name of Object.values(marketingDatabaseNames(dbName)))
        await mongo.db(name).dropDatabase();
      await mongo.close();
    },
  };
}
