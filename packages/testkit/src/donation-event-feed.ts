// The transaction service's side of kith.transaction.v1, played by a test: a service that
// consumes donation events (the interaction service's timeline) is tested against events
// published here to real Kafka. Every event's data is checked against the catalogue before it
// is sent, so the feed cannot drift from what the transaction service publishes; versions are
// kept per donation as the transaction service keeps them, and each event is keyed by the
// donation's id, as there.
import { randomUUID } from 'node:crypto';
import {
  EVENT_TYPES,
  TOPICS,
  TRANSACTION_SOURCE,
  type DonationSnapshot,
  type EventType,
} from '@kith/events';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { prepareEvent, type PreparedEvent } from './contact-event-feed';

export interface GiftInput {
  donorId?: string;
  amountMinor: number;
  currency?: string;
  receivedAt: string;
  fund?: string;
  campaignId?: string;
  sourceCode?: string;
  softCredits?: DonationSnapshot['softCredits'];
}

export class DonationEventFeed {
  private readonly producer: Producer;
  private readonly snapshots = new Map<string, DonationSnapshot>();

  constructor(
    brokers: string[],
    private readonly topicPrefix = '',
  ) {
    const kafka = new Kafka({
      clientId: 'kith-testkit-gifts',
      brokers,
      logLevel: logLevel.NOTHING,
    });
    this.producer = kafka.producer({ idempotent: true });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  /** The last state prepared for the donation. */
  snapshotOf(tenantId: string, donationId: string): DonationSnapshot {
    const known = this.snapshots.get(`${tenantId}\n${donationId}`);
    if (!known) throw new Error(`the feed never created donation ${donationId} in ${tenantId}`);
    return known;
  }

  /** kith.donation.created.v1 of a completed gift at version 1. */
  prepareGift(tenantId: string, gift: GiftInput): { donationId: string; event: PreparedEvent } {
    const now = new Date().toISOString();
    const snapshot: DonationSnapshot = {
      id: randomUUID(),
      tenantId,
      version: 1,
      ...(gift.donorId ? { donorId: gift.donorId } : {}),
      donorKind: 'person',
      amount: { amountMinor: gift.amountMinor, currency: gift.currency ?? 'USD' },
      receivedAt: gift.receivedAt,
      paymentMethod: 'card',
      status: 'completed',
      refundedMinor: 0,
      ...(gift.fund ? { fund: gift.fund } : {}),
      ...(gift.campaignId ? { campaignId: gift.campaignId } : {}),
      ...(gift.sourceCode ? { sourceCode: gift.sourceCode } : {}),
      anonymous: false,
      softCredits: gift.softCredits ?? [],
      refunds: [],
      createdAt: now,
      updatedAt: now,
    };
    this.remember(snapshot);
    const event = this.prepare(EVENT_TYPES.donationCreated, snapshot, { donation: snapshot });
    return { donationId: snapshot.id, event };
  }

  /**
   * kith.donation.updated.v1 with the change applied at the next version, e.g. a merge's
   * re-pointing (`{ donorId: survivor }`) or an erasure (`{ donorId: undefined }`).
   */
  prepareUpdate(
    tenantId: string,
    donationId: string,
    change: Partial<DonationSnapshot>,
  ): PreparedEvent {
    const before = this.snapshotOf(tenantId, donationId);
    const next: DonationSnapshot = { ...before, ...change };
    for (const [field, value] of Object.entries(change)) {
      if (value === undefined) delete (next as unknown as Record<string, unknown>)[field];
    }
    const snapshot = this.bump(next);
    const data = { donation: snapshot, changedFields: Object.keys(change) };
    return this.prepare(EVENT_TYPES.donationUpdated, snapshot, data);
  }

  /** kith.donation.refunded.v1 of a partial or full refund at `refundedAt`. */
  prepareRefund(
    tenantId: string,
    donationId: string,
    amountMinor: number,
    refundedAt: string,
  ): PreparedEvent {
    const before = this.snapshotOf(tenantId, donationId);
    const refund = { id: randomUUID(), amountMinor, refundedAt };
    const refundedMinor = before.refundedMinor + amountMinor;
    const status =
      refundedMinor >= before.amount.amountMinor ? 'refunded' : ('partially_refunded' as const);
    const snapshot = this.bump({
      ...before,
      refundedMinor,
      status,
      refunds: [...before.refunds, refund],
    });
    return this.prepare(EVENT_TYPES.donationRefunded, snapshot, { donation: snapshot, refund });
  }

  async publish(prepared: PreparedEvent): Promise<void> {
    await this.producer.send({
      topic: `${this.topicPrefix}${TOPICS.transaction}`,
      acks: -1,
      messages: [prepared.message],
    });
  }

  private bump(snapshot: DonationSnapshot): DonationSnapshot {
    const next = {
      ...snapshot,
      version: snapshot.version + 1,
      updatedAt: new Date().toISOString(),
    };
    this.remember(next);
    return next;
  }

  private remember(snapshot: DonationSnapshot): void {
    this.snapshots.set(`${snapshot.tenantId}\n${snapshot.id}`, snapshot);
  }

  private prepare(type: EventType, snapshot: DonationSnapshot, data: unknown): PreparedEvent {
    const { id: key, tenantId, updatedAt: time } = snapshot;
    return prepareEvent({ type, source: TRANSACTION_SOURCE, tenantId, key, data, time });
  }
}
