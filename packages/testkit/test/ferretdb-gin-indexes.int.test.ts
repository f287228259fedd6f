// FerretDB on PostgreSQL answers equality filters from the GIN indexes that the event trigger
// of deploy/local/ferretdb-gin-indexes.sql adds. Driven as a service would (the mongodb
// driver), checked in PostgreSQL's own plan, which FerretDB's `explain` returns.
import { MongoClient, type Collection, type Document } from 'mongodb';
import { testDbName, testInfra, testMongoBackend } from '../src';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

interface Person {
  _id: string;
  tenantId: string;
  searchKeys: string[];
  address: { city: string };
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** "field: index" for every bitmap index scan PostgreSQL plans for the filter. */
async function indexScans(collection: Collection<Person>, filter: Document): Promise<string[]> {
  const explained = await collection.find(filter).explain();
  const plan = (explained.queryPlanner as { Plan: PlanNode }).Plan;
  return planNodes(plan)
    .filter((node) => node['Node Type'] === 'Bitmap Index Scan')
    .map(
      (node) => `${/'([^']+)'::text/.exec(node['Index Cond'] ?? '')?.[1]}: ${node['Index Name']}`,
    );
}

const backend = testMongoBackend();
const describeOnPostgres =
  backend === 'ferretdb-postgresql'
    ? describe
    : // The trigger exists only there; MongoDB plans with its own indexes, SQLite with none.
      describe.skip;

describeOnPostgres(`GIN indexes on FerretDB-on-PostgreSQL (server here: ${backend})`, () => {
  const infra = testInfra();
  const dbName = testDbName('gin-indexes');
  let client: MongoClient;
  let people: Collection<Person>;

  beforeAll(async () => {
    client = await new MongoClient(infra.mongoUrl).connect();
    people = client.db(dbName).collection<Person>('people');
    // Enough rows that a sequential scan is not the cheaper plan.
    await people.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({
        _id: `p${i}`,
        tenantId: `t${i % 10}`,
        searchKeys: [`k${i}`, `n${i % 7}`],
        address: { city: `c${i % 5}` },
      })),
    );
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('serves an _id lookup from a GIN index on _id of a collection made by an insert', async () => {
    const scans = await indexScans(people, { _id: 'p42' });

    expect(scans).toEqual([expect.stringMatching(/^_id: .+_gin$/)]);
    expect(await people.findOne({ _id: 'p42' })).toMatchObject({ tenantId: 't2' });
  });

  it('serves each key of a compound index from a GIN index of its own', async () => {
    await people.createIndex({ tenantId: 1, searchKeys: 1 });

    const scans = await indexScans(people, { tenantId: 't3', searchKeys: 'k13' });

    expect(scans.sort()).toEqual([
      expect.stringMatching(/^searchKeys: .+_gin$/),
      expect.stringMatching(/^tenantId: .+_gin$/),
    ]);
    expect(await people.find({ tenantId: 't3', searchKeys: 'k13' }).toArray()).toHaveLength(1);
  });
});
