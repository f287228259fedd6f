// MONGO_SECONDARY_INDEXES decides whether the service creates its indexes at start-up: on
// for MongoDB and FerretDB-on-PostgreSQL, which plan queries with them; off for FerretDB on
// SQLite, where they would only cost writes.
import { testInfra } from '@kith/testkit';
import mongoose from 'mongoose';
import { CONTACTS_COLLECTION } from '../src/store/contact.model';
import { startContactService, type TestContactService } from './support/start-contact-service';

async function contactIndexNames(dbName: string): Promise<string[]> {
  const client = await new mongoose.mongo.MongoClient(testInfra().mongoUrl).connect();
  try {
    const indexes = await client.db(dbName).collection(CONTACTS_COLLECTION).listIndexes().toArray();
    return indexes.map((index) => String(index.name)).sort();
  } catch (err) {
    const namespaceNotFound = err instanceof mongoose.mongo.MongoServerError && err.code === 26;
    if (namespaceNotFound) return []; // no collection yet: no index either
    throw err;
  } finally {
    await client.close();
  }
}

describe('secondary indexes at start-up', () => {
  let started: TestContactService | undefined;

  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });

  it('creates the contact indexes, tenant first, when MONGO_SECONDARY_INDEXES is on', async () => {
    started = await startContactService('indexes-on', { MONGO_SECONDARY_INDEXES: 'on' });

    const names = await contactIndexNames(started.dbName);

    expect(names).toEqual(
      expect.arrayContaining([
        '_id_',
        'tenantId_1__id_1',
        'tenantId_1_listBucket_1__id_1',
        'tenantId_1_searchPrefixes_1',
      ]),
    );
  });

  it('creates none beyond _id when MONGO_SECONDARY_INDEXES is off', async () => {
    started = await startContactService('indexes-off', { MONGO_SECONDARY_INDEXES: 'off' });

    const names = await contactIndexNames(started.dbName);

    expect(names.filter((name) => name !== '_id_')).toEqual([]);
  });
});
