// Who a gift fact counts for. A live donor is their contact id; the read model never stores a
// name, only ids and amounts. An erased donor's facts are re-keyed to a one-way id derived
// from the tenant and the contact id (SHA-256): the amounts stay, every gift of the person
// still counts as one donor, and no stored fact names the contact any more (docs/privacy.md).
// A gift whose donor was already gone when this service first saw it counts as a donor of its
// own. Pure (node:crypto only).
import { createHash } from 'node:crypto';

const ERASED_PREFIX = 'erased:';
const UNKNOWN_PREFIX = 'gift:';

/** The anonymous key of an erased contact's facts: the same for all of them, one-way. */
export function erasedDonorKey(tenantId: string, contactId: string): string {
  const digest = createHash('sha256').update(`${tenantId}\n${contactId}`).digest('hex');
  return `${ERASED_PREFIX}${digest.slice(0, 32)}`;
}

/** The key of a gift seen only without a donor (erased before this service saw it). */
export function donorlessGiftKey(donationId: string): string {
  return `${UNKNOWN_PREFIX}${donationId}`;
}

/** True for a key that names no contact. */
export function isAnonymousKey(key: string): boolean {
  return key.startsWith(ERASED_PREFIX) || key.startsWith(UNKNOWN_PREFIX);
}

/** What the contact projection says of a donor id now. */
export type DonorStanding =
  /** Live (or unknown yet): counts under this id (a merge victim's survivor, resolved). */
  | { kind: 'contact'; contactId: string }
  /** Erased: counts under the anonymous key. */
  | { kind: 'erased'; contactId: string };

/**
 * The key a gift fact is stored under: the donor as the projection stands now; without a donor
 * in the event (an erasure removed it), the key the stored fact already has, else a key of
 * its own.
 */
export function donorKeyOf(input: {
  tenantId: string;
  donationId: string;
  standing?: DonorStanding;
  storedKey?: string;
}): string {
  const { standing } = input;
  if (standing?.kind === 'erased') return erasedDonorKey(input.tenantId, standing.contactId);
  if (standing?.kind === 'contact') return standing.contactId;
  if (input.storedKey && isAnonymousKey(input.storedKey)) return input.storedKey;
  if (input.storedKey) return erasedDonorKey(input.tenantId, input.storedKey);
  return donorlessGiftKey(input.donationId);
}
