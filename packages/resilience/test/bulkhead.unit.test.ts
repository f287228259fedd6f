import { Bulkhead, BulkheadRejectedError } from '../src';

/** A call that runs until `finish()` is called. */
function pending(): { promise: Promise<string>; finish: () => void; fail: () => void } {
  let finish = (): void => undefined;
  let fail = (): void => undefined;
  const promise = new Promise<string>((resolve, reject) => {
    finish = () => resolve('done');
    fail = () => reject(new Error('boom'));
  });
  return { promise, finish, fail };
}

const bulkhead = (over: Partial<ConstructorParameters<typeof Bulkhead>[0]> = {}) =>
  new Bulkhead({
    name: 'contact',
    maxConcurrent: 4,
    maxPerKey: 2,
    maxQueue: 2,
    maxWaitMs: 50,
    ...over,
  });

async function refusal(p: Promise<unknown>): Promise<BulkheadRejectedError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof BulkheadRejectedError))
    throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

describe('Bulkhead', () => {
  it('refuses a tenant over its share while another tenant still gets a slot', async () => {
    const b = bulkhead();
    const calls = [pending(), pending()];
    const running = calls.map((c) => b.run('tenant-a', () => c.promise));
    const err = await refusal(b.run('tenant-a', () => Promise.resolve('x')));
    expect(err.reason).toBe('key-share');
    expect(err.retryAfterSeconds).toBe(1);
    await expect(b.run('tenant-b', () => Promise.resolve('b'))).resolves.toBe('b');
    calls.forEach((c) => c.finish());
    await Promise.all(running);
    expect(b.stats()).toMatchObject({ active: 0, queued: 0, rejected: { 'key-share': 1 } });
  });

  it('lets a call wait for a slot and starts it when one frees', async () => {
    const b = bulkhead({ maxConcurrent: 2, maxPerKey: 2 });
    const [first, second] = [pending(), pending()];
    const a = b.run('a', () => first.promise);
    const c = b.run('b', () => second.promise);
    const waiting = b.run('c', () => Promise.resolve('waited'));
    expect(b.stats()).toMatchObject({ active: 2, queued: 1 });
    first.finish();
    await expect(waiting).resolves.toBe('waited');
    second.finish();
    await Promise.all([a, c]);
  });

  it('refuses as saturated after the wait, and at once when the queue is full', async () => {
    const b = bulkhead({ maxConcurrent: 1, maxPerKey: 1, maxQueue: 1, maxWaitMs: 30 });
    const hog = pending();
    const running = b.run('a', () => hog.promise);
    const waited = b.run('b', () => Promise.resolve('never'));
    const immediate = await refusal(b.run('c', () => Promise.resolve('never')));
    expect(immediate.reason).toBe('saturated');
    expect((await refusal(waited)).reason).toBe('saturated');
    expect(b.saturated()).toBe(true);
    hog.finish();
    await running;
    expect(b.stats()).toMatchObject({ active: 0, queued: 0, rejected: { saturated: 2 } });
  });

  it('is no longer saturated once the window after the last refusal has passed', async () => {
    let now = 0;
    const b = bulkhead({
      maxConcurrent: 1,
      maxPerKey: 1,
      maxQueue: 0,
      saturationWindowMs: 1000,
      now: () => now,
    });
    const hog = pending();
    const running = b.run('a', () => hog.promise);
    await refusal(b.run('b', () => Promise.resolve('x')));
    expect(b.saturated()).toBe(true);
    hog.finish();
    await running;
    now = 1500;
    expect(b.saturated()).toBe(false);
  });

  it('takes an aborted waiter out of the queue and releases a failed call', async () => {
    const b = bulkhead({ maxConcurrent: 1, maxPerKey: 1, maxQueue: 1, maxWaitMs: 10_000 });
    const hog = pending();
    const running = b.run('a', () => hog.promise);
    const abort = new AbortController();
    const waiting = b.run('b', () => Promise.resolve('x'), abort.signal);
    abort.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(b.stats().queued).toBe(0);
    hog.fail();
    await expect(running).rejects.toThrow('boom');
    // Both slots and both tenants' shares are free again.
    await expect(b.run('a', () => Promise.resolve('again'))).resolves.toBe('again');
    await expect(b.run('b', () => Promise.resolve('again'))).resolves.toBe('again');
  });
});
