// Rate limits per client address (before any JWT work), per tenant and per user. The buckets
// live in this process's memory: with N gateway instances behind a balancer each keeps its
// own, so a client spread over all of them gets up to N times the limit (docs/operations.md).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimitHeaders, takeFromAll, refill, stateOf } from '../domain/token-bucket';
import type { Bucket, BucketPolicy } from '../domain/token-bucket';
import { callerOf } from './auth.middleware';
import { GatewayError } from './problem';

export interface RateLimitPolicies {
  /** Requests that fail authentication, per client address. */
  address: BucketPolicy;
  tenant: BucketPolicy;
  user: BucketPolicy;
}

/** Buckets by key, least recently used first; the oldest goes when the map is full. */
export class BucketStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly maxKeys = 100_000,
    readonly now: () => number = Date.now,
  ) {}

  get(key: string): Bucket | undefined {
    return this.buckets.get(key);
  }

  set(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}

function refused(retryAfterSeconds: number, headers: Record<string, string>, detail: string) {
  return new GatewayError('rate-limited', detail, [], {
    ...headers,
    'Retry-After': String(Math.max(1, retryAfterSeconds)),
  });
}

/**
 * Before authentication: an address whose requests keep failing authentication is refused
 * before its next token is even verified. Only failed attempts (401) spend its tokens, so
 * the many users behind one NAT address are limited by tenant and user, not by address.
 */
export function limitByAddress(store: BucketStore, policy: BucketPolicy): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const state = stateOf(refill(store.get(key), policy, store.now()), policy);
    if (state.remaining < 1) {
      throw refused(
        state.retryAfterSeconds,
        rateLimitHeaders([policy], [state]),
        'Too many unauthenticated requests from your address.',
      );
    }
    res.once('finish', () => {
      if (res.statusCode !== 401) return;
      const { states } = takeFromAll([{ policy, bucket: store.get(key) }], store.now());
      store.set(key, states[0]!.bucket);
    });
    next();
  };
}

/** After authentication: one token from the caller's tenant and one from the caller, or 429. */
export function limitByCaller(
  store: BucketStore,
  policies: Pick<RateLimitPolicies, 'tenant' | 'user'>,
): RequestHandler {
  const order = [policies.tenant, policies.user];
  return (_req: Request, res: Response, next: NextFunction) => {
    const caller = callerOf(res);
    const keys = [`tenant:${caller.tenantId}`, `user:${caller.tenantId}:${caller.userId}`];
    const { allowed, states } = takeFromAll(
      order.map((policy, i) => ({ policy, bucket: store.get(keys[i]!) })),
      store.now(),
    );
    states.forEach((s, i) => store.set(keys[i]!, s.bucket));
    const headers = rateLimitHeaders(order, states);
    if (!allowed) {
      const exhausted = order.filter((_, i) => states[i]!.remaining < 1).map((p) => p.name);
      const wait = Math.max(...states.map((s) => s.retryAfterSeconds));
      throw refused(wait, headers, `Rate limit of your ${exhausted.join(' and ')} reached.`);
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}
