// The timeline's pure rules: what a donation event becomes in the projection, which contacts
// and months a gift shows in, the entries it gives each contact, their order, and which
// entries and months a page wants.
import type { DonationSnapshot } from '@kith/events';
import {
  giftEntriesFor,
  interactionEntry,
  matches,
  monthsToRead,
  newestFirst,
  wantsGifts,
  type TimelineEntry,
} from '../src/domain/timeline';
import { giftFromSnapshot, giftPlaces } from '../src/domain/timeline-gift';
import { callWith as call } from './support/timeline-fixtures';

const snapshot: DonationSnapshot = {
  id: 'd-1',
  tenantId: 't-1',
  version: 3,
  donorId: 'c-jane',
  donorKind: 'person',
  amount: { amountMinor: 15000, currency: 'USD' },
  receivedAt: '2026-11-30T10:00:00+01:00',
  paymentMethod: 'card',
  status: 'partially_refunded',
  refundedMinor: 5000,
  fund: 'Roof appeal',
  campaignId: 'spring',
  sourceCode: 'SPR26',
  anonymous: false,
  tribute: { type: 'in_honor_of', honoreeContactId: 'c-honoree' },
  softCredits: [
    { contactId: 'c-john', type: 'household_member', amountMinor: 15000, automatic: true },
  ],
  refunds: [{ id: 'r-1', amountMinor: 5000, refundedAt: '2026-12-02T08:00:00Z' }],
  createdAt: '2026-11-30T09:00:00Z',
  updatedAt: '2026-12-02T08:00:00Z',
};
const gift = giftFromSnapshot(snapshot);

describe('giftFromSnapshot', () => {
  it('keeps what a timeline shows, in UTC, and leaves out the source code and the tribute', () => {
    expect(gift).toEqual({
      id: 'd-1',
      tenantId: 't-1',
      version: 3,
      donorId: 'c-jane',
      donorKind: 'person',
      amount: { amountMinor: 15000, currency: 'USD' },
      refundedMinor: 5000,
      status: 'partially_refunded',
      paymentMethod: 'card',
      fund: 'Roof appeal',
      campaignId: 'spring',
      receivedAt: '2026-11-30T09:00:00.000Z',
      anonymous: false,
      softCredits: [
        { contactId: 'c-john', type: 'household_member', amountMinor: 15000, automatic: true },
      ],
      refunds: [{ id: 'r-1', amountMinor: 5000, refundedAt: '2026-12-02T08:00:00.000Z' }],
    });
  });

  it('has no donor once the donor was erased', () => {
    const { donorId: _gone, ...erased } = snapshot;
    expect(giftFromSnapshot(erased)).not.toHaveProperty('donorId');
  });
});

describe('giftPlaces', () => {
  it('puts the donor in the months of the gift and of each refund, a credited contact in the gift month', () => {
    expect(giftPlaces(gift)).toEqual([
      { contactId: 'c-jane', month: '2026-11' },
      { contactId: 'c-jane', month: '2026-12' },
      { contactId: 'c-john', month: '2026-11' },
    ]);
  });

  it('puts nobody in as donor once the donor was erased', () => {
    const { donorId: _gone, ...erased } = gift;
    expect(giftPlaces(erased)).toEqual([{ contactId: 'c-john', month: '2026-11' }]);
  });
});

describe('giftEntriesFor', () => {
  it('gives the donor the gift, net of refunds, and each refund at its own time', () => {
    const entries = giftEntriesFor(gift, 'c-jane');

    expect(entries.map((e) => [e.kind, e.occurredAt, e.key])).toEqual([
      ['gift', '2026-11-30T09:00:00.000Z', 'gift_d-1'],
      ['refund', '2026-12-02T08:00:00.000Z', 'refund_r-1'],
    ]);
  });

  it("gives a soft-credited contact a soft credit at most the gift's net, and no refund", () => {
    const entries = giftEntriesFor(gift, 'c-john');

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'soft_credit',
      occurredAt: '2026-11-30T09:00:00.000Z',
      softCredit: { type: 'household_member', amountMinor: 15000, netMinor: 10000 },
    });
  });

  it('gives anyone else nothing', () => {
    expect(giftEntriesFor(gift, 'c-honoree')).toEqual([]);
  });
});

describe('the order and the page filter', () => {
  const entries: TimelineEntry[] = [
    interactionEntry(call('i-1', '2026-11-30T09:00:00.000Z')),
    ...giftEntriesFor(gift, 'c-jane'),
    interactionEntry(call('i-2', '2026-12-05T09:00:00.000Z')),
  ];

  it('runs newest first, ties broken by key descending', () => {
    expect([...entries].sort(newestFirst).map((e) => e.key)).toEqual([
      'i-2',
      'refund_r-1',
      'i-1',
      'gift_d-1',
    ]);
  });

  it('keeps the kinds asked for, the range (from inclusive, to exclusive) and what follows the position', () => {
    const keys = (filter: Parameters<typeof matches>[1]) =>
      entries.filter((e) => matches(e, filter)).map((e) => e.key);

    expect(keys({ kinds: ['gift', 'refund'] })).toEqual(['gift_d-1', 'refund_r-1']);
    expect(keys({ type: 'call' })).toEqual(['i-1', 'i-2']);
    expect(keys({ from: '2026-11-30T09:00:00.000Z', to: '2026-12-05T09:00:00.000Z' })).toEqual([
      'i-1',
      'gift_d-1',
      'refund_r-1',
    ]);
    expect(keys({ after: { occurredAt: '2026-11-30T09:00:00.000Z', id: 'i-1' } })).toEqual([
      'gift_d-1',
    ]);
  });

  it('reads gifts only when a gift kind is wanted and no interaction type is', () => {
    expect(wantsGifts({})).toBe(true);
    expect(wantsGifts({ kinds: ['interaction'] })).toBe(false);
    expect(wantsGifts({ kinds: ['interaction', 'soft_credit'] })).toBe(true);
    expect(wantsGifts({ type: 'call' })).toBe(false);
  });
});

describe('monthsToRead', () => {
  const months = ['2026-12', '2026-09', '2026-11', '2025-01'];

  it('walks every month newest first without bounds', () => {
    expect(monthsToRead(months, {})).toEqual(['2026-12', '2026-11', '2026-09', '2025-01']);
  });

  it('starts at the month of the page position or of `to`, and stops at the month of `from`', () => {
    expect(
      monthsToRead(months, {
        from: '2026-09-15T00:00:00.000Z',
        after: { occurredAt: '2026-11-02T00:00:00.000Z', id: 'i-1' },
      }),
    ).toEqual(['2026-11', '2026-09']);
    expect(monthsToRead(months, { to: '2026-10-01T00:00:00.000Z' })).toEqual([
      '2026-09',
      '2025-01',
    ]);
  });
});
