// The donation store against the real server: writes through the outbox (a version claimed
// once), the gifts naming a contact found by two pushed-down equalities, and on
// FerretDB-on-PostgreSQL those equalities served by the GIN indexes the event trigger of
// deploy/local/ferretdb-gin-indexes.sql adds to this service's tables too.
import { Outbox } from '@kith/bus';
import { testDbName, testInfra, testMongoBackend } from '@kith/testkit';
import { MongoClient, type Db, type Document } from 'mongodb';
import type { Donation } from '../src/domain/donation';
import { DonationErrorCode } from '../src/domain/donation-error';
import { DonationRepository } from '../src/store/donation.repository';
import { AMY, JANE, JOHN, givenGift } from './support/donation-givens';

let client: MongoClient;
let db: Db;
let repository: DonationRepository;
const dbName = testDbName('donation-store');

beforeAll(async () => {
  client = await new MongoClient(testInfra().mongoUrl).connect();
  db = client.db(dbName);
  repository = new DonationRepository(db, new Outbox(client.db(`${dbName}_outbox`)));
  await repository.ensureIndexes();
});

afterAll(async () => {
  await db.dropDatabase();
  await client.db(`${dbName}_outbox`).dropDatabase();
  await client.close();
});

const gift = (id: string, tenantId: string, extra: Partial<Donation> = {}): Donation => ({
  ...givenGift(),
  id,
  tenantId,
  ...extra,
});

it('stores a gift with whom it credits as one top-level array, and reads it back as it was', async () => {
  const stored = gift('store-1', 'tenant-a', {
    softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: 100, automatic: false }],
    tribute: { type: 'in_memory_of', honoreeContactId: AMY },
  });

  await repository.insert(stored, []);

  expect(await repository.findById('tenant-a', 'store-1')).toEqual({
    donation: stored,
    outboxLog: [{ version: 1, eventIds: [] }],
  });
  expect(await repository.findById('tenant-b', 'store-1')).toBeUndefined();
  expect(await db.collection('donations').findOne({ _id: 'store-1' as never })).toMatchObject({
    softCreditContactIds: [JOHN, AMY],
  });
});

it('lets one of two writers of the same version win, the other a version conflict', async () => {
  const first = gift('store-2', 'tenant-a');
  await repository.insert(first, []);
  const [a, b] = [
    { ...first, version: 2, fund: 'A' },
    { ...first, version: 2, fund: 'B' },
  ];

  const outcomes = await Promise.allSettled([
    repository.update(a, [], []),
    repository.update(b, [], []),
  ]);

  expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
  expect(lost.reason).toMatchObject({ code: DonationErrorCode.VERSION_CONFLICT });
  const won = outcomes[0]?.status === 'fulfilled' ? 'A' : 'B';
  expect((await repository.findById('tenant-a', 'store-2'))?.donation.fund).toBe(won);
});

it('finds every gift naming a contact as donor, soft credit or honoree, in its tenant only', async () => {
  await repository.insert(gift('name-1', 'tenant-n'), []);
  await repository.insert(
    gift('name-2', 'tenant-n', {
      donorId: JOHN,
      softCredits: [{ contactId: JANE, type: 'solicitor', amountMinor: 100, automatic: false }],
    }),
    [],
  );
  await repository.insert(
    gift('name-3', 'tenant-n', {
      donorId: AMY,
      tribute: { type: 'in_honor_of', honoreeContactId: JANE },
    }),
    [],
  );
  await repository.insert(gift('name-4', 'tenant-other'), []);

  const naming = await repository.findNaming('tenant-n', JANE);

  expect(naming.map((d) => d.id).sort()).toEqual(['name-1', 'name-2', 'name-3']);
});

const backend = testMongoBackend();
(backend === 'ferretdb-postgresql' ? describe : describe.skip)(
  `GIN indexes on the transaction tables (server here: ${backend})`,
  () => {
    interface PlanNode {
      'Node Type': string;
      'Index Name'?: string;
      'Index Cond'?: string;
      Plans?: PlanNode[];
    }
    const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
    async function indexScans(filter: Document): Promise<string[]> {
      const explained = await db.collection('donations').find(filter).explain();
      return nodes((explained.queryPlanner as { Plan: PlanNode }).Plan)
        .filter((node) => node['Node Type'] === 'Bitmap Index Scan')
        .map((node) => /'([^']+)'::text/.exec(node['Index Cond'] ?? '')?.[1] ?? '');
    }

    beforeAll(async () => {
      // Enough rows that a sequential scan is not the cheaper plan.
      await db.collection('donations').insertMany(
        Array.from({ length: 3000 }, (_, i) => ({
          _id: `bulk-${i}` as never,
          tenantId: `t${i % 10}`,
          donorId: `donor-${i}`,
          softCreditContactIds: [`credited-${i}`],
        })),
      );
    });

    it('serves the gifts naming a contact from GIN indexes on the arrays and ids', async () => {
      expect(
        (await indexScans({ tenantId: 't3', softCreditContactIds: 'credited-13' })).sort(),
      ).toEqual(['softCreditContactIds', 'tenantId']);
      expect((await indexScans({ tenantId: 't3', donorId: 'donor-13' })).sort()).toEqual([
        'donorId',
        'tenantId',
      ]);
    });
  },
);
