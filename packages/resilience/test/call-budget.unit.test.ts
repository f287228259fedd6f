import { EventEmitter } from 'node:events';
import {
  assertBudgetLeft,
  BudgetExhaustedError,
  remainingMs,
  runWithBudget,
  stopOnSignals,
  withMaxTime,
} from '../src';

describe('call budget', () => {
  it('gives reads the time the call has left, across awaits', async () => {
    const deadline = new Date(Date.now() + 2000);
    const options = await runWithBudget(
      { deadline, signal: new AbortController().signal },
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        return withMaxTime({ maxTimeMS: undefined as number | undefined });
      },
    );
    expect(options.maxTimeMS).toBeGreaterThan(1500);
    expect(options.maxTimeMS).toBeLessThanOrEqual(2000);
    // Outside a call: no budget, options unchanged.
    expect(withMaxTime({})).toEqual({});
    expect(remainingMs()).toBeUndefined();
  });

  it('refuses to start work once the deadline passed or the caller cancelled', () => {
    const past = { deadline: new Date(Date.now() - 1), signal: new AbortController().signal };
    expect(() => runWithBudget(past, () => assertBudgetLeft('write'))).toThrow(
      BudgetExhaustedError,
    );
    const cancelled = new AbortController();
    cancelled.abort();
    const err = runWithBudget({ signal: cancelled.signal }, () => {
      try {
        assertBudgetLeft('write');
      } catch (e) {
        return e;
      }
      return undefined;
    });
    expect(err).toMatchObject({ reason: 'cancelled' });
    const alive = { deadline: new Date(Date.now() + 1000), signal: new AbortController().signal };
    expect(() => runWithBudget(alive, () => assertBudgetLeft('write'))).not.toThrow();
  });
});

describe('stopOnSignals', () => {
  it('exits 1 at the deadline when stop never finishes', async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    stopOnSignals({
      name: 'test',
      stop: () => new Promise<void>(() => undefined),
      timeoutMs: 30,
      signals: signals as unknown as Pick<NodeJS.Process, 'once'>,
      exit: (code) => exits.push(code),
      write: () => undefined,
    });
    signals.emit('SIGTERM');
    await new Promise((r) => setTimeout(r, 60));
    expect(exits).toEqual([1]);
  });

  it('exits 0 once stop finishes in time', async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    stopOnSignals({
      name: 'test',
      stop: () => Promise.resolve(),
      timeoutMs: 1000,
      signals: signals as unknown as Pick<NodeJS.Process, 'once'>,
      exit: (code) => exits.push(code),
      write: () => undefined,
    });
    signals.emit('SIGINT');
    await new Promise((r) => setTimeout(r, 10));
    expect(exits).toEqual([0]);
  });
});
