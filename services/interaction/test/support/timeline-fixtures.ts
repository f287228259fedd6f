// Timeline entries' raw material for unit tests: a call with its participants, and a gift of
// 150.00 USD by c-jane, credited to c-john, 50.00 of it refunded (override what a test needs).
import type { Interaction } from '../../src/domain/interaction';
import type { TimelineGift } from '../../src/domain/timeline-gift';

export function callWith(
  id: string,
  occurredAt: string,
  participantContactIds: string[] = ['c-jane'],
): Interaction {
  return {
    id,
    tenantId: 't-1',
    version: 1,
    type: 'call',
    direction: 'outbound',
    occurredAt,
    participantContactIds,
    loggedBy: 'u-1',
    source: 'manual',
    createdAt: occurredAt,
    updatedAt: occurredAt,
  };
}

export function giftOf(overrides: Partial<TimelineGift> = {}): TimelineGift {
  return {
    id: 'd-1',
    tenantId: 't-1',
    version: 2,
    donorId: 'c-jane',
    donorKind: 'person',
    amount: { amountMinor: 15000, currency: 'USD' },
    refundedMinor: 5000,
    status: 'partially_refunded',
    paymentMethod: 'card',
    fund: 'Roof appeal',
    receivedAt: '2026-11-30T09:00:00.000Z',
    anonymous: false,
    softCredits: [
      { contactId: 'c-john', type: 'household_member', amountMinor: 15000, automatic: true },
    ],
    refunds: [{ id: 'r-1', amountMinor: 5000, refundedAt: '2026-12-02T09:00:00.000Z' }],
    ...overrides,
  };
}
