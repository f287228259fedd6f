import type { DonationSnapshot } from '@kith/events';
import { donorKeyOf, erasedDonorKey, isAnonymousKey } from '../src/domain/donor-key';
import { counts, factFromSnapshot, latestFacts, resolveDonorKey } from '../src/domain/gift-fact';

const snapshot: DonationSnapshot = {
  id: 'd-1',
  tenantId: 't-1',
  version: 3,
  donorId: 'c-1',
  donorKind: 'person',
  amount: { amountMinor: 15000, currency: 'USD' },
  receivedAt: '2026-03-31T23:00:00-05:00',
  paymentMethod: 'card',
  status: 'partially_refunded',
  refundedMinor: 2500,
  anonymous: false,
  softCredits: [],
  refunds: [],
  createdAt: '2026-04-01T04:00:00Z',
  updatedAt: '2026-04-02T00:00:00Z',
};

describe('gift facts', () => {
  it('keeps the amount, refunds, currency, version and UTC month of the snapshot', () => {
    expect(factFromSnapshot(snapshot, 'c-1')).toEqual({
      tenantId: 't-1',
      donationId: 'd-1',
      version: 3,
      donorKey: 'c-1',
      currency: 'USD',
      amountMinor: 15000,
      refundedMinor: 2500,
      month: '2026-04',
      status: 'partially_refunded',
    });
  });

  it('keeps only the newest version of each donation, whatever the order', () => {
    const facts = [
      { donationId: 'a', version: 2 },
      { donationId: 'b', version: 1 },
      { donationId: 'a', version: 3 },
      { donationId: 'a', version: 1 },
    ];
    expect(latestFacts(facts)).toEqual([
      { donationId: 'a', version: 3 },
      { donationId: 'b', version: 1 },
    ]);
  });

  it('counts paid gifts with something left after refunds only', () => {
    const of = (status: DonationSnapshot['status'], refundedMinor = 0) =>
      counts({ status, amountMinor: 100, refundedMinor });
    expect([of('completed'), of('partially_refunded', 50), of('refunded', 100)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([of('pending'), of('failed')]).toEqual([false, false]);
  });

  it('resolves a key through merges and stops at a loop', () => {
    expect(resolveDonorKey('a', new Map([['a', 'b']]))).toBe('b');
    expect(resolveDonorKey('x', new Map([['a', 'b']]))).toBe('x');
    const loop = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(['a', 'b']).toContain(resolveDonorKey('a', loop));
  });
});

describe('donor keys', () => {
  it('gives every fact of an erased contact one key that names no contact', () => {
    const key = erasedDonorKey('t-1', 'c-1');
    expect(key).toBe(erasedDonorKey('t-1', 'c-1'));
    expect(key).not.toContain('c-1');
    expect(key).not.toBe(erasedDonorKey('t-2', 'c-1'));
    expect(isAnonymousKey(key)).toBe(true);
  });

  it('counts a live donor under the contact the projection resolves to', () => {
    const base = { tenantId: 't-1', donationId: 'd-1' };
    expect(donorKeyOf({ ...base, standing: { kind: 'contact', contactId: 'survivor' } })).toBe(
      'survivor',
    );
    expect(donorKeyOf({ ...base, standing: { kind: 'erased', contactId: 'c-1' } })).toBe(
      erasedDonorKey('t-1', 'c-1'),
    );
  });

  it('anonymises the stored donor of a gift whose event lost its donor, and keeps an anonymous key', () => {
    const base = { tenantId: 't-1', donationId: 'd-1' };
    expect(donorKeyOf({ ...base, storedKey: 'c-1' })).toBe(erasedDonorKey('t-1', 'c-1'));
    const anonymous = erasedDonorKey('t-1', 'c-9');
    expect(donorKeyOf({ ...base, storedKey: anonymous })).toBe(anonymous);
    expect(isAnonymousKey(donorKeyOf(base))).toBe(true);
  });
});
