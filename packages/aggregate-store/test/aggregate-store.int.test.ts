// The store functions against the real MongoDB-wire server of the test setup (FerretDB 1.24
// locally, whose updates and deletes read and then write): races that only a unique `_id`
// insert decides, run many times, and a round trip of the versioned writes.
import { Outbox } from '@kith/bus';
import { testDbName, testInfra } from '@kith/testkit';
import { MongoClient, type Collection, type Db } from 'mongodb';
import {
  claimUnique,
  ensureTenantIndexes,
  findClaim,
  findOwned,
  insertVersioned,
  listAfterCursor,
  releaseClaim,
  updateVersioned,
  type AggregateStore,
  type IndexKey,
  type VersionedDocument,
} from '../src';

interface SeatClaim {
  _id: string;
  tenantId: string;
  holder: string;
  claimedAt: string;
}

interface Shelf extends VersionedDocument {
  label: string;
  note?: string;
}

class ShelfConflict extends Error {}

const ROUNDS = 20;
const FIELDS = { owner: 'holder', claimedAt: 'claimedAt' } as const;
const conflict = () => new ShelfConflict('shelf changed; read it again');

let client: MongoClient;
let db: Db;
let claims: Collection<SeatClaim>;
let store: AggregateStore<Shelf>;

beforeAll(async () => {
  client = await MongoClient.connect(testInfra().mongoUrl);
  db = client.db(testDbName('aggregate-store'));
  claims = db.collection<SeatClaim>('seat_claims');
  store = { collection: db.collection<Shelf>('shelves'), outbox: new Outbox(db) };
});

afterAll(async () => {
  await db?.dropDatabase();
  await client?.close();
});

const now = () => new Date().toISOString();
const seat = (id: string, holder: string, claimedAt = now()): SeatClaim => ({
  _id: `t-1:${id}`,
  tenantId: 't-1',
  holder,
  claimedAt,
});

describe('unique claims on the real server', () => {
  it('lets exactly one of two concurrent claims of one id win', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(
        ['a', 'b'].map((holder) => claimUnique(claims, seat(`fresh-${round}`, holder), FIELDS)),
      );

      const winners = results.filter((r) => r.claimed);
      expect(winners).toHaveLength(1);
      const stored = await findClaim(claims, 't-1', `t-1:fresh-${round}`);
      expect(stored?.holder).toBe(winners[0]?.claimed ? winners[0].claim.holder : undefined);
    }
  });

  it('lets exactly one of two takers of one stale claim win, and leaves no fence', async () => {
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    for (let round = 0; round < ROUNDS; round++) {
      const id = `stale-${round}`;
      await claims.insertOne(seat(id, 'dead', longAgo));

      const results = await Promise.all(
        ['a', 'b'].map((holder) =>
          claimUnique(claims, seat(id, holder), { ...FIELDS, staleAfterMs: 30_000 }),
        ),
      );

      const winners = results.flatMap((r) => (r.claimed ? [r.claim.holder] : []));
      expect(winners).toHaveLength(1);
      expect((await findClaim(claims, 't-1', `t-1:${id}`))?.holder).toBe(winners[0]);
    }
    expect(await claims.countDocuments({ takeoverOf: { $exists: true } })).toBe(0);
  });

  it('respects a young claim, and a release by another owner does not free it', async () => {
    await claims.insertOne(seat('young', 'b'));

    const taken = await claimUnique(claims, seat('young', 'a'), {
      ...FIELDS,
      staleAfterMs: 30_000,
    });
    const freedByOther = await releaseClaim(claims, 't-1:young', { holder: 'a' });
    const freedByOwner = await releaseClaim(claims, 't-1:young', { holder: 'b' });

    expect(taken.claimed).toBe(false);
    expect([freedByOther, freedByOwner]).toEqual([false, true]);
    expect(await findClaim(claims, 't-1', 't-1:young')).toBeUndefined();
  });
});

describe('versioned writes on the real server', () => {
  const shelf = (id: string, version: number, label: string, note?: string) => ({
    _id: id,
    tenantId: 't-1',
    version,
    label,
    ...(note ? { note } : {}),
  });

  it('lets exactly one of two concurrent updates of one version win; the other gets the caller’s error', async () => {
    for (let round = 0; round < ROUNDS / 2; round++) {
      const id = `shelf-race-${round}`;
      await insertVersioned(store, shelf(id, 1, 'first'), { items: [], conflict });
      const stored = await findOwned(store.collection, 't-1', id);

      const outcomes = await Promise.all(
        ['left', 'right'].map((label) =>
          updateVersioned(store, shelf(id, 2, label), {
            expectedVersion: 1,
            outboxLog: stored?._outboxLog ?? [],
            items: [],
            conflict,
          }).then(
            () => label,
            (err: unknown) => err,
          ),
        ),
      );

      const won = outcomes.filter((o) => typeof o === 'string');
      expect(won).toHaveLength(1);
      expect(outcomes.filter((o) => o instanceof ShelfConflict)).toHaveLength(1);
      const after = await findOwned(store.collection, 't-1', id);
      expect(after?.label).toBe(won[0]);
      expect(after?._outboxLog?.map((r) => r.version)).toEqual([1, 2]);
    }
  });

  it('writes, unsets a cleared optional field, refuses a stale version and lists in id order', async () => {
    await insertVersioned(store, shelf('shelf-a', 1, 'A', 'fragile'), { items: [], conflict });
    await insertVersioned(store, shelf('shelf-b', 1, 'B'), { items: [], conflict });
    const a = await findOwned(store.collection, 't-1', 'shelf-a');

    await updateVersioned(store, shelf('shelf-a', 2, 'A2'), {
      expectedVersion: 1,
      outboxLog: a?._outboxLog ?? [],
      items: [],
      conflict,
      optionalFields: ['note'],
    });
    const stale = updateVersioned(store, shelf('shelf-a', 3, 'A3'), {
      expectedVersion: 1,
      outboxLog: [],
      items: [],
      conflict,
    });

    await expect(stale).rejects.toBeInstanceOf(ShelfConflict);
    expect(await findOwned(store.collection, 't-1', 'shelf-a', { _outboxLog: 0 })).toEqual(
      shelf('shelf-a', 2, 'A2'),
    );
    expect(await findOwned(store.collection, 't-2', 'shelf-a')).toBeUndefined();
    const page = await listAfterCursor(store.collection, {
      tenantId: 't-1',
      filter: { _id: { $in: ['shelf-a', 'shelf-b'] } },
      pageSize: 1,
    });
    expect(page.items.map((s) => s._id)).toEqual(['shelf-a']);
    expect(page.hasMore).toBe(true);
  });
});

describe('tenant indexes on the real server', () => {
  it('creates each index led by tenantId, and again at the next start without failing', async () => {
    const keys: IndexKey[] = [{ _id: 1 }, { label: 1 }];

    await ensureTenantIndexes(db.collection('shelves'), keys);
    await ensureTenantIndexes(db.collection('shelves'), keys);

    const names = (await db.collection('shelves').listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['tenantId_1__id_1', 'tenantId_1_label_1']));
  });
});
