// Gift events into gift facts. Each kith.donation.*.v1 carries the gift's whole state, so a
// fact is taken from it and stored under its donation version (store/gift-facts.repository.ts):
// a redelivered or late older event stores nothing new, and an edit of amount, date, currency,
// status or donor replaces the gift's contribution. The donor key is decided from the contact
// projection as it stands now (a merge victim counts for its survivor, an erased donor under
// the anonymous key), so a rebuild that reads the gifts from offset 0 gets the merges and
// erasures of today, as the live read model has them.
import type { ContactProjectionStore } from '@kith/contact-lifecycle';
import type { DonationSnapshot } from '@kith/events';
import { donorKeyOf, type DonorStanding } from '../domain/donor-key';
import { factFromSnapshot } from '../domain/gift-fact';
import { writeVersions } from '../domain/read-model';
import type { GiftFacts } from '../store/gift-facts.repository';
import type { ReadModelStates } from '../store/read-model-state.repository';

export interface GiftProjectionDeps {
  facts: GiftFacts;
  states: ReadModelStates;
  projection: Pick<ContactProjectionStore, 'resolve'>;
}

export class GiftProjection {
  constructor(private readonly deps: GiftProjectionDeps) {}

  /**
   * The live group: into the serving version and, while a rebuild runs, into the version it
   * fills too. The state is read for every event (one small read), so an event handled after a
   * rebuild registered reaches the new version.
   */
  async applyLive(snapshot: DonationSnapshot): Promise<void> {
    const state = await this.deps.states.current(snapshot.tenantId);
    for (const readModel of writeVersions(state)) await this.applyTo(readModel, snapshot);
  }

  /** Into one read model version (a rebuild's group writes only the version it fills). */
  async applyTo(readModel: number, snapshot: DonationSnapshot): Promise<void> {
    const donorKey = await this.donorKeyFor(readModel, snapshot);
    await this.deps.facts.put(readModel, factFromSnapshot(snapshot, donorKey));
  }

  private async donorKeyFor(readModel: number, snapshot: DonationSnapshot): Promise<string> {
    const base = { tenantId: snapshot.tenantId, donationId: snapshot.id };
    if (snapshot.donorId) {
      return donorKeyOf({ ...base, standing: await this.standingOf(snapshot) });
    }
    const [stored] = await this.deps.facts.versionsOf(snapshot.tenantId, readModel, snapshot.id);
    return donorKeyOf({ ...base, ...(stored ? { storedKey: stored.donorKey } : {}) });
  }

  private async standingOf(snapshot: DonationSnapshot): Promise<DonorStanding> {
    const donorId = snapshot.donorId as string;
    const resolved = await this.deps.projection.resolve(snapshot.tenantId, donorId);
    if (!resolved) return { kind: 'contact', contactId: donorId };
    const { contact } = resolved;
    return contact.erased || contact.status === 'erased'
      ? { kind: 'erased', contactId: contact.id }
      : { kind: 'contact', contactId: contact.id };
  }
}
