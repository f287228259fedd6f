// Merges and erasures from kith.contact.v1 (the @kith/contact-lifecycle hooks). A merge records
// victim → survivor (dashboards resolve every key through it) and moves the victim's stored
// facts to the survivor; an erasure re-keys the person's facts to their anonymous key
// (domain/donor-key.ts): the amounts stay and still count as one donor, the contact id goes.
// Both touch every read model version, the one a rebuild fills too, and both are idempotent
// (a redelivery finds nothing left under the old key).
import { erasedDonorKey } from '../domain/donor-key';
import type { DonorMerges } from '../store/donor-merges.repository';
import type { GiftFacts } from '../store/gift-facts.repository';

export class AnalyticsLifecycle {
  constructor(
    private readonly deps: {
      facts: Pick<GiftFacts, 'rekey'>;
      merges: Pick<DonorMerges, 'record' | 'rekeySurvivor'>;
    },
  ) {}

  async onMerged(tenantId: string, victimId: string, survivorId: string): Promise<void> {
    await this.deps.merges.record(tenantId, victimId, survivorId);
    await this.deps.facts.rekey(tenantId, victimId, survivorId);
  }

  async onErased(tenantId: string, contactId: string): Promise<void> {
    const anonymous = erasedDonorKey(tenantId, contactId);
    await this.deps.merges.rekeySurvivor(tenantId, contactId, anonymous);
    await this.deps.facts.rekey(tenantId, contactId, anonymous);
  }
}
