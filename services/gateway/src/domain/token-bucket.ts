// Token buckets, as plain values: a bucket holds up to `burst` tokens and gains
// `ratePerSecond` of them per second; a request takes one. The state lives in whatever map the
// caller keeps (http/rate-limit.middleware.ts); nothing here reads a clock or stores anything.

export interface BucketPolicy {
  /** Named in the RateLimit headers, e.g. "tenant". */
  name: string;
  ratePerSecond: number;
  burst: number;
}

export interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

export interface BucketState {
  bucket: Bucket;
  /** Whole tokens left. */
  remaining: number;
  /** Seconds until one token is there again (0 when there is one now). */
  retryAfterSeconds: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

/** The bucket as of `nowMs`: refilled for the time since its last update, capped at burst. */
export function refill(bucket: Bucket | undefined, policy: BucketPolicy, nowMs: number): Bucket {
  if (!bucket) return { tokens: policy.burst, updatedAtMs: nowMs };
  const elapsedS = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
  return {
    tokens: Math.min(policy.burst, bucket.tokens + elapsedS * policy.ratePerSecond),
    updatedAtMs: nowMs,
  };
}

export function stateOf(bucket: Bucket, policy: BucketPolicy): BucketState {
  const missingForOne = Math.max(0, 1 - bucket.tokens);
  return {
    bucket,
    remaining: Math.floor(bucket.tokens),
    retryAfterSeconds: Math.ceil(missingForOne / policy.ratePerSecond),
    resetSeconds: Math.ceil((policy.burst - bucket.tokens) / policy.ratePerSecond),
  };
}

export interface Charge {
  policy: BucketPolicy;
  bucket: Bucket | undefined;
}

/**
 * Takes one token from every bucket, or from none: allowed only if each has one. Returns the
 * buckets to store and their states (for the headers, and Retry-After when refused).
 */
export function takeFromAll(
  charges: readonly Charge[],
  nowMs: number,
): { allowed: boolean; states: BucketState[] } {
  const refilled = charges.map((c) => refill(c.bucket, c.policy, nowMs));
  const allowed = refilled.every((b) => b.tokens >= 1);
  const after = allowed ? refilled.map((b) => ({ ...b, tokens: b.tokens - 1 })) : refilled;
  return { allowed, states: after.map((b, i) => stateOf(b, charges[i]!.policy)) };
}

/**
 * The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers): each policy's quota `q`
 * (the burst) over window `w` (seconds to refill it), and what is left `r` with `t` seconds
 * until it is full again.
 */
export function rateLimitHeaders(
  policies: readonly BucketPolicy[],
  states: readonly BucketState[],
): Record<string, string> {
  return {
    'RateLimit-Policy': policies
      .map((p) => `"${p.name}";q=${p.burst};w=${Math.ceil(p.burst / p.ratePerSecond)}`)
      .join(', '),
    RateLimit: policies
      .map((p, i) => `"${p.name}";r=${states[i]!.remaining};t=${states[i]!.resetSeconds}`)
      .join(', '),
  };
}
