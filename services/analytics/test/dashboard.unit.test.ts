import { computeDashboard } from '../src/domain/dashboard';
import type { GiftFact } from '../src/domain/gift-fact';

const fact = (
  donorKey: string,
  amountMinor: number,
  month: string,
  extra: Partial<GiftFact> = {},
) => ({
  donorKey,
  amountMinor,
  month,
  currency: 'USD',
  refundedMinor: 0,
  status: 'completed' as GiftFact['status'],
  ...extra,
});

const noMerges = new Map<string, string>();
const fy2026 = { fiscalYear: 2026, startMonth: 1 };

describe('the dashboard of a fiscal year', () => {
  it('totals, counts and averages the gifts of a year per currency, never across currencies', () => {
    const dashboard = computeDashboard(
      [
        fact('a', 15000, '2026-03'),
        fact('b', 15000, '2026-03'),
        fact('a', 1001, '2026-04'),
        fact('a', 9000, '2026-05', { currency: 'EUR' }),
      ],
      noMerges,
      fy2026,
    );

    expect(dashboard.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    const usd = dashboard.currencies[1];
    expect(usd).toMatchObject({
      raisedMinor: 31001,
      gifts: 3,
      donors: 2,
      averageGiftMinor: 10334,
      largestGiftMinor: 15000,
    });
    expect(dashboard.currencies[0]).toMatchObject({ raisedMinor: 9000, gifts: 1, donors: 1 });
    expect(usd?.months[2]).toEqual({ month: '2026-03', raisedMinor: 30000, gifts: 2, donors: 2 });
    expect(usd?.months[3]).toEqual({ month: '2026-04', raisedMinor: 1001, gifts: 1, donors: 1 });
  });

  it('nets refunds in the month the gift was received, and leaves out what is refunded in full, pending or failed', () => {
    const dashboard = computeDashboard(
      [
        fact('a', 15000, '2026-03', { refundedMinor: 5000, status: 'partially_refunded' }),
        fact('b', 15000, '2026-03', { refundedMinor: 15000, status: 'refunded' }),
        fact('c', 7000, '2026-03', { status: 'pending' }),
        fact('d', 7000, '2026-03', { status: 'failed' }),
      ],
      noMerges,
      fy2026,
    );

    expect(dashboard.currencies).toHaveLength(1);
    expect(dashboard.currencies[0]).toMatchObject({ raisedMinor: 10000, gifts: 1, donors: 1 });
  });

  it('counts a merged pair as one donor, following chains of merges', () => {
    const merges = new Map([
      ['victim', 'middle'],
      ['middle', 'survivor'],
    ]);
    const dashboard = computeDashboard(
      [
        fact('victim', 100, '2026-01'),
        fact('middle', 100, '2026-02'),
        fact('survivor', 100, '2026-03'),
      ],
      merges,
      fy2026,
    );

    expect(dashboard.currencies[0]).toMatchObject({ gifts: 3, donors: 1, newDonors: 1 });
  });

  it('calls a donor returning who gave in an earlier fiscal year in any currency, else new', () => {
    const dashboard = computeDashboard(
      [
        fact('old-usd', 100, '2025-12'),
        fact('old-usd', 100, '2026-01'),
        fact('old-eur', 100, '2024-06', { currency: 'EUR' }),
        fact('old-eur', 100, '2026-02'),
        fact('fresh', 100, '2026-02'),
        fact('refunded-before', 100, '2025-05', { refundedMinor: 100, status: 'refunded' }),
        fact('refunded-before', 100, '2026-02'),
      ],
      noMerges,
      fy2026,
    );

    expect(dashboard.currencies[0]).toMatchObject({ donors: 4, newDonors: 2, returningDonors: 2 });
  });

  it('groups by the fiscal year of the start month asked for, without another fact', () => {
    const facts = [fact('a', 100, '2025-06'), fact('b', 200, '2025-07'), fact('c', 400, '2026-06')];

    const calendar = computeDashboard(facts, noMerges, { fiscalYear: 2025, startMonth: 1 });
    const july = computeDashboard(facts, noMerges, { fiscalYear: 2026, startMonth: 7 });

    expect(calendar.currencies[0]?.raisedMinor).toBe(300);
    expect(july).toMatchObject({ firstMonth: '2025-07', lastMonth: '2026-06' });
    expect(july.currencies[0]).toMatchObject({ raisedMinor: 600, donors: 2, newDonors: 2 });
  });

  it('answers the currency asked for even without gifts in it, and only that one', () => {
    const dashboard = computeDashboard([fact('a', 100, '2026-01')], noMerges, {
      ...fy2026,
      currency: 'EUR',
    });

    expect(dashboard.currencies).toHaveLength(1);
    expect(dashboard.currencies[0]).toMatchObject({ currency: 'EUR', raisedMinor: 0, donors: 0 });
    expect(dashboard.currencies[0]?.months).toHaveLength(12);
  });
});
