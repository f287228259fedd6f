export {
  assertBudgetLeft,
  BudgetExhaustedError,
  budgetExhaustion,
  currentBudget,
  remainingMs,
  runWithBudget,
  withMaxTime,
} from './call-budget';
export type { BudgetExhaustion, CallBudget } from './call-budget';
export { callBudgetPlugin } from './call-budget.plugin';
export { Bulkhead, BulkheadRejectedError } from './bulkhead';
export type { BulkheadOptions, BulkheadRefusal, BulkheadStats } from './bulkhead';
export { probe, probeAll } from './probe';
export type { ReadinessCheck } from './probe';
export { stopOnSignals } from './bounded-stop';
export type { StopOnSignalsOptions } from './bounded-stop';
