// The budget of the call being served: its deadline and a signal that fires when the caller
// gave up. The gRPC server sets it once per call (grpc-kit's unaryHandler); the store layer
// reads it wherever it runs, so no repository passes a deadline by hand.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallBudget {
  /** When the caller stops waiting; undefined = no deadline. */
  deadline?: Date;
  /** Aborted when the call was cancelled (the caller went away or its deadline passed). */
  signal: AbortSignal;
}

const storage = new AsyncLocalStorage<CallBudget>();

/** Runs `fn` with `budget` as the current call's budget (inherited by everything it awaits). */
export function runWithBudget<T>(budget: CallBudget, fn: () => T): T {
  return storage.run(budget, fn);
}

export function currentBudget(): CallBudget | undefined {
  return storage.getStore();
}

/**
 * Milliseconds the current call has left; undefined outside a call or without a deadline.
 * Never below 1: a `maxTimeMS` of 0 means "no limit" to the server.
 */
export function remainingMs(now: number = Date.now()): number | undefined {
  const deadline = storage.getStore()?.deadline;
  if (!deadline) return undefined;
  return Math.max(1, deadline.getTime() - now);
}

export type BudgetExhaustion = 'cancelled' | 'deadline';

/** Thrown instead of starting work for a call whose caller will never see the answer. */
export class BudgetExhaustedError extends Error {
  override readonly name = 'BudgetExhaustedError';
  constructor(
    readonly reason: BudgetExhaustion,
    what: string,
  ) {
    super(
      `${what} not started: the call's ${reason === 'deadline' ? 'deadline passed' : 'caller cancelled'}`,
    );
  }
}

/** Why the current call's budget is spent, or undefined while it still has time. */
export function budgetExhaustion(now: number = Date.now()): BudgetExhaustion | undefined {
  const budget = storage.getStore();
  if (!budget) return undefined;
  if (budget.signal.aborted) return 'cancelled';
  if (budget.deadline && budget.deadline.getTime() <= now) return 'deadline';
  return undefined;
}

/** Throws BudgetExhaustedError when the current call is over; `what` names the work refused. */
export function assertBudgetLeft(what: string): void {
  const reason = budgetExhaustion();
  if (reason) throw new BudgetExhaustedError(reason, what);
}

/**
 * `options` plus the call's remaining time as `maxTimeMS`, for a raw-driver read (mongoose
 * models get it from `callBudgetPlugin`). An explicit, smaller `maxTimeMS` wins.
 */
export function withMaxTime<T extends { maxTimeMS?: number }>(options: T): T {
  const left = remainingMs();
  if (left === undefined) return options;
  return { ...options, maxTimeMS: Math.min(left, options.maxTimeMS ?? Infinity) };
}
