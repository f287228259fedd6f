// The call budget reaching the database through mongoose, against the test server: reads
// carry the time left as maxTimeMS, and a server that honours it aborts a slow scan; writes
// are not started once the deadline passed.
import { testDbName, testInfra } from '@kith/testkit';
import mongoose, { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';
import { BudgetExhaustedError, callBudgetPlugin, runWithBudget } from '../src';

interface Doc {
  _id: string;
  tenantId: string;
  name: string;
  pad: string;
}

let connection: Connection;
let docs: Model<Doc>;
const sent: Array<{ name: string; maxTimeMS?: number }> = [];

beforeAll(async () => {
  connection = await mongoose
    .createConnection(testInfra().mongoUrl, {
      dbName: testDbName('call-budget'),
      monitorCommands: true,
    })
    .asPromise();
  connection.getClient().on('commandStarted', (e) => {
    sent.push({ name: e.commandName, maxTimeMS: (e.command as { maxTimeMS?: number }).maxTimeMS });
  });
  connection.plugin(callBudgetPlugin);
  docs = connection.model<Doc>(
    'Doc',
    new Schema<Doc>({ _id: String, tenantId: String, name: String, pad: String }),
  );
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    _id: `d${i}`,
    tenantId: 't',
    name: `name${i}`,
    pad: 'x'.repeat(400),
  }));
  await docs.insertMany(rows, { lean: true });
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const budget = (ms: number) => ({
  deadline: new Date(Date.now() + ms),
  signal: new AbortController().signal,
});

describe('callBudgetPlugin', () => {
  it('sends the time the call has left as maxTimeMS, and nothing outside a call', async () => {
    sent.length = 0;
    await runWithBudget(budget(3000), () => docs.findOne({ _id: 'd1' }).lean().exec());
    await runWithBudget(budget(3000), () => docs.countDocuments({ tenantId: 't' }).exec());
    await docs.findOne({ _id: 'd2' }).lean().exec();
    const [find, count, outside] = sent.filter((c) => c.name === 'find' || c.name === 'aggregate');
    expect(find!.maxTimeMS).toBeGreaterThan(2000);
    expect(find!.maxTimeMS).toBeLessThanOrEqual(3000);
    expect(count!.maxTimeMS).toBeGreaterThan(2000);
    expect(outside!.maxTimeMS).toBeUndefined();
  });

  it('has the server abort a scan that outlives the budget', async () => {
    const started = Date.now();
    const err = await runWithBudget(budget(30), () =>
      docs
        .find({ tenantId: 't', name: { $regex: '^name4' } })
        .sort({ name: -1 })
        .lean()
        .exec(),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    // MaxTimeMSExpired from the server; on a machine so loaded that the 30 ms were gone
    // before the query left, the plugin refuses to send it instead. Either way: no result.
    if (!(err instanceof BudgetExhaustedError)) expect(err).toMatchObject({ code: 50 });
    // Without the budget the same scan runs to its end.
    const unbounded = await docs
      .find({ tenantId: 't', name: { $regex: '^name4' } })
      .sort({ name: -1 })
      .lean()
      .exec();
    expect(unbounded.length).toBeGreaterThan(100);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('does not start a write once the deadline passed', async () => {
    const expired = { deadline: new Date(Date.now() - 1), signal: new AbortController().signal };
    await expect(
      runWithBudget(expired, () =>
        docs.updateOne({ _id: 'd3' }, { $set: { name: 'late' } }).exec(),
      ),
    ).rejects.toBeInstanceOf(BudgetExhaustedError);
    await expect(
      runWithBudget(expired, () => docs.create({ _id: 'new', tenantId: 't', name: 'n', pad: '' })),
    ).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(await docs.findOne({ _id: 'd3' }).lean().exec()).toMatchObject({ name: 'name3' });
    expect(await docs.findOne({ _id: 'new' }).lean().exec()).toBeNull();
  });
});
