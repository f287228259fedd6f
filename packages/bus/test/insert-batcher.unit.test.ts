import type { Collection, Document } from 'mongodb';
import { InsertBatcher, InsertError } from '../src';

interface Doc extends Document {
  _id: string;
}

/** Records each insertMany call; `fail` decides what a call throws. */
function fakeCollection(fail?: (docs: Doc[]) => unknown) {
  const calls: Doc[][] = [];
  const collection = {
    insertMany: async (docs: Doc[]) => {
      calls.push(docs);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const error = fail?.(docs);
      if (error) throw error;
      return { insertedCount: docs.length };
    },
  } as unknown as Collection<Doc>;
  return { collection, calls };
}

describe('InsertBatcher', () => {
  it('writes inserts made in the same tick as one insertMany', async () => {
    const { collection, calls } = fakeCollection();
    const batcher = new InsertBatcher(collection);

    await Promise.all(['a', 'b', 'c'].map((id) => batcher.insert({ _id: id })));

    expect(calls.map((docs) => docs.map((d) => d._id))).toEqual([['a', 'b', 'c']]);
  });

  it('gathers what arrives while a batch is in flight into the next batch', async () => {
    const { collection, calls } = fakeCollection();
    const batcher = new InsertBatcher(collection);

    const first = batcher.insert({ _id: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = ['b', 'c'].map((id) => batcher.insert({ _id: id }));
    await Promise.all([first, ...later]);

    expect(calls.map((docs) => docs.map((d) => d._id))).toEqual([['a'], ['b', 'c']]);
  });

  it('fails only the insert the server refused, with its code', async () => {
    const duplicate = { writeErrors: [{ index: 1, code: 11000, errmsg: 'duplicate key' }] };
    const { collection } = fakeCollection(() => duplicate);
    const batcher = new InsertBatcher(collection);

    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((id) => batcher.insert({ _id: id })),
    );

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (results[1] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(InsertError);
    expect(reason.code).toBe(11000);
  });

  it('fails every insert of a batch the server refused as a whole', async () => {
    const { collection } = fakeCollection(() => new Error('connection reset'));
    const batcher = new InsertBatcher(collection);

    const results = await Promise.allSettled(['a', 'b'].map((id) => batcher.insert({ _id: id })));

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const { collection, calls } = fakeCollection();
    const batcher = new InsertBatcher(collection, { maxBatch: 2 });

    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => batcher.insert({ _id: id })));

    expect(calls.map((docs) => docs.length)).toEqual([2, 2, 1]);
  });
});
