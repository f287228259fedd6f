// Which server answers the MongoDB wire protocol, for the few tests and benchmarks whose
// subject is one backend (e.g. FerretDB-on-PostgreSQL's GIN indexes). Services never ask.
import type { MongoClient } from 'mongodb';

export type MongoBackend = 'mongodb' | 'ferretdb-postgresql' | 'ferretdb-sqlite';

const PROBE_DB = 'kith_backend_probe';

/**
 * FerretDB names itself in `buildInfo`; its `explain` returns the backend's own plan, and only
 * PostgreSQL's plan has "Node Type" entries.
 */
export async function mongoBackend(client: MongoClient): Promise<MongoBackend> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  if (typeof info.ferretdbVersion !== 'string') return 'mongodb';
  const probe = client.db(PROBE_DB).collection<{ _id: string }>('probe');
  await probe.updateOne({ _id: 'probe' }, { $set: { _id: 'probe' } }, { upsert: true });
  const plan = await probe.find({ _id: 'probe' }).explain();
  await client.db(PROBE_DB).dropDatabase();
  return JSON.stringify(plan).includes('"Node Type"') ? 'ferretdb-postgresql' : 'ferretdb-sqlite';
}

/** The backend the integration tests' global setup found (KITH_TEST_MONGO_BACKEND). */
export function testMongoBackend(): MongoBackend | 'unknown' {
  const value = process.env.KITH_TEST_MONGO_BACKEND;
  return value === 'mongodb' || value === 'ferretdb-postgresql' || value === 'ferretdb-sqlite'
    ? value
    : 'unknown';
}
