import { ResourceError } from '@kith/errors';
import {
  VERSION_CONFLICT_RETRY,
  isVersionConflict,
  retryOnVersionConflict,
  retryWhen,
  type RetryWhenOptions,
} from '../src';

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

describe('retryOnVersionConflict', () => {
  const noWait = { sleep: async () => undefined };
  class StockError extends ResourceError<'VERSION_CONFLICT' | 'NOT_FOUND'> {
    static readonly subject = 'stock';
    static readonly codes = {
      VERSION_CONFLICT: 'VERSION_CONFLICT',
      NOT_FOUND: 'NOT_FOUND',
    } as const;
  }

  it("re-runs an attempt that lost a race on any resource's version, until it wins", async () => {
    const { op, calls } = failing(StockError.versionConflict('s-1', 1, 2));

    await expect(retryOnVersionConflict(() => op(calls.length + 1), noWait)).resolves.toBe('done');
    expect(calls).toEqual([1, 2]);
    expect(isVersionConflict(StockError.versionConflict('s-1', 1, 2))).toBe(true);
  });

  it('gives up on any other error at once, and on conflicts after its attempts', async () => {
    const notFound = StockError.notFound('s-1');
    const conflicts = Array.from({ length: VERSION_CONFLICT_RETRY.attempts }, () =>
      StockError.versionConflict('s-1', 1, 2),
    );
    const lost = failing(...conflicts);

    await expect(retryOnVersionConflict(() => Promise.reject(notFound), noWait)).rejects.toBe(
      notFound,
    );
    await expect(
      retryOnVersionConflict(() => lost.op(lost.calls.length + 1), noWait),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(lost.calls).toHaveLength(VERSION_CONFLICT_RETRY.attempts);
    expect(isVersionConflict(new Error('VERSION_CONFLICT'))).toBe(false);
  });
});
