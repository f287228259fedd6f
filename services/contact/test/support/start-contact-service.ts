// Starts the contact service in-process against the test servers, with its own database and
// topic prefix so test files never see each other's data or events.
import { randomUUID } from 'node:crypto';
import { testDbName, testInfra, uniquePrefix } from '@kith/testkit';
import mongoose from 'mongoose';
import { contactDatabaseNames } from '../../src/store/contact-stores';
import { loadContactConfig } from '../../src/config';
import { start, type RunningContactService } from '../../src/main';

export const jane = {
  kind: 'CONTACT_KIND_PERSON' as const,
  fields: {
    person: { firstName: 'Jane', lastName: 'Smith' },
    emails: [{ address: 'Jane.Smith@Example.org', type: 'work' }],
    tags: ['Donor'],
  },
};

/** A fresh tenant per test keeps tests independent inside one database. */
export function newTenant(): string {
  return `tenant-${randomUUID()}`;
}

export interface TestContactService {
  service: RunningContactService;
  prefix: string;
  /** The service's database, for tests that look at or arrange stored documents. */
  dbName: string;
  /** Stops the service and drops its database. */
  stop(): Promise<void>;
}

export async function startContactService(
  label: string,
  /** Variables that differ from the test servers' defaults. */
  env: Record<string, string> = {},
): Promise<TestContactService> {
  const { kafkaBrokers, mongoUrl, mongoSecondaryIndexes } = testInfra();
  const prefix = uniquePrefix(label);
  const dbName = testDbName(label);
  const config = loadContactConfig({
    KAFKA_BROKERS: kafkaBrokers.join(','),
    MONGO_URL: mongoUrl,
    MONGO_SECONDARY_INDEXES: mongoSecondaryIndexes,
    CONTACT_GRPC_PORT: '0',
    CONTACT_DB_NAME: dbName,
    KITH_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const service = await start(config);
  return {
    service,
    prefix,
    dbName,
    async stop() {
      await service.stop();
      const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
      for (const name of Object.values(contactDatabaseNames(dbName))) {
        await connection.getClient().db(name).dropDatabase();
      }
      await connection.close();
    },
  };
}
