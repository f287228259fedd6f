// What the transaction service publishes: CloudEvents envelopes of kith.donation.*.v1 on
// kith.transaction.v1, keyed by donation id so each gift's events stay in order. Events carry
// ids and amounts, never the free text a person could be named in (a tribute's honoree name, a
// refund's reason, the payment reference): Kafka keeps events past an erasure.
import { outboxItems, type OutboxItem } from '@kith/bus';
import { EVENT_TYPES, TOPICS, TRANSACTION_SOURCE, type DonationSnapshot } from '@kith/events';
import type { Donation, Refund } from '../domain/donation';
import type { DonationEvent } from '../domain/donation-decisions';

const refundSnapshot = (refund: Refund) => ({
  id: refund.id,
  amountMinor: refund.amountMinor,
  refundedAt: refund.refundedAt,
});

/** The public state of a gift in events. */
export function toDonationSnapshot(donation: Donation): DonationSnapshot {
  const snapshot: DonationSnapshot = {
    id: donation.id,
    tenantId: donation.tenantId,
    version: donation.version,
    donorKind: donation.donorKind,
    amount: { ...donation.amount },
    receivedAt: donation.receivedAt,
    paymentMethod: donation.paymentMethod,
    status: donation.status,
    refundedMinor: donation.refundedMinor,
    anonymous: donation.anonymous,
    softCredits: donation.softCredits.map((c) => ({ ...c })),
    refunds: donation.refunds.map(refundSnapshot),
    createdAt: donation.createdAt,
    updatedAt: donation.updatedAt,
  };
  if (donation.donorId) snapshot.donorId = donation.donorId;
  if (donation.fund) snapshot.fund = donation.fund;
  if (donation.campaignId) snapshot.campaignId = donation.campaignId;
  if (donation.sourceCode) snapshot.sourceCode = donation.sourceCode;
  if (donation.tribute) {
    snapshot.tribute = { type: donation.tribute.type };
    if (donation.tribute.honoreeContactId) {
      snapshot.tribute.honoreeContactId = donation.tribute.honoreeContactId;
    }
  }
  return snapshot;
}

/** The event's data, as the catalogue's schema for its type has it. */
export function donationEventData(event: DonationEvent): unknown {
  const donation = toDonationSnapshot(event.donation);
  switch (event.type) {
    case EVENT_TYPES.donationCreated:
      return { donation };
    case EVENT_TYPES.donationUpdated:
      return { donation, changedFields: [...event.changedFields] };
    case EVENT_TYPES.donationRefunded:
      return { donation, refund: refundSnapshot(event.refund) };
  }
}

/** Envelopes for the outbox, in the trace active now (the gRPC call's or the consumer's). */
export function toDonationOutboxItems(events: readonly DonationEvent[]): OutboxItem[] {
  return outboxItems(
    TOPICS.transaction,
    TRANSACTION_SOURCE,
    events.map((event) => ({
      type: event.type,
      key: event.donation.id,
      tenantId: event.donation.tenantId,
      time: event.donation.updatedAt,
      data: donationEventData(event),
    })),
  );
}
