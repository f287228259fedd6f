import * as grpc from '@grpc/grpc-js';
import { injectTraceContext } from '@kith/telemetry';
import type { Context } from '@opentelemetry/api';
import { StatusError } from './status-error';

/** Who is calling and on whose behalf; read from metadata on every call. */
export interface CallContext {
  tenantId: string;
  userId: string;
  roles: string[];
  idempotencyKey?: string;
  /** The caller's deadline; pass it on to downstream calls. */
  deadline?: Date;
}

export const METADATA = {
  tenantId: 'x-tenant-id',
  userId: 'x-user-id',
  roles: 'x-roles',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  idempotencyKey: 'idempotency-key',
} as const;

/** First string value of a metadata key, or undefined. */
export function metadataValue(metadata: grpc.Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Builds the CallContext of an incoming call. A missing tenant is UNAUTHENTICATED: every read
 * and write is tenant-scoped, so a call without one cannot be served safely.
 */
export function readCallContext(metadata: grpc.Metadata, deadline?: grpc.Deadline): CallContext {
  const tenantId = metadataValue(metadata, METADATA.tenantId);
  if (!tenantId) {
    throw new StatusError(grpc.status.UNAUTHENTICATED, `missing ${METADATA.tenantId} metadata`);
  }
  const roles = (metadataValue(metadata, METADATA.roles) ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const ctx: CallContext = {
    tenantId,
    userId: metadataValue(metadata, METADATA.userId) ?? '',
    roles,
  };
  const idempotencyKey = metadataValue(metadata, METADATA.idempotencyKey);
  if (idempotencyKey) ctx.idempotencyKey = idempotencyKey;
  const deadlineDate = toDate(deadline);
  if (deadlineDate) ctx.deadline = deadlineDate;
  return ctx;
}

/** Outgoing metadata for `ctx`, plus the trace context of `traceContext` (default: active). */
export function metadataFromContext(ctx: CallContext, traceContext?: Context): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set(METADATA.tenantId, ctx.tenantId);
  if (ctx.userId) metadata.set(METADATA.userId, ctx.userId);
  if (ctx.roles.length > 0) metadata.set(METADATA.roles, ctx.roles.join(','));
  if (ctx.idempotencyKey) metadata.set(METADATA.idempotencyKey, ctx.idempotencyKey);
  const carrier: Record<string, string> = {};
  injectTraceContext(carrier, traceContext);
  for (const [key, value] of Object.entries(carrier)) metadata.set(key, value);
  return metadata;
}

function toDate(deadline: grpc.Deadline | undefined): Date | undefined {
  if (deadline === undefined) return undefined;
  if (deadline instanceof Date) return deadline;
  // grpc-js reports "no deadline" as Infinity.
  return Number.isFinite(deadline) ? new Date(deadline) : undefined;
}
