// The contact lifecycle as the interaction service follows it (@kith/contact-lifecycle hooks):
// a merge re-points every interaction that names the victim to the survivor; an erasure
// removes the person from every interaction that names them or their address
// (domain/interaction-decisions.ts says how). Each change is an ordinary versioned write with
// its kith.interaction.updated.v1, retried when a user's write wins the race. Hooks run again
// on a redelivery and then find nothing left to do.
//
// Closing the window the projection leaves: a write that read "live" just before a hook's sweep
// and landed after it would be missed by the sweep. So a hook records the contact's fate first
// (store/contact-fates.repository.ts) and every write looks its contacts up there afterwards
// (`reconcile`), repairing itself; one or the other always sees the other's effect.
import { retryWhen } from '@kith/bus';
import type { ContactProjectionStore, LifecycleEventContext } from '@kith/contact-lifecycle';
import { hasErrorCode } from '@kith/errors';
import type { Interaction, InteractionDecision } from '../domain/interaction';
import { decideErase, decideRepoint, type ErasedPerson } from '../domain/interaction-decisions';
import { InteractionErrorCode } from '../domain/interaction-error';
import { contactIdsOf } from '../domain/contact-standing';
import { toInteractionOutboxItems } from '../events/interaction-events';
import type { ContactFates } from '../store/contact-fates.repository';
import type { InteractionRepository } from '../store/interaction.repository';

/** Lost races with users' writes: re-read and decide again (at most 15+30+60+120+200 ms). */
const CONFLICT_RETRY = { attempts: 6, initialDelayMs: 15, maxDelayMs: 200 };
/** Merges that follow each other (A into B, B into C) are repaired in as many rounds. */
const MAX_ROUNDS = 16;

export interface InteractionLifecycleDeps {
  interactions: InteractionRepository;
  fates: ContactFates;
  projection: Pick<ContactProjectionStore, 'latest'>;
  now?: () => string;
}

export class InteractionLifecycleService {
  private readonly now: () => string;

  constructor(private readonly deps: InteractionLifecycleDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  async onMerged(victimId: string, survivorId: string, { tenantId }: LifecycleEventContext) {
    await this.deps.fates.record(tenantId, victimId, { fate: 'merged', survivorId });
    for (const id of await this.deps.interactions.idsNaming(tenantId, victimId)) {
      await this.change(tenantId, id, (i) => decideRepoint(i, victimId, survivorId, this.now()));
    }
  }

  async onErased(contactId: string, { tenantId }: LifecycleEventContext) {
    // Before the kit stores the erasure, the projection still knows the person's addresses.
    const emails = (await this.deps.projection.latest(tenantId, contactId))?.emails ?? [];
    await this.deps.fates.record(tenantId, contactId, { fate: 'erased' });
    const person: ErasedPerson = { contactId, emails };
    for (const id of await this.deps.interactions.idsNaming(tenantId, contactId, emails)) {
      await this.change(tenantId, id, (i) => decideErase(i, person, this.now()));
    }
  }

  /** After a write: repairs it for any contact it names whose merge or erasure began meanwhile. */
  async reconcile(written: Interaction): Promise<Interaction> {
    let current = written;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const named = contactIdsOf(current);
      const fates = await Promise.all(named.map((id) => this.deps.fates.of(current.tenantId, id)));
      const index = fates.findIndex((f) => f !== undefined);
      const fate = fates[index];
      const contactId = named[index];
      if (!fate || !contactId) return current;
      const decide =
        fate.fate === 'merged'
          ? (i: Interaction) => decideRepoint(i, contactId, fate.survivorId, this.now())
          : (i: Interaction) => decideErase(i, { contactId, emails: [] }, this.now());
      current = (await this.change(current.tenantId, current.id, decide)) ?? current;
    }
    return current;
  }

  /** Re-reads, decides and writes until no other writer wins; undefined if it is gone. */
  private change(
    tenantId: string,
    id: string,
    decide: (current: Interaction) => InteractionDecision,
  ): Promise<Interaction | undefined> {
    return retryWhen(
      async () => {
        const stored = await this.deps.interactions.findById(tenantId, id);
        if (!stored) return undefined;
        const { interaction, events } = decide(stored.interaction);
        if (events.length > 0) {
          await this.deps.interactions.update(
            interaction,
            stored.outboxLog,
            toInteractionOutboxItems(events),
          );
        }
        return interaction;
      },
      (err) => hasErrorCode(err, InteractionErrorCode.VERSION_CONFLICT),
      CONFLICT_RETRY,
    );
  }
}
