import { retryWhen, type RetryWhenOptions } from '../src';

class Conflict extends Error {}
const isConflict = (err: unknown) => err instanceof Conflict;

/** An operation that fails with `errors` in turn, then answers 'done'. */
function failing(...errors: Error[]) {
  const calls: number[] = [];
  const op = async (attempt: number) => {
    calls.push(attempt);
    const err = errors[attempt - 1];
    if (err) throw err;
    return 'done';
  };
  return { op, calls };
}

function options(overrides: Partial<RetryWhenOptions> = {}) {
  const waits: number[] = [];
  const opts: RetryWhenOptions = {
    attempts: 4,
    initialDelayMs: 20,
    maxDelayMs: 50,
    random: () => 0,
    sleep: async (ms) => void waits.push(ms),
    ...overrides,
  };
  return { opts, waits };
}

describe('retryWhen', () => {
  it('answers the first success after retryable failures', async () => {
    const { op, calls } = failing(new Conflict(), new Conflict());

    const result = await retryWhen(op, isConflict, options().opts);

    expect(result).toBe('done');
    expect(calls).toEqual([1, 2, 3]);
  });

  it('throws the last error once every attempt failed', async () => {
    const last = new Conflict('fourth');
    const { op, calls } = failing(new Conflict(), new Conflict(), new Conflict(), last);

    await expect(retryWhen(op, isConflict, options().opts)).rejects.toBe(last);
    expect(calls).toHaveLength(4);
  });

  it('does not retry an error the predicate refuses', async () => {
    const fatal = new Error('bad input');
    const { op, calls } = failing(fatal);

    await expect(retryWhen(op, isConflict, options().opts)).rejects.toBe(fatal);
    expect(calls).toEqual([1]);
  });

  it('waits a jittered doubling backoff, capped, between attempts', async () => {
    const { op } = failing(new Conflict(), new Conflict(), new Conflict());
    const { opts, waits } = options({ random: () => 0 });

    await retryWhen(op, isConflict, opts);

    // Half of 20, 40, 50 (the cap) with the smallest jitter.
    expect(waits).toEqual([10, 20, 25]);
  });

  it('waits the full backoff when jitter is off', async () => {
    const { op } = failing(new Conflict(), new Conflict());
    const { opts, waits } = options({ jitter: false });

    await retryWhen(op, isConflict, opts);

    expect(waits).toEqual([20, 40]);
  });
});
