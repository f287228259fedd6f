// The contacts a gift names (donor, soft-credited contacts, honoree), as the service's own
// projection of kith.contact.v1 knows them (@kith/contact-lifecycle), never by asking the
// contact service: an id is replaced by the end of its merge chain, and a contact that is
// unknown, deleted or erased is refused (FAILED_PRECONDITION, 422) with a field error naming
// it. A contact created a moment ago may not be projected yet, so an unknown id is looked up
// again for a short while before it is refused.
import type {
  ContactProjectionStore,
  KnownContact,
  ResolvedContact,
} from '@kith/contact-lifecycle';
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

/** The ids of one request, each looked up once (DonationContacts.lookups). */
interface Lookups {
  tenantId: string;
  resolve(id: string): Promise<ResolvedContact | undefined>;
}

/** The contact ids a gift's details name besides its donor: soft credits, then the honoree. */
function namedIds(details: CleanDonationDetails): string[] {
  const ids = (details.softCredits ?? []).map((credit) => credit.contactId);
  const honoree = details.tribute?.honoreeContactId;
  return honoree ? [...ids, honoree] : ids;
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
    const lookups = this.lookups(tenantId, [input.donorId, ...namedIds(input)]);
    const donor = await this.donor(lookups, input.donorId, refusals);
    const named = await this.named(lookups, input, refusals);
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
    const named = await this.named(this.lookups(tenantId, namedIds(changes)), changes, refusals);
    refusals.throwIfAny();
    const resolved = donorId ? await this.projection.resolve(tenantId, donorId) : undefined;
    const live = resolved?.contact.status === 'active' ? resolved.contact : undefined;
    const donor: Donor = live
      ? await this.withHousehold(tenantId, live)
      : { id: donorId ?? '', kind: 'person' };
    return { donor, changes: named };
  }

  /**
   * Every id a request names, looked up at once: each unknown one waits for the same short
   * while, so a gift naming fifty contacts no event named yet waits that while once, not fifty
   * times (which would outlast the caller's deadline).
   */
  private lookups(tenantId: string, ids: readonly string[]): Lookups {
    const resolving = new Map<string, Promise<ResolvedContact | undefined>>();
    for (const id of ids) {
      if (resolving.has(id)) continue;
      const lookup = this.projection.resolve(tenantId, id, {
        waitForUnknownMs: this.waitForUnknownMs,
      });
      // Awaited later, in the request's order; a failed read must not go unhandled meanwhile.
      lookup.catch(() => undefined);
      resolving.set(id, lookup);
    }
    return { tenantId, resolve: (id) => resolving.get(id) ?? Promise.resolve(undefined) };
  }

  private async donor(
    lookups: Lookups,
    donorId: string,
    refusals: Refusals,
  ): Promise<Donor | undefined> {
    const contact = await this.live(lookups, 'donorId', donorId, refusals);
    return contact ? this.withHousehold(lookups.tenantId, contact) : undefined;
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
    lookups: Lookups,
    details: T,
    refusals: Refusals,
  ): Promise<T> {
    const out: T = { ...details };
    if (details.softCredits) {
      // Judged one after the other (looked up at once): the refusals keep the request's order.
      const credits = [];
      for (const [i, credit] of details.softCredits.entries()) {
        const field = `softCredits[${i}].contactId`;
        const contact = await this.live(lookups, field, credit.contactId, refusals);
        credits.push({ ...credit, contactId: contact?.id ?? credit.contactId });
      }
      out.softCredits = credits;
    }
    const honoree = details.tribute?.honoreeContactId;
    if (details.tribute && honoree) {
      const field = 'tribute.honoreeContactId';
      const contact = await this.live(lookups, field, honoree, refusals);
      out.tribute = { ...details.tribute, honoreeContactId: contact?.id ?? honoree };
    }
    return out;
  }

  /** The live contact an id stands for, or undefined with the refusal noted. */
  private async live(
    lookups: Lookups,
    field: string,
    contactId: string,
    refusals: Refusals,
  ): Promise<KnownContact | undefined> {
    const contact = (await lookups.resolve(contactId))?.contact;
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
