import type { SegmentCondition } from '@kith/contracts';
import { matchesSegment, windowStart } from '../src/domain/segment-evaluation';
import { aGift, anActivity, aProfile, withEmail } from './support/marketing-givens';

const now = new Date('2026-12-01T12:00:00.000Z');
const profile = aProfile({
  tags: ['donor'],
  customFields: { level: 'gold', interests: ['arts', 'parks'], score: 7 },
});
const matches = (
  c: SegmentCondition,
  subject: Partial<Parameters<typeof matchesSegment>[1]> = {},
) => matchesSegment(c, { profile, gifts: [], activities: [], ...subject }, now);

describe('segment evaluation', () => {
  it('matches tags exactly', () => {
    expect(matches({ tag: 'donor' })).toBe(true);
    expect(matches({ tag: 'Donor' })).toBe(false);
  });

  it('compares profile fields, a missing value only matching ne and exists:false', () => {
    expect(matches({ field: 'firstName', eq: 'Jane' })).toBe(true);
    expect(matches({ field: 'lastName', contains: 'SMI' })).toBe(true);
    expect(matches({ field: 'source', eq: 'web' })).toBe(false);
    expect(matches({ field: 'source', ne: 'web' })).toBe(true);
    expect(matches({ field: 'source', exists: false })).toBe(true);
    expect(matches({ field: 'createdAt', gte: '2025-12-31T00:00:00.000Z' })).toBe(true);
  });

  it('matches a list custom field when any element does, and compares numbers by order', () => {
    expect(matches({ customField: 'interests', eq: 'parks' })).toBe(true);
    expect(matches({ customField: 'level', in: ['silver', 'gold'] })).toBe(true);
    expect(matches({ customField: 'score', gt: 5, lte: 7 })).toBe(true);
    expect(matches({ customField: 'score', gt: '5' })).toBe(false);
  });

  it('reads reachability and consent per channel', () => {
    const optedOut = withEmail(profile, {
      consent: 'opted_out',
      suppressed: true,
      reasons: ['opted-out'],
    });
    expect(matches({ reachable: 'email' })).toBe(true);
    expect(matches({ reachable: 'email' }, { profile: optedOut })).toBe(false);
    expect(matches({ consent: 'email', status: 'opted_out' }, { profile: optedOut })).toBe(true);
  });

  it('sums paid giving net of refunds in one currency within the window', () => {
    const gifts = [
      aGift({ amountMinor: 10000, refundedMinor: 2500 }),
      aGift({ amountMinor: 3000, currency: 'EUR' }),
      aGift({ amountMinor: 9000, status: 'pending' }),
      aGift({ amountMinor: 4000, receivedAt: '2025-06-01T00:00:00.000Z' }),
    ];
    const total = (gte: number, within?: { months: number }) =>
      matches({ giving: 'total', currency: 'USD', gte, ...(within ? { within } : {}) }, { gifts });
    expect(total(11500)).toBe(true);
    expect(total(11501)).toBe(false);
    expect(total(7500, { months: 12 })).toBe(true);
    expect(total(7501, { months: 12 })).toBe(false);
  });

  it('counts gifts across currencies, leaving out fully refunded ones, and finds the largest per currency', () => {
    const gifts = [
      aGift({ amountMinor: 100 }),
      aGift({ amountMinor: 700, currency: 'EUR' }),
      aGift({ refundedMinor: 5000 }),
    ];
    expect(matches({ giving: 'count', eq: 2 }, { gifts })).toBe(true);
    expect(matches({ giving: 'largest', currency: 'USD', eq: 100 }, { gifts })).toBe(true);
    expect(matches({ giving: 'largest', currency: 'EUR', gte: 700 }, { gifts })).toBe(true);
  });

  it('compares the last gift date with before, after and a window', () => {
    const gifts = [
      aGift({ receivedAt: '2026-03-01T00:00:00.000Z' }),
      aGift({ receivedAt: '2025-01-01T00:00:00.000Z' }),
    ];
    expect(matches({ giving: 'lastGiftDate', after: '2026-02-01T00:00:00Z' }, { gifts })).toBe(
      true,
    );
    expect(matches({ giving: 'lastGiftDate', before: '2026-02-01T00:00:00Z' }, { gifts })).toBe(
      false,
    );
    expect(matches({ giving: 'lastGiftDate', within: { months: 6 } }, { gifts })).toBe(false);
    expect(matches({ giving: 'lastGiftDate', within: { years: 1 } }, { gifts })).toBe(true);
    expect(matches({ giving: 'lastGiftDate', within: { years: 1 } })).toBe(false);
  });

  it('counts interactions of a type within the window, not deleted ones', () => {
    const activities = [
      anActivity({ occurredAt: '2026-11-20T00:00:00.000Z' }),
      anActivity({ occurredAt: '2026-01-20T00:00:00.000Z' }),
      anActivity({ deleted: true }),
      anActivity({ type: 'call' }),
    ];
    expect(matches({ activity: 'meeting', gte: 2 }, { activities })).toBe(true);
    expect(matches({ activity: 'meeting', gte: 3 }, { activities })).toBe(false);
    expect(matches({ activity: 'meeting', within: { days: 30 }, eq: 1 }, { activities })).toBe(
      true,
    );
    expect(matches({ activity: 'letter', eq: 0 }, { activities })).toBe(true);
  });

  it('combines with and, or and not', () => {
    expect(matches({ and: [{ tag: 'donor' }, { not: { tag: 'board' } }] })).toBe(true);
    expect(matches({ and: [{ tag: 'donor' }, { tag: 'board' }] })).toBe(false);
    expect(matches({ or: [{ tag: 'board' }, { field: 'kind', eq: 'person' }] })).toBe(true);
  });

  it('never matches a contact that is not active, not even through not', () => {
    const gone = aProfile({ status: 'deleted' });
    expect(matches({ not: { tag: 'anything' } }, { profile: gone })).toBe(false);
  });

  it('counts months back on the calendar', () => {
    expect(windowStart({ months: 12 }, now).toISOString()).toBe('2025-12-01T12:00:00.000Z');
    expect(windowStart({ days: 1 }, now).toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });
});
