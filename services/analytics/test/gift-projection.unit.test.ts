// Gift events into facts with in-memory stores: the live group writes every version the state
// names, a donor is keyed as the contact projection resolves them (a victim's survivor, an
// erased person's anonymous key), and an event without a donor keeps the stored fact's key.
import type { DonationSnapshot } from '@kith/events';
import { GiftProjection } from '../src/app/gift-projection.service';
import { erasedDonorKey } from '../src/domain/donor-key';
import type { GiftFact } from '../src/domain/gift-fact';
import type { ReadModelState } from '../src/domain/read-model';

const snapshot = (extra: Partial<DonationSnapshot> = {}): DonationSnapshot => ({
  id: 'd-1',
  tenantId: 't',
  version: 1,
  donorId: 'c-1',
  donorKind: 'person',
  amount: { amountMinor: 100, currency: 'USD' },
  receivedAt: '2026-03-01T00:00:00Z',
  paymentMethod: 'card',
  status: 'completed',
  refundedMinor: 0,
  anonymous: false,
  softCredits: [],
  refunds: [],
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  ...extra,
});

function projection(
  state: ReadModelState,
  contacts: Record<string, { id: string; status: string }>,
) {
  const put: Array<[number, GiftFact]> = [];
  const gifts = new GiftProjection({
    states: { current: async () => state } as never,
    facts: {
      put: async (readModel: number, fact: GiftFact) => void put.push([readModel, fact]),
      versionsOf: async (_t: string, readModel: number, donationId: string) =>
        put
          .filter(([v, f]) => v === readModel && f.donationId === donationId)
          .map(([, f]) => f)
          .sort((a, b) => b.version - a.version),
    } as never,
    projection: {
      resolve: async (_tenant: string, id: string) => {
        const contact = contacts[id];
        return contact
          ? {
              contact: { ...contact, erased: contact.status === 'erased' } as never,
              mergedFrom: [],
            }
          : undefined;
      },
    },
  });
  return { gifts, put };
}

it('writes a live event to the serving version and the one being rebuilt', async () => {
  const { gifts, put } = projection(
    { tenantId: 't', seq: 1, active: 1, building: { readModel: 2, rebuildId: 'r', since: '' } },
    {},
  );
  await gifts.applyLive(snapshot());
  expect(put.map(([v, f]) => [v, f.donorKey])).toEqual([
    [1, 'c-1'],
    [2, 'c-1'],
  ]);
});

it("keys a merge victim's gift to the end of its chain and an erased donor's to the anonymous key", async () => {
  const { gifts, put } = projection(
    { tenantId: 't', seq: 0, active: 1 },
    {
      victim: { id: 'survivor', status: 'active' },
      gone: { id: 'gone', status: 'erased' },
    },
  );
  await gifts.applyTo(1, snapshot({ id: 'd-1', donorId: 'victim' }));
  await gifts.applyTo(1, snapshot({ id: 'd-2', donorId: 'gone' }));
  expect(put.map(([, f]) => f.donorKey)).toEqual(['survivor', erasedDonorKey('t', 'gone')]);
});

it('anonymises the stored donor of a gift whose event lost its donor', async () => {
  const { gifts, put } = projection({ tenantId: 't', seq: 0, active: 1 }, {});
  await gifts.applyTo(1, snapshot());
  const { donorId: _gone, ...withoutDonor } = snapshot({ version: 2 });
  await gifts.applyTo(1, withoutDonor);
  expect(put.map(([, f]) => f.donorKey)).toEqual(['c-1', erasedDonorKey('t', 'c-1')]);
});
