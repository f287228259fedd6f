// Pure decisions of the contact lifecycle on one gift: a merge moves the victim's gifts and
// credits to the survivor, an erasure forgets the person and keeps the money. Both are
// idempotent: a redelivered event finds nothing left to change and answers no events.
import { EVENT_TYPES } from '@kith/events';
import type { Donation } from './donation';
import { same, type DonationDecision } from './donation-decisions';

/** Re-points a merge victim's gifts and credits at the survivor. */
export function decideRepointDonation(
  current: Donation,
  victimId: string,
  survivorId: string,
  now: string,
): DonationDecision {
  const names = (id: string | undefined) => id !== undefined && id === victimId;
  const softCredits = mergeCredits(current.softCredits, victimId, survivorId, current);
  const changed: string[] = [];
  const next: Donation = { ...current };
  if (names(current.donorId)) {
    next.donorId = survivorId;
    changed.push('donorId');
  }
  if (!same(softCredits, current.softCredits)) {
    next.softCredits = softCredits;
    changed.push('softCredits');
  }
  if (current.tribute && names(current.tribute.honoreeContactId)) {
    next.tribute = { ...current.tribute, honoreeContactId: survivorId };
    changed.push('tribute');
  }
  if (changed.length === 0) return { donation: current, events: [] };
  const donation = { ...next, version: current.version + 1, updatedAt: now };
  return {
    donation,
    events: [{ type: EVENT_TYPES.donationUpdated, donation, changedFields: changed }],
  };
}

/**
 * The victim's credits become the survivor's; a survivor who is now the donor loses them
 * (nobody is soft-credited for their own gift), and two credits of one person keep the larger.
 */
function mergeCredits(
  credits: Donation['softCredits'],
  victimId: string,
  survivorId: string,
  donation: Donation,
): Donation['softCredits'] {
  if (!credits.some((c) => c.contactId === victimId)) return credits;
  const donorAfter = donation.donorId === victimId ? survivorId : donation.donorId;
  const byContact = new Map<string, Donation['softCredits'][number]>();
  for (const credit of credits) {
    const contactId = credit.contactId === victimId ? survivorId : credit.contactId;
    if (contactId === donorAfter) continue;
    const held = byContact.get(contactId);
    if (!held || credit.amountMinor > held.amountMinor)
      byContact.set(contactId, { ...credit, contactId });
  }
  return [...byContact.values()];
}

/**
 * Forgets an erased person on one gift, keeping its amount and dates (a gift stays in the
 * books, and in totals): as donor, the donor id and the free text that could name them (the
 * tribute's honoree name, refund reasons, the payment reference); as soft-credited contact,
 * the credit; as honoree, the honoree's id and name.
 */
export function decideEraseFromDonation(
  current: Donation,
  contactId: string,
  now: string,
): DonationDecision {
  const next: Donation = { ...current };
  const changed: string[] = [];
  if (current.donorId === contactId) {
    delete next.donorId;
    changed.push('donorId');
    if (current.externalReference !== undefined) {
      delete next.externalReference;
      changed.push('externalReference');
    }
    if (current.tribute?.honoreeName !== undefined) {
      next.tribute = { type: current.tribute.type, ...honoreeIdOf(current.tribute) };
      changed.push('tribute');
    }
    if (current.refunds.some((r) => r.reason !== undefined)) {
      next.refunds = current.refunds.map(({ reason: _reason, ...refund }) => refund);
      changed.push('refunds');
    }
  }
  if (current.softCredits.some((c) => c.contactId === contactId)) {
    next.softCredits = current.softCredits.filter((c) => c.contactId !== contactId);
    changed.push('softCredits');
  }
  if (next.tribute?.honoreeContactId === contactId) {
    next.tribute = { type: next.tribute.type };
    if (!changed.includes('tribute')) changed.push('tribute');
  }
  if (changed.length === 0) return { donation: current, events: [] };
  const donation = { ...next, version: current.version + 1, updatedAt: now };
  return {
    donation,
    events: [{ type: EVENT_TYPES.donationUpdated, donation, changedFields: changed }],
  };
}

function honoreeIdOf(tribute: NonNullable<Donation['tribute']>): { honoreeContactId?: string } {
  return tribute.honoreeContactId ? { honoreeContactId: tribute.honoreeContactId } : {};
}
