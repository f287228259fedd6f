// Overload and spent budgets as gRPC statuses, the same in every service: a refused call is
// RESOURCE_EXHAUSTED with a reason saying whose limit it hit (the gateway answers 429 for a
// tenant's share, 503 for a full server, both with Retry-After); work refused or aborted
// because the caller's deadline passed is DEADLINE_EXCEEDED.
import * as grpc from '@grpc/grpc-js';
import { BudgetExhaustedError, BulkheadRejectedError } from '@kith/resilience';
import type { BulkheadRefusal } from '@kith/resilience';
import { StatusError } from './status-error';

/** ErrorInfo reasons of RESOURCE_EXHAUSTED; metadata `retryAfterSeconds`. */
export const OVERLOAD_REASONS: Readonly<Record<BulkheadRefusal, string>> = {
  'key-share': 'TENANT_SHARE_EXCEEDED',
  saturated: 'SERVER_SATURATED',
};

// MongoDB's (and FerretDB's) "operation exceeded time limit" for a maxTimeMS that ran out.
const MAX_TIME_MS_EXPIRED = 50;

export function overloadStatus(err: unknown): StatusError | undefined {
  if (err instanceof BulkheadRejectedError) {
    return new StatusError(grpc.status.RESOURCE_EXHAUSTED, err.message, [], {
      reason: OVERLOAD_REASONS[err.reason],
      metadata: { retryAfterSeconds: String(err.retryAfterSeconds) },
    });
  }
  if (err instanceof BudgetExhaustedError) {
    const code = err.reason === 'deadline' ? grpc.status.DEADLINE_EXCEEDED : grpc.status.CANCELLED;
    return new StatusError(code, err.message);
  }
  if (isMaxTimeExpired(err)) {
    return new StatusError(
      grpc.status.DEADLINE_EXCEEDED,
      'the database did not answer within the deadline',
    );
  }
  return undefined;
}

function isMaxTimeExpired(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { code?: unknown }).code === MAX_TIME_MS_EXPIRED
  );
}

/** The refusal an overload status carries, read back on the calling side. */
export function overloadRefusal(
  info: { reason: string; metadata: Record<string, string> } | undefined,
): { reason: BulkheadRefusal; retryAfterSeconds: number } | undefined {
  if (!info) return undefined;
  const reason = (Object.keys(OVERLOAD_REASONS) as BulkheadRefusal[]).find(
    (r) => OVERLOAD_REASONS[r] === info.reason,
  );
  if (!reason) return undefined;
  const seconds = Number(info.metadata.retryAfterSeconds);
  return { reason, retryAfterSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : 1 };
}
