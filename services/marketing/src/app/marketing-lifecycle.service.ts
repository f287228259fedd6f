// The contact lifecycle's reach into marketing (@kith/contact-lifecycle hooks):
// - every contact state becomes the contact's profile (onSnapshot);
// - a merge moves the victim's campaign messages to the survivor (as claims, so the survivor
//   is not mailed a campaign the victim already got), and leaves the victim a merged tombstone;
// - an erasure keeps a suppression of the person's address (hashed), drops their profile (an
//   erased tombstone without personal data), forgets them on the gift and activity facts and
//   removes the messages sent to them (stored copies, addresses and claims: the erased profile
//   and the suppression keep them from being mailed again).
// All idempotent: a redelivered event finds the work done.
import type { LifecycleEventContext } from '@kith/contact-lifecycle';
import type { ContactSnapshot } from '@kith/events';
import { profileFromSnapshot, tombstone } from '../domain/marketing-profile';
import type { CampaignMessages } from '../store/campaign-message.repository';
import type { MarketingFacts } from '../store/marketing-facts.repository';
import type { MarketingProfiles } from '../store/marketing-profile.repository';
import type { Suppressions } from '../store/suppression.repository';

/** An erased tombstone outranks every version an event could carry. */
const ERASED_VERSION = Number.MAX_SAFE_INTEGER;

export interface MarketingLifecycleDeps {
  profiles: MarketingProfiles;
  facts: Pick<MarketingFacts, 'eraseContact'>;
  messages: Pick<
    CampaignMessages,
    'forContact' | 'copyClaim' | 'copyAside' | 'get' | 'remove' | 'removeForContact'
  >;
  suppressions: Pick<Suppressions, 'add'>;
  now?: () => string;
}

export class MarketingLifecycleService {
  private readonly now: () => string;

  constructor(private readonly deps: MarketingLifecycleDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  async onSnapshot(snapshot: ContactSnapshot): Promise<void> {
    await this.deps.profiles.put(profileFromSnapshot(snapshot));
  }

  async onMerged(victimId: string, survivorId: string, ctx: LifecycleEventContext): Promise<void> {
    const { tenantId } = ctx;
    for (const claim of await this.deps.messages.forContact(tenantId, victimId)) {
      // The survivor holds the claim from now on (never mailed that campaign again), or, when
      // it was mailed itself, keeps the victim's message beside its own.
      const copy = {
        ...claim,
        contactId: survivorId,
        state: 'merged' as const,
        mergedFrom: victimId,
      };
      const placed =
        (await this.deps.messages.copyClaim(copy)) ||
        (await this.deps.messages.get(tenantId, claim.campaignId, survivorId))?.messageId ===
          claim.messageId;
      if (!placed) await this.deps.messages.copyAside(copy);
      await this.deps.messages.remove(claim);
    }
    const victim = await this.deps.profiles.get(ctx.tenantId, victimId);
    await this.deps.profiles.put(
      tombstone(
        {
          id: victimId,
          tenantId: ctx.tenantId,
          version: (victim?.version ?? 0) + 1,
          kind: victim?.kind ?? 'person',
        },
        'merged',
        survivorId,
      ),
    );
  }

  async onErased(contactId: string, ctx: LifecycleEventContext): Promise<void> {
    const { tenantId } = ctx;
    const profile = await this.deps.profiles.get(tenantId, contactId);
    const messages = await this.deps.messages.forContact(tenantId, contactId);
    const addresses = new Set<string>([
      ...(profile?.email ? [profile.email] : []),
      ...messages.flatMap((m) => (m.to ? [m.to] : [])),
    ]);
    for (const address of addresses)
      await this.deps.suppressions.add(tenantId, address, this.now());
    await this.deps.profiles.replace(
      tombstone(
        { id: contactId, tenantId, version: ERASED_VERSION, kind: profile?.kind ?? 'person' },
        'erased',
      ),
    );
    await this.deps.facts.eraseContact(tenantId, contactId);
    await this.deps.messages.removeForContact(tenantId, contactId);
  }
}
