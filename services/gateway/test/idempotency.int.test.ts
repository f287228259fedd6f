import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import { testDbName, testInfra } from '@kith/testkit';
import {
  IDEMPOTENCY_COLLECTION,
  IdempotencyRepository,
  responseIdOf,
} from '../src/store/idempotency.repository';

const LEASE_MS = 60_000;
const RETENTION_MS = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const response = {
  status: 201,
  body: '{"id":"c-1"}',
  headers: { 'content-type': 'application/json; charset=utf-8', location: '/v1/contacts/c-1' },
};

describe('IdempotencyRepository against FerretDB', () => {
  let client: MongoClient;
  let db: Db;
  let repo: IdempotencyRepository;
  let n = 0;
  const scope = () => ({ tenantId: 'tenant-a', userId: 'user-1', key: `key-${++n}` });

  beforeAll(async () => {
    client = new MongoClient(testInfra().mongoUrl);
    await client.connect();
    db = client.db(testDbName('gateway-idem'));
    repo = new IdempotencyRepository(db, { inFlightLeaseMs: LEASE_MS, retentionMs: RETENTION_MS });
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('stores a claim under _id tenant:user:key with a createdAt', async () => {
    const s = scope();

    const begun = await repo.begin(s, 'fp', T0);

    expect(begun).toEqual({
      outcome: 'started',
      claim: {
        id: `tenant-a:user-1:${s.key}`,
        tenantId: 'tenant-a',
        fingerprint: 'fp',
        createdAt: T0,
      },
    });
    const doc = await db
      .collection(IDEMPOTENCY_COLLECTION)
      .findOne({ _id: `tenant-a:user-1:${s.key}` as never });
    expect(doc).toMatchObject({
      tenantId: 'tenant-a',
      fingerprint: 'fp',
      state: 'in-flight',
      createdAt: T0,
    });
  });

  it('writes the completion as a record of its own, leaving the claim as it was', async () => {
    const s = scope();
    const begun = await repo.begin(s, 'fp', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');

    await repo.complete(begun.claim, response, later(10), { contactId: 'c-1' });

    const keys = db.collection(IDEMPOTENCY_COLLECTION);
    const claim = await keys.findOne({ _id: begun.claim.id as never });
    expect(claim).toMatchObject({ state: 'in-flight', fingerprint: 'fp', createdAt: T0 });
    expect(claim).not.toHaveProperty('response');
    expect(await keys.findOne({ _id: responseIdOf(begun.claim.id) as never })).toMatchObject({
      tenantId: 'tenant-a',
      fingerprint: 'fp',
      state: 'completed',
      createdAt: T0,
      completedAt: later(10),
      response,
      contactId: 'c-1',
    });
  });

  it('answers in-flight to a second claim before the first completes', async () => {
    const s = scope();
    await repo.begin(s, 'fp', T0);

    expect(await repo.begin(s, 'fp', later(1000))).toEqual({ outcome: 'in-flight' });
  });

  it('replays the stored response once the first request completed', async () => {
    const s = scope();
    const begun = await repo.begin(s, 'fp', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');

    await repo.complete(begun.claim, response, later(10));

    expect(await repo.begin(s, 'fp', later(20))).toEqual({ outcome: 'replay', response });
  });

  it('answers mismatch for the same key with another fingerprint', async () => {
    const s = scope();
    const begun = await repo.begin(s, 'fp-1', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');
    await repo.complete(begun.claim, response, T0);

    expect(await repo.begin(s, 'fp-2', later(10))).toEqual({ outcome: 'mismatch' });
  });

  it('lets a retry claim the key again after a release', async () => {
    const s = scope();
    const begun = await repo.begin(s, 'fp', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');

    await repo.release(begun.claim);

    expect((await repo.begin(s, 'fp', later(10))).outcome).toBe('started');
  });

  it('takes over a claim abandoned past its lease (a crashed request)', async () => {
    const s = scope();
    await repo.begin(s, 'fp', T0);

    expect((await repo.begin(s, 'fp', later(LEASE_MS + 1))).outcome).toBe('started');
  });

  it('forgets a completed key past retention', async () => {
    const s = scope();
    const begun = await repo.begin(s, 'fp', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');
    await repo.complete(begun.claim, response, T0);

    expect((await repo.begin(s, 'other-body', later(RETENTION_MS + 1))).outcome).toBe('started');
  });

  it('grants exactly one of several concurrent claims', async () => {
    const s = scope();

    const results = await Promise.all(Array.from({ length: 5 }, () => repo.begin(s, 'fp', T0)));

    expect(results.filter((r) => r.outcome === 'started')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'in-flight')).toHaveLength(4);
  });

  it('keeps the same key apart for different users', async () => {
    const key = `shared-${++n}`;

    const a = await repo.begin({ tenantId: 'tenant-a', userId: 'user-1', key }, 'fp', T0);
    const b = await repo.begin({ tenantId: 'tenant-a', userId: 'user-2', key }, 'fp', T0);

    expect([a.outcome, b.outcome]).toEqual(['started', 'started']);
  });

  it('drops the response of every record of the tenant that names an erased contact', async () => {
    const asA = scope();
    const asB = scope();
    const a = await repo.begin(asA, 'fp', T0);
    const b = await repo.begin(asB, 'fp', T0);
    if (a.outcome !== 'started' || b.outcome !== 'started') throw new Error('expected claims');
    await repo.complete(a.claim, response, T0, { contactId: 'c-erased' });
    await repo.complete(b.claim, response, T0, {
      contactId: 'c-other',
      otherContactId: 'c-erased',
    });

    const scrubbed = await repo.eraseContact('tenant-a', 'c-erased', later(10));

    expect(scrubbed).toBe(2);
    for (const id of [a.claim.id, b.claim.id].map(responseIdOf)) {
      const doc = await db.collection(IDEMPOTENCY_COLLECTION).findOne({ _id: id as never });
      expect(doc).toMatchObject({ erasedAt: later(10), fingerprint: 'fp' });
      expect(doc).not.toHaveProperty('response');
      expect(doc).not.toHaveProperty('contactId');
      expect(doc).not.toHaveProperty('otherContactId');
    }
  });

  it('answers erased to a retry of a scrubbed key, not a new claim', async () => {
    const s = scope();
    const begun = await repo.begin(s, 'fp', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');
    await repo.complete(begun.claim, response, T0, { contactId: 'c-gone' });
    await repo.eraseContact('tenant-a', 'c-gone', later(10));

    expect(await repo.begin(s, 'fp', later(20))).toEqual({ outcome: 'erased' });
  });

  it("leaves another tenant's record naming the same contact id alone", async () => {
    const other = { tenantId: 'tenant-b', userId: 'user-1', key: `key-${++n}` };
    const begun = await repo.begin(other, 'fp', T0);
    if (begun.outcome !== 'started') throw new Error('expected a claim');
    await repo.complete(begun.claim, response, T0, { contactId: 'c-shared' });

    await repo.eraseContact('tenant-a', 'c-shared', later(10));

    expect(await repo.begin(other, 'fp', later(20))).toEqual({ outcome: 'replay', response });
  });

  it('purges records older than retention and keeps younger ones', async () => {
    const purgeDb = client.db(testDbName('gateway-purge'));
    const purgeRepo = new IdempotencyRepository(purgeDb, { retentionMs: RETENTION_MS });
    await purgeRepo.begin({ tenantId: 't', userId: 'u', key: 'old' }, 'fp', T0);
    await purgeRepo.begin({ tenantId: 't', userId: 'u', key: 'young' }, 'fp', later(RETENTION_MS));

    const old = await purgeRepo.begin({ tenantId: 't', userId: 'u', key: 'old-done' }, 'fp', T0);
    if (old.outcome !== 'started') throw new Error('expected a claim');
    await purgeRepo.complete(old.claim, response, later(10));

    const purged = await purgeRepo.purgeExpired(later(RETENTION_MS + 1000));

    // The old claim, and the completed key's claim and response.
    expect(purged).toBe(3);
    const left = await purgeDb.collection(IDEMPOTENCY_COLLECTION).find().toArray();
    expect(left.map((d) => d._id)).toEqual(['t:u:young']);
    await purgeDb.dropDatabase();
  });
});
