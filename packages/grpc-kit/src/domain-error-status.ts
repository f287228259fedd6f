// A service's DomainError codes become gRPC statuses through one table per error type. The
// table's type lists every code, so a code added to the enum does not compile until mapped.
import type * as grpc from '@grpc/grpc-js';
import type { DomainError } from '@kith/errors';
import { StatusError } from './status-error';

/**
 * A status alone answers with the error's message and nothing else; a function builds the
 * StatusError itself, for statuses that carry field errors or an ErrorInfo.
 */
export type GrpcStatusRule<E> = grpc.status | ((err: E) => StatusError);

export type GrpcStatusTable<E extends DomainError<string, object>> = {
  readonly [C in E['code']]: GrpcStatusRule<E>;
};

export function domainErrorStatus<E extends DomainError<string, object>>(
  table: GrpcStatusTable<E>,
  err: E,
): StatusError {
  const rule = (table as Record<string, GrpcStatusRule<E> | undefined>)[err.code];
  // Only reachable from a code cast past the type system: say which one.
  if (rule === undefined) throw new Error(`unmapped ${err.name} code ${err.code}`);
  return typeof rule === 'function' ? rule(err) : new StatusError(rule, err.message);
}
