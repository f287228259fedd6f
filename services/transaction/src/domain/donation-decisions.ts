// Pure donation decisions: given the current state, a command, the clock and new ids, answer
// the next state and its events, or throw a DonationError. No I/O: the donor's projection and
// household are read by the use case (app/donation.service.ts) and passed in.
import { EVENT_TYPES } from '@kith/events';
import { donationStatus, netAmountMinor, type Donation, type Refund } from './donation';
import { DonationError } from './donation-error';
import type { CleanDonationDetails, CleanDonationInput } from './donation-validation';
import { decideSoftCredits, type DonorHousehold } from './soft-credits';
import { DONATION_FIELD_LIMITS } from '@kith/contracts';

export type DonationEvent =
  | { type: typeof EVENT_TYPES.donationCreated; donation: Donation }
  | { type: typeof EVENT_TYPES.donationUpdated; donation: Donation; changedFields: string[] }
  | { type: typeof EVENT_TYPES.donationRefunded; donation: Donation; refund: Refund };

export interface DonationDecision {
  donation: Donation;
  /** Empty when nothing changed: no write, no event, the version stays. */
  events: DonationEvent[];
}

/** Who gives, as the service's contact projection knows them. */
export interface Donor {
  id: string;
  kind: 'person' | 'organization';
  household?: DonorHousehold;
}

/** Payment status moves: a pledge is paid or fails, a failed payment may be tried again. */
const PAYMENT_MOVES: Record<string, readonly string[]> = {
  pending: ['completed', 'failed'],
  failed: ['pending', 'completed'],
  completed: [],
};

export function decideCreateDonation(
  command: { tenantId: string; input: CleanDonationInput; createdBy: string },
  donor: Donor,
  context: { id: string; now: string },
): DonationDecision {
  const { input } = command;
  const softCredits = decideSoftCredits({
    donorId: donor.id,
    amount: input.amount,
    explicit: input.softCredits ?? [],
    household: donor.kind === 'person' ? donor.household : undefined,
  });
  const base = {
    paymentStatus: input.paymentStatus ?? 'completed',
    amount: input.amount,
    refundedMinor: 0,
  } as const;
  const donation: Donation = {
    id: context.id,
    tenantId: command.tenantId,
    donorId: donor.id,
    donorKind: donor.kind,
    amount: input.amount,
    receivedAt: input.receivedAt,
    paymentMethod: input.paymentMethod,
    paymentStatus: base.paymentStatus,
    status: donationStatus(base),
    ...optional(input),
    anonymous: input.anonymous ?? false,
    softCredits,
    refunds: [],
    refundedMinor: 0,
    createdBy: command.createdBy,
    createdAt: context.now,
    updatedAt: context.now,
    version: 1,
  };
  return { donation, events: [{ type: EVENT_TYPES.donationCreated, donation }] };
}

export function decideUpdateDonation(
  current: Donation,
  command: { expectedVersion: number; changes: CleanDonationDetails },
  donor: Donor,
  now: string,
): DonationDecision {
  checkVersion(current, command.expectedVersion);
  const { changes } = command;
  if (changes.paymentStatus && changes.paymentStatus !== current.paymentStatus) {
    if (!PAYMENT_MOVES[current.paymentStatus]?.includes(changes.paymentStatus)) {
      throw DonationError.refused(
        `donation ${current.id} is ${current.status}; it cannot become ${changes.paymentStatus}` +
          (current.paymentStatus === 'completed' ? ' (refund it instead)' : ''),
      );
    }
  }
  const next: Donation = { ...current };
  const changed: string[] = [];
  for (const field of FIELDS_SET_AS_GIVEN) {
    const value = changes[field];
    if (value === undefined || same(current[field], value)) continue;
    if (value === null) delete next[field];
    else Object.assign(next, { [field]: value });
    changed.push(field);
  }
  if (changes.softCredits) {
    const softCredits = decideSoftCredits({
      donorId: current.donorId ?? '',
      amount: current.amount,
      explicit: changes.softCredits,
      household: donor.kind === 'person' ? donor.household : undefined,
    });
    if (!same(current.softCredits, softCredits)) {
      next.softCredits = softCredits;
      changed.push('softCredits');
    }
  }
  next.status = donationStatus(next);
  if (next.status !== current.status) changed.push('status');
  if (changed.length === 0) return { donation: current, events: [] };
  const donation = { ...next, version: current.version + 1, updatedAt: now };
  return {
    donation,
    events: [{ type: EVENT_TYPES.donationUpdated, donation, changedFields: changed }],
  };
}

export function decideRefund(
  current: Donation,
  command: {
    expectedVersion?: number;
    amountMinor: number;
    reason?: string;
    externalReference?: string;
  },
  context: { id: string; now: string },
): DonationDecision {
  if (command.expectedVersion !== undefined) checkVersion(current, command.expectedVersion);
  if (current.paymentStatus !== 'completed') {
    throw DonationError.refused(
      `donation ${current.id} is ${current.status}; only a paid gift is refunded`,
    );
  }
  const remaining = netAmountMinor(current);
  if (command.amountMinor > remaining) {
    throw DonationError.refused(
      `donation ${current.id} has ${remaining} ${current.amount.currency} minor units left to refund, ` +
        `less than ${command.amountMinor}`,
    );
  }
  if (current.refunds.length >= DONATION_FIELD_LIMITS.refunds) {
    throw DonationError.refused(
      `donation ${current.id} has ${DONATION_FIELD_LIMITS.refunds} refunds, the most one gift keeps`,
    );
  }
  const refund: Refund = {
    id: context.id,
    amountMinor: command.amountMinor,
    refundedAt: context.now,
    ...(command.reason ? { reason: command.reason } : {}),
    ...(command.externalReference ? { externalReference: command.externalReference } : {}),
  };
  const refunded = {
    ...current,
    refunds: [...current.refunds, refund],
    refundedMinor: current.refundedMinor + command.amountMinor,
  };
  const donation: Donation = {
    ...refunded,
    status: donationStatus(refunded),
    version: current.version + 1,
    updatedAt: context.now,
  };
  return { donation, events: [{ type: EVENT_TYPES.donationRefunded, donation, refund }] };
}

const FIELDS_SET_AS_GIVEN = [
  'paymentMethod',
  'paymentStatus',
  'receivedAt',
  'fund',
  'campaignId',
  'sourceCode',
  'externalReference',
  'anonymous',
  'tribute',
] as const;

/** What an update may change: the fields set as given, and the explicit soft credits. */
export const CHANGEABLE_FIELDS = [...FIELDS_SET_AS_GIVEN, 'softCredits'] as const;

function optional(input: CleanDonationInput): Partial<Donation> {
  const out: Partial<Donation> = {};
  for (const field of [
    'fund',
    'campaignId',
    'sourceCode',
    'externalReference',
    'tribute',
  ] as const) {
    const value = input[field];
    if (value !== undefined && value !== null) Object.assign(out, { [field]: value });
  }
  return out;
}

function checkVersion(current: Donation, expected: number): void {
  if (expected !== current.version) {
    throw DonationError.versionConflict(current.id, expected, current.version);
  }
}

/** Deep equality of plain state (our own objects, built with one key order). */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
