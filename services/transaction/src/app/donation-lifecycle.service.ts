// The contact lifecycle's reach into gifts (@kith/contact-lifecycle hooks): a merge moves every
// gift naming the victim (as donor, soft credit or honoree) to the survivor; an erasure forgets
// the person on every gift naming them and keeps the money. Each gift is one outbox write, so
// kith.donation.updated.v1 follows; both are idempotent (a redelivered event finds nothing left
// to change and writes nothing), and a gift changed meanwhile is read again and decided anew.
import { retryOnVersionConflict } from '@kith/bus';
import type { LifecycleEventContext } from '@kith/contact-lifecycle';
import type { Donation } from '../domain/donation';
import type { DonationDecision } from '../domain/donation-decisions';
import {
  decideEraseFromDonation,
  decideRepointDonation,
} from '../domain/donation-lifecycle-decisions';
import { toDonationOutboxItems } from '../events/donation-events';
import type { DonationRepository } from '../store/donation.repository';

export interface DonationLifecycleDeps {
  donations: Pick<DonationRepository, 'findById' | 'update' | 'findNaming'>;
  now?: () => string;
}

export class DonationLifecycleService {
  private readonly now: () => string;

  constructor(private readonly deps: DonationLifecycleDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  /** Every gift naming the victim names the survivor instead. Answers how many changed. */
  onMerged(victimId: string, survivorId: string, ctx: LifecycleEventContext): Promise<number> {
    return this.rewriteNaming(ctx.tenantId, victimId, (gift) =>
      decideRepointDonation(gift, victimId, survivorId, this.now()),
    );
  }

  /** No gift names the person any more; amounts and dates stay. Answers how many changed. */
  onErased(contactId: string, ctx: LifecycleEventContext): Promise<number> {
    return this.rewriteNaming(ctx.tenantId, contactId, (gift) =>
      decideEraseFromDonation(gift, contactId, this.now()),
    );
  }

  private async rewriteNaming(
    tenantId: string,
    contactId: string,
    decide: (gift: Donation) => DonationDecision,
  ): Promise<number> {
    const gifts = await this.deps.donations.findNaming(tenantId, contactId);
    let changed = 0;
    for (const { id } of gifts) {
      const wrote = await retryOnVersionConflict(async () => {
        const stored = await this.deps.donations.findById(tenantId, id);
        if (!stored) return false;
        const decision = decide(stored.donation);
        if (decision.events.length === 0) return false;
        await this.deps.donations.update(
          decision.donation,
          stored.outboxLog,
          toDonationOutboxItems(decision.events),
        );
        return true;
      });
      if (wrote) changed += 1;
    }
    return changed;
  }
}
