// The contacts a gift names (donor, soft-credited contacts, honoree), as the service's own
// projection of kith.contact.v1 knows them (@kith/contact-lifecycle), never by asking the
// contact service: an id is replaced by the end of its merge chain, and a contact that is
// unknown, deleted or erased is refused (FAILED_PRECONDITION, 422) with a field error naming
// it. A contact created a moment ago may not be projected yet, so an unknown id is looked up
// again for a short while before it is refused.
import type { ContactProjectionStore, KnownContact } from '@kith/contact-lifecycle';
import type { DomainFieldError } from '@kith/errors';
import type { Donor } from '../domain/donation-decisions';
import { DonationError } from '../domain/donation-error';
import type { CleanDonationDetails } from '../domain/donation-validation';

export type ContactProjection = Pick<ContactProjectionStore, 'resolve' | 'currentMembers'>;

export interface DonationContactsOptions {
  /** How long an id nothing has named yet is looked up again. Default 2 s. */
  waitForUnknownMs?: number;
}

/** Collects refusals across every id of one request, so the caller sees all of them at once. */
class Refusals {
  readonly errors: DomainFieldError[] = [];
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const fields = this.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw DonationError.refused(`the gift names contacts it cannot credit: ${fields}`, this.errors);
  }
}

export class DonationContacts {
  private readonly waitForUnknownMs: number;

  constructor(
    private readonly projection: ContactProjection,
    opts: DonationContactsOptions = {},
  ) {
    this.waitForUnknownMs = opts.waitForUnknownMs ?? 2000;
  }

  /** The donor of a new gift and the soft credits and tribute it names, all live and resolved. */
  async forCreate<T extends CleanDonationDetails & { donorId: string }>(
    tenantId: string,
    input: T,
  ): Promise<{ donor: Donor; input: T }> {
    const refusals = new Refusals();
    const donor = await this.donor(tenantId, input.donorId, refusals);
    const named = await this.named(tenantId, input, refusals);
    refusals.throwIfAny();
    return { donor: donor as Donor, input: { ...named, donorId: (donor as Donor).id } };
  }

  /**
   * What a change names, resolved; and the stored donor with their household now, for the
   * automatic credits a new list of soft credits gets. A donor since deleted or erased has none.
   */
  async forUpdate<T extends CleanDonationDetails>(
    tenantId: string,
    donorId: string | undefined,
    changes: T,
  ): Promise<{ donor: Donor; changes: T }> {
    const refusals = new Refusals();
    const named = await this.named(tenantId, changes, refusals);
    refusals.throwIfAny();
    const resolved = donorId ? await this.projection.resolve(tenantId, donorId) : undefined;
    const live = resolved?.contact.status === 'active' ? resolved.contact : undefined;
    const donor: Donor = live
      ? await this.withHousehold(tenantId, live)
      : { id: donorId ?? '', kind: 'person' };
    return { donor, changes: named };
  }

  private async donor(
    tenantId: string,
    donorId: string,
    refusals: Refusals,
  ): Promise<Donor | undefined> {
    const contact = await this.live(tenantId, 'donorId', donorId, refusals);
    return contact ? this.withHousehold(tenantId, contact) : undefined;
  }

  private async withHousehold(tenantId: string, contact: KnownContact): Promise<Donor> {
    const { householdId } = contact;
    if (contact.kind !== 'person' || !householdId) return { id: contact.id, kind: contact.kind };
    const members = await this.projection.currentMembers(tenantId, householdId);
    return {
      id: contact.id,
      kind: contact.kind,
      household: { members: members.filter((m) => m.contactId !== contact.id) },
    };
  }

  private async named<T extends CleanDonationDetails>(
    tenantId: string,
    details: T,
    refusals: Refusals,
  ): Promise<T> {
    const out: T = { ...details };
    if (details.softCredits) {
      // One after the other: the refusals keep the request's order.
      const credits = [];
      for (const [i, credit] of details.softCredits.entries()) {
        const field = `softCredits[${i}].contactId`;
        const contact = await this.live(tenantId, field, credit.contactId, refusals);
        credits.push({ ...credit, contactId: contact?.id ?? credit.contactId });
      }
      out.softCredits = credits;
    }
    const honoree = details.tribute?.honoreeContactId;
    if (details.tribute && honoree) {
      const field = 'tribute.honoreeContactId';
      const contact = await this.live(tenantId, field, honoree, refusals);
      out.tribute = { ...details.tribute, honoreeContactId: contact?.id ?? honoree };
    }
    return out;
  }

  /** The live contact an id stands for, or undefined with the refusal noted. */
  private async live(
    tenantId: string,
    field: string,
    contactId: string,
    refusals: Refusals,
  ): Promise<KnownContact | undefined> {
    const resolved = await this.projection.resolve(tenantId, contactId, {
      waitForUnknownMs: this.waitForUnknownMs,
    });
    const contact = resolved?.contact;
    if (!contact) {
      refusals.add(field, `${contactId} is not a contact of this tenant`);
      return undefined;
    }
    if (contact.status === 'active') return contact;
    const what =
      contact.status === 'merged' ? 'merged into a contact that is gone' : contact.status;
    refusals.add(field, `${contactId} is ${what}`);
    return undefined;
  }
}
