import { rateLimitHeaders, refill, takeFromAll } from '../src/domain/token-bucket';
import type { Bucket, BucketPolicy } from '../src/domain/token-bucket';

const tenant: BucketPolicy = { name: 'tenant', ratePerSecond: 2, burst: 4 };
const user: BucketPolicy = { name: 'user', ratePerSecond: 1, burst: 2 };

/** Takes `n` times at `nowMs` from one bucket; answers how many were allowed. */
function drain(policy: BucketPolicy, n: number, nowMs: number, start?: Bucket) {
  let bucket = start;
  let allowed = 0;
  let last;
  for (let i = 0; i < n; i += 1) {
    last = takeFromAll([{ policy, bucket }], nowMs);
    bucket = last.states[0]!.bucket;
    if (last.allowed) allowed += 1;
  }
  return { allowed, bucket: bucket!, last: last! };
}

describe('token bucket', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const { allowed, last } = drain(tenant, 6, 0);
    expect(allowed).toBe(4);
    expect(last.allowed).toBe(false);
    expect(last.states[0]).toMatchObject({ remaining: 0, retryAfterSeconds: 1, resetSeconds: 2 });
  });

  it('refills at its rate, never beyond the burst', () => {
    const { bucket } = drain(tenant, 4, 0);
    expect(refill(bucket, tenant, 500).tokens).toBeCloseTo(1);
    expect(refill(bucket, tenant, 60_000).tokens).toBe(4);
    expect(drain(tenant, 3, 1000, bucket).allowed).toBe(2);
  });

  it('takes from every bucket or from none', () => {
    const emptyUser = drain(user, 2, 0).bucket;
    const full = takeFromAll([{ policy: tenant, bucket: undefined }], 0).states[0]!.bucket;
    const both = takeFromAll(
      [
        { policy: tenant, bucket: full },
        { policy: user, bucket: emptyUser },
      ],
      0,
    );
    expect(both.allowed).toBe(false);
    // The tenant's token was not spent on a request the user's bucket refused.
    expect(both.states[0]!.bucket.tokens).toBe(full.tokens);
  });

  it('describes each policy in the IETF RateLimit headers', () => {
    const { states } = takeFromAll(
      [
        { policy: tenant, bucket: undefined },
        { policy: user, bucket: undefined },
      ],
      0,
    );
    expect(rateLimitHeaders([tenant, user], states)).toEqual({
      'RateLimit-Policy': '"tenant";q=4;w=2, "user";q=2;w=2',
      RateLimit: '"tenant";r=3;t=1, "user";r=1;t=1',
    });
  });
});
