// The two-stage pipeline of one import job's batches: decisions in call order, writes in
// call order, the next batch decided while the previous one is written, and a failed batch
// failing every later one. Timing is steered with deferred promises, not with the clock.
import { ContactErrorCode } from '../src/domain/contact-error';
import { ImportLane } from '../src/app/import-lane';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every promise that can settle now settle (a full turn of the event loop). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const noIdle = () => undefined;

describe('ImportLane', () => {
  it('decides the batches in call order even when an earlier decide is slow', async () => {
    const lane = new ImportLane(noIdle);
    const log: string[] = [];
    const slowDecide = deferred();
    const first = lane.run(
      async () => {
        await slowDecide.promise;
        log.push('decided 1');
      },
      async () => undefined,
    );
    const second = lane.run(
      async () => {
        log.push('decided 2');
      },
      async () => undefined,
    );

    await settle();
    slowDecide.resolve();
    await Promise.all([first, second]);

    expect(log).toEqual(['decided 1', 'decided 2']);
  });

  it('writes the batches in call order even when an earlier write is slow', async () => {
    const lane = new ImportLane(noIdle);
    const log: string[] = [];
    const slowWrite = deferred();
    const first = lane.run(
      async () => 1,
      async (plan) => {
        await slowWrite.promise;
        log.push(`wrote ${plan}`);
      },
    );
    const second = lane.run(
      async () => 2,
      async (plan) => {
        log.push(`wrote ${plan}`);
      },
    );

    await settle();
    slowWrite.resolve();
    await Promise.all([first, second]);

    expect(log).toEqual(['wrote 1', 'wrote 2']);
  });

  it('decides the next batch while the previous one is still being written', async () => {
    const lane = new ImportLane(noIdle);
    const firstWrite = deferred();
    const decideSecond = jest.fn(async () => 2);
    const first = lane.run(
      async () => 1,
      () => firstWrite.promise,
    );
    const second = lane.run(decideSecond, async () => undefined);

    await settle();
    const decidedDuringWrite = decideSecond.mock.calls.length;
    firstWrite.resolve();
    await Promise.all([first, second]);

    expect(decidedDuringWrite).toBe(1);
  });

  it('hands each write the plan its own decide returned', async () => {
    const lane = new ImportLane(noIdle);

    const results = await Promise.all([
      lane.run(
        async () => 'plan 1',
        async (plan) => `stored ${plan}`,
      ),
      lane.run(
        async () => 'plan 2',
        async (plan) => `stored ${plan}`,
      ),
    ]);

    expect(results).toEqual(['stored plan 1', 'stored plan 2']);
  });

  it('fails the batch after a failed write with FAILED_PRECONDITION and does not write it', async () => {
    const lane = new ImportLane(noIdle);
    const writeSecond = jest.fn(async () => undefined);
    const first = lane.run(
      async () => 1,
      async () => {
        throw new Error('connection reset');
      },
    );
    const second = lane.run(async () => 2, writeSecond);

    await expect(first).rejects.toThrow('connection reset');
    await expect(second).rejects.toMatchObject({
      code: ContactErrorCode.FAILED_PRECONDITION,
      message: expect.stringContaining('an earlier batch of this import failed'),
    });
    expect(writeSecond).not.toHaveBeenCalled();
  });

  it('fails the batch whose decide throws with that error and every later batch with FAILED_PRECONDITION', async () => {
    const lane = new ImportLane(noIdle);
    const writes = jest.fn(async () => undefined);
    const first = lane.run(async () => {
      throw new Error('matcher could not load');
    }, writes);
    const second = lane.run(async () => 2, writes);
    const third = lane.run(async () => 3, writes);

    const settled = await Promise.allSettled([first, second, third]);

    expect(settled.map((s) => (s.status === 'rejected' ? (s.reason as Error).message : s))).toEqual(
      [
        'matcher could not load',
        expect.stringContaining('an earlier batch of this import failed'),
        expect.stringContaining('an earlier batch of this import failed'),
      ],
    );
    expect(writes).not.toHaveBeenCalled();
  });

  it('calls onIdle once, with failed false, when the last pending batch has been written', async () => {
    const onIdle = jest.fn();
    const lane = new ImportLane(onIdle);
    const secondWrite = deferred();
    const first = lane.run(
      async () => 1,
      async () => undefined,
    );
    const second = lane.run(
      async () => 2,
      () => secondWrite.promise,
    );

    await first;
    await settle();
    const callsWhileSecondPending = onIdle.mock.calls.length;
    secondWrite.resolve();
    await second;

    expect(callsWhileSecondPending).toBe(0);
    expect(onIdle.mock.calls).toEqual([[lane, false]]);
  });

  it('calls onIdle once, with failed true, when a batch failed', async () => {
    const onIdle = jest.fn();
    const lane = new ImportLane(onIdle);
    const first = lane.run(
      async () => 1,
      async () => {
        throw new Error('connection reset');
      },
    );
    const second = lane.run(
      async () => 2,
      async () => undefined,
    );

    await Promise.allSettled([first, second]);

    expect(onIdle.mock.calls).toEqual([[lane, true]]);
  });

  it('calls onIdle before the last batch answers, so a caller awaiting it finds the lane gone', async () => {
    const order: string[] = [];
    const lane = new ImportLane(() => order.push('idle'));

    await lane.run(
      async () => 1,
      async () => undefined,
    );
    order.push('answered');

    expect(order).toEqual(['idle', 'answered']);
  });
});
