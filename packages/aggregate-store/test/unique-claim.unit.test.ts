// The claim protocol against the in-memory collection: insert, judge a claim in the way,
// take a stale one over behind a fence, release only for the owner.
import { FENCE_STALE_MS, MemoryCollection, claimUnique, findClaim, releaseClaim } from '../src';
import type { ClaimRules } from '../src';

interface SeatClaim {
  _id: string;
  tenantId: string;
  holder: string;
  claimedAt: string;
}

const NOW = '2026-05-01T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();
const FIELDS = { owner: 'holder', claimedAt: 'claimedAt' } as const;

function seat(holder: string, claimedAt = NOW, tenantId = 't-1'): SeatClaim {
  return { _id: `${tenantId}:seat-1`, tenantId, holder, claimedAt };
}

function given(...held: SeatClaim[]): MemoryCollection<SeatClaim> {
  const claims = new MemoryCollection<SeatClaim>('seat_claims');
  for (const claim of held) claims.rows.set(claim._id, claim);
  return claims;
}

describe('claimUnique', () => {
  it('claims a free id', async () => {
    const claims = given();

    const result = await claimUnique(claims, seat('a'), FIELDS);

    expect(result).toEqual({ claimed: true, claim: seat('a') });
    expect(claims.rows.get('t-1:seat-1')?.holder).toBe('a');
  });

  it('answers held, with the holder, when another owner has the id', async () => {
    const claims = given(seat('b', ago(60_000)));

    const result = await claimUnique(claims, seat('a'), FIELDS);

    expect(result).toEqual({ claimed: false, holder: seat('b', ago(60_000)) });
  });

  it('answers claimed with the stored claim when the same owner holds it already', async () => {
    const claims = given(seat('a', ago(5)));

    const result = await claimUnique(claims, seat('a'), FIELDS);

    expect(result).toEqual({ claimed: true, claim: seat('a', ago(5)) });
  });

  it('takes over a claim older than staleAfterMs', async () => {
    const claims = given(seat('dead', ago(31_000)));

    const result = await claimUnique(claims, seat('a'), { ...FIELDS, staleAfterMs: 30_000 });

    expect(result.claimed).toBe(true);
    expect([...claims.rows.values()]).toEqual([seat('a')]);
  });

  it.each([
    ['younger than staleAfterMs', ago(29_999)],
    ['from a clock ahead of ours', ago(-5_000)],
    ['with an unreadable time', 'yesterday'],
  ])('respects a claim %s', async (_case, claimedAt) => {
    const claims = given(seat('b', claimedAt));

    const result = await claimUnique(claims, seat('a'), { ...FIELDS, staleAfterMs: 30_000 });

    expect(result.claimed).toBe(false);
    expect(claims.rows.get('t-1:seat-1')?.holder).toBe('b');
  });

  it('takes over only when both the age and isStale say stale', async () => {
    const judged: string[] = [];
    const rules = (stale: boolean): ClaimRules<SeatClaim> => ({
      ...FIELDS,
      staleAfterMs: 30_000,
      isStale: (held) => {
        judged.push(held.holder);
        return stale;
      },
    });

    const kept = await claimUnique(given(seat('b', ago(60_000))), seat('a'), rules(false));
    const young = await claimUnique(given(seat('c', ago(10))), seat('a'), rules(true));
    const taken = await claimUnique(given(seat('d', ago(60_000))), seat('a'), rules(true));

    expect([kept.claimed, young.claimed, taken.claimed]).toEqual([false, false, true]);
    // The young claim is respected without asking isStale (which may cost a read).
    expect(judged).toEqual(['b', 'd']);
  });

  it('never takes over a claim when no staleness rule is given', async () => {
    const result = await claimUnique(given(seat('b', ago(86_400_000))), seat('a'), FIELDS);

    expect(result.claimed).toBe(false);
  });

  it('leaves no takeover fence behind', async () => {
    const claims = given(seat('dead', ago(60_000)));

    await claimUnique(claims, seat('a'), { ...FIELDS, staleAfterMs: 30_000 });

    expect([...claims.rows.keys()]).toEqual(['t-1:seat-1']);
  });

  it('lets a takeover in progress (its fence young) win over a second taker', async () => {
    const stale = seat('dead', ago(60_000));
    const claims = given(stale);
    claims.rows.set(`t-1:seat-1#takeover:dead@${stale.claimedAt}:1`, {
      _id: `t-1:seat-1#takeover:dead@${stale.claimedAt}:1`,
      tenantId: 't-1',
      takeoverOf: 't-1:seat-1',
      fencedAt: ago(100),
    } as unknown as SeatClaim);

    const result = await claimUnique(claims, seat('a'), { ...FIELDS, staleAfterMs: 30_000 });

    expect(result.claimed).toBe(false);
    expect(claims.rows.get('t-1:seat-1')?.holder).toBe('dead');
  });

  it('passes over the fence of a taker that died before replacing', async () => {
    const stale = seat('dead', ago(60_000));
    const claims = given(stale);
    const fenceId = `t-1:seat-1#takeover:dead@${stale.claimedAt}:1`;
    claims.rows.set(fenceId, {
      _id: fenceId,
      tenantId: 't-1',
      takeoverOf: 't-1:seat-1',
      fencedAt: ago(FENCE_STALE_MS),
    } as unknown as SeatClaim);

    const result = await claimUnique(claims, seat('a'), { ...FIELDS, staleAfterMs: 30_000 });

    expect(result.claimed).toBe(true);
    expect(claims.rows.get('t-1:seat-1')?.holder).toBe('a');
  });
});

describe('releaseClaim and findClaim', () => {
  it('frees a claim for its owner only', async () => {
    const claims = given(seat('a'));

    const byOther = await releaseClaim(claims, 't-1:seat-1', { holder: 'b' });
    const byOwner = await releaseClaim(claims, 't-1:seat-1', { holder: 'a' });

    expect([byOther, byOwner]).toEqual([false, true]);
    expect(claims.rows.size).toBe(0);
  });

  it('refuses to release without naming the owner', async () => {
    await expect(releaseClaim(given(seat('a')), 't-1:seat-1', {})).rejects.toThrow(/owner/);
  });

  it('does not find another tenant’s claim', async () => {
    const claims = given(seat('a', NOW, 't-2'));

    expect(await findClaim(claims, 't-1', 't-2:seat-1')).toBeUndefined();
    expect(await findClaim(claims, 't-2', 't-2:seat-1')).toEqual(seat('a', NOW, 't-2'));
  });
});
