// Keeps a member's copy of their household's mailing address (Contact.householdAddress) in
// step with the household, for events/household-address.consumer.ts. FerretDB has no
// transactions, so a household change cannot write its members; each member is recomputed from
// the current claim and household instead, and the contact write is an ordinary outbox write
// that publishes kith.contact.updated.v1.
//
// Recomputing is idempotent, but two recomputes can interleave: one reads the household, a
// change lands, the change's own recompute finds the contact already right and writes nothing,
// then the first writes what it read, now stale. So after a write the household is read again,
// and if it moved in the meantime the recompute runs once more. A version conflict (any other
// write of the contact since our read) simply reads again too.
import { isVersionConflict } from '@kith/bus';
import { HouseholdError, HouseholdErrorCode } from '../domain/household-error';
import type { Household } from '../domain/household';
import { decideHouseholdAddress, inheritedAddressOf } from '../domain/household-address-decisions';
import { toOutboxItems } from '../events/contact-events';
import type { ContactRepository } from '../store/contact.repository';
import type { HouseholdMembershipRepository } from '../store/household-membership.repository';
import type { HouseholdRepository } from '../store/household.repository';

/** Rounds before giving up to the consumer's retry with backoff. */
const ATTEMPTS = 5;

export interface HouseholdAddressServiceDeps {
  contacts: Pick<ContactRepository, 'findById' | 'update'>;
  memberships: Pick<HouseholdMembershipRepository, 'find'>;
  households: Pick<HouseholdRepository, 'findById'>;
  now?: () => string;
}

/** The claim and household as read, with a fingerprint that moves with either. */
interface HouseholdSeen {
  household: Household | undefined;
  fingerprint: string;
}

export class HouseholdAddressService {
  private readonly deps: HouseholdAddressServiceDeps;
  private readonly now: () => string;

  constructor(deps: HouseholdAddressServiceDeps) {
    this.deps = deps;
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  /** Brings the person's copy in line with their household as it is now. */
  async recompute(tenantId: string, contactId: string): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const stored = await this.deps.contacts.findById(tenantId, contactId);
      if (!stored) return;
      const seen = await this.householdOf(tenantId, contactId);
      const { contact, events } = decideHouseholdAddress(
        stored.contact,
        inheritedAddressOf(seen.household, contactId),
        this.now(),
      );
      if (events.length === 0) return;
      try {
        await this.deps.contacts.update(
          contact,
          stored.contact.version,
          stored.outboxLog,
          toOutboxItems(events),
        );
      } catch (err) {
        if (isVersionConflict(err)) continue;
        throw err;
      }
      const after = await this.householdOf(tenantId, contactId);
      if (after.fingerprint === seen.fingerprint) return;
    }
    // The consumer retries with backoff, then dead-letters.
    throw new HouseholdError(
      HouseholdErrorCode.VERSION_CONFLICT,
      `contact ${contactId} or its household kept changing while its household address was copied`,
    );
  }

  /** The household the person's claim names (trusted or not: inheritedAddressOf checks). */
  private async householdOf(tenantId: string, contactId: string): Promise<HouseholdSeen> {
    const claim = await this.deps.memberships.find(tenantId, contactId);
    if (!claim) return { household: undefined, fingerprint: '' };
    const stored = await this.deps.households.findById(tenantId, claim.householdId);
    return {
      household: stored?.household,
      fingerprint: `${claim.householdId}@${claim.claimedAt}:${stored?.household.version ?? 0}`,
    };
  }
}
