// What the service publishes: every event's data is valid against the catalogue, keyed by the
// gift, on kith.transaction.v1, and carries no free text a person could be named in.
import {
  DonationSnapshotSchema,
  EVENT_TYPES,
  SoftCreditSnapshotSchema,
  parseEventData,
} from '@kith/events';
import { SOFT_CREDIT_TYPES, DONATION_STATUSES } from '../src/domain/donation';
import { decideRefund, decideUpdateDonation } from '../src/domain/donation-decisions';
import { toDonationOutboxItems } from '../src/events/donation-events';
import { GIFT_ID, JOHN, REFUND_ID, T1, givenGift, janeAtHome } from './support/donation-givens';

const gift = () =>
  givenGift(
    {
      externalReference: 'ch_3PqR',
      tribute: { type: 'in_memory_of', honoreeName: 'Grandma Rose', honoreeContactId: JOHN },
    },
    janeAtHome,
  );

describe('donation events', () => {
  it('says a creation, a change and a refund in catalogue-valid data, keyed by the gift', () => {
    const created = gift();
    const refunded = decideRefund(
      created,
      { amountMinor: 5000, reason: 'asked by Jane herself' },
      { id: REFUND_ID, now: T1 },
    );
    const changed = decideUpdateDonation(
      refunded.donation,
      { expectedVersion: 2, changes: { fund: 'Roof' } },
      janeAtHome,
      T1,
    );

    const items = toDonationOutboxItems([
      { type: EVENT_TYPES.donationCreated, donation: created },
      ...refunded.events,
      ...changed.events,
    ]);

    expect(items.map((i) => [i.topic, i.key, i.event.type])).toEqual([
      ['kith.transaction.v1', GIFT_ID, EVENT_TYPES.donationCreated],
      ['kith.transaction.v1', GIFT_ID, EVENT_TYPES.donationRefunded],
      ['kith.transaction.v1', GIFT_ID, EVENT_TYPES.donationUpdated],
    ]);
    for (const item of items) {
      expect(() => parseEventData(item.event.type, item.event.data)).not.toThrow();
      expect(item.event).toMatchObject({ source: 'kith/transaction', subject: GIFT_ID });
    }
    expect(items[2]?.event.data).toMatchObject({ changedFields: ['fund'] });
    expect(items[1]?.event.data).toMatchObject({ refund: { id: REFUND_ID, amountMinor: 5000 } });
    expect(JSON.stringify(items)).not.toMatch(/Grandma Rose|ch_3PqR|asked by Jane/);
    expect(items[0]?.event.data).toMatchObject({
      donation: { tribute: { type: 'in_memory_of', honoreeContactId: JOHN } },
    });
  });

  it('speaks the same vocabulary as the catalogue', () => {
    expect(SoftCreditSnapshotSchema.shape.type.options).toEqual([...SOFT_CREDIT_TYPES]);
    expect(DonationSnapshotSchema.shape.status.options).toEqual([...DONATION_STATUSES]);
  });
});
