// Merge as a small saga over three documents, because FerretDB has no multi-document
// transactions. Each step is one single-document write, and each can tell from the stored
// state whether it already happened, so a retry of the same merge finishes whatever a crash
// left undone and answers the same result:
//
//  1. claim:     insert the merge record `<tenant>:<victimId>` (contact-merge.repository.ts).
//                It names the survivor: another survivor for this victim is refused.
//  2. absorb:    write the survivor with the union and `mergedFrom += victimId`, and its
//                kith.contact.merged.v1 event, through the outbox (one write: state + event).
//                Done already when survivor.mergedFrom holds the victim.
//  3. tombstone: write the victim with deletedAt and mergedInto (no event: the merged event
//                already says so). Done already when victim.mergedInto is the survivor.
//  4. complete:  mark the record completed (bookkeeping only; nothing reads it as truth).
//
// A crash after 1 leaves a claimed victim that is still live: a retry absorbs and tombstones
// (or, if the merge can no longer happen, e.g. the survivor was deleted since, releases it).
// A crash after 2 leaves the victim live while the survivor already holds its data and
// consumers re-point its records: a retry tombstones it. Until then a write to the victim
// would not reach the survivor; retrying promptly is the caller's part (the gateway answers
// 5xx, so clients retry with the same body).
//
// Concurrency (app/contact-leases.ts): steps 1 to 4, with the checks before them, run while
// the merge holds leases on both contacts, taken in sorted id order. Merges that share a
// contact therefore run one after the other, so the outcome is always that of some sequential
// order: of X into Y and Y into X sent at once one wins and the other is refused, and a cycle
// (A into B, B into C, C into A) can never all win. A merge that cannot get a lease in time
// answers BUSY (ABORTED, retry the same request). Before leasing, a merge whose victim has
// absorbed records whose re-pointing (relationships, household place) is still running waits
// for it, so the next hop's re-pointing finds everything it must move on.
import { retryOnVersionConflict } from '@kith/bus';
import { ContactError } from '../domain/contact-error';
import type { Contact } from '../domain/contact';
import { decideMerge, decideTombstone, type MergeCommand } from '../domain/contact-merge';
import { mergedOutboxItems } from '../events/duplicate-events';
import type { ContactMergeRepository, MergeRecord } from '../store/contact-merge.repository';
import type { ContactRepository, StoredContact } from '../store/contact.repository';
import type { ContactLeases } from './contact-leases';
import { mergedAway } from './merge-chain';

export type MergeStep = 'claimed' | 'absorbed' | 'tombstoned';

export interface ContactMergeServiceDeps {
  contacts: ContactRepository;
  merges: ContactMergeRepository;
  leases: Pick<ContactLeases, 'hold'>;
  now?: () => string;
  /**
   * How long a merge waits for its contacts' leases and for earlier re-pointing, in all,
   * before answering BUSY. Under the gateway's 5 s deadline, with room for the saga.
   */
  waitMs?: number;
  /** Tests inject a crash between steps here; production leaves it out. */
  afterStep?: (step: MergeStep) => Promise<void>;
}

export interface MergeResult {
  survivor: Contact;
  victim: Contact;
}

/** Lost races with another writer of the survivor are retried on its newer state. */
const ATTEMPTS = 3;
const WAIT_MS = 2_000;
const POLL_MS = 100;

export class ContactMergeService {
  private readonly now: () => string;
  private readonly afterStep: (step: MergeStep) => Promise<void>;
  private readonly waitMs: number;

  constructor(private readonly deps: ContactMergeServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.afterStep = deps.afterStep ?? (async () => undefined);
    this.waitMs = deps.waitMs ?? WAIT_MS;
  }

  async merge(command: MergeCommand): Promise<MergeResult> {
    if (command.survivorId === command.victimId) {
      // Let the decision word the refusal, before any write.
      decideMerge(undefined, undefined, command, this.now());
    }
    const deadline = Date.now() + this.waitMs;
    // Wait outside the leases (other merges of these contacts need not wait for us), then
    // check once more inside them: a merge into the victim may have finished in between.
    while ((await this.unrepointed(command)) && Date.now() + POLL_MS <= deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return this.deps.leases.hold(
      command.tenantId,
      [command.survivorId, command.victimId],
      deadline,
      async () => {
        const waiting = await this.unrepointed(command);
        if (waiting) {
          throw ContactError.busy(
            `contact ${command.victimId} absorbed ${waiting} moments ago and its records are ` +
              'still moving to it; retry shortly',
          );
        }
        return this.run(command);
      },
    );
  }

  /** A merge into the victim whose re-pointing has not finished: its victim's id. */
  private async unrepointed(command: MergeCommand): Promise<string | undefined> {
    const victim = await this.deps.contacts.findById(command.tenantId, command.victimId);
    for (const absorbedId of victim?.contact.mergedFrom ?? []) {
      const record = await this.deps.merges.find(command.tenantId, absorbedId);
      if (record && (await this.deps.merges.awaitsRepointing(record))) return absorbedId;
    }
    return undefined;
  }

  /** Steps 1 to 4, under the leases. */
  private async run(command: MergeCommand): Promise<MergeResult> {
    const record = await this.claim(command);
    // With an expected version the caller wants to know; without, merge into the newer state.
    const expected = command.expectedSurvivorVersion ?? command.expectedVictimVersion;
    return retryOnVersionConflict(() => this.finish(record, command), {
      attempts: expected === undefined ? ATTEMPTS : 1,
    });
  }

  /** Step 1, or the record of an earlier attempt of this same merge. */
  private async claim(command: MergeCommand): Promise<MergeRecord> {
    const [survivor, victim] = await Promise.all([
      this.deps.contacts.findById(command.tenantId, command.survivorId),
      this.deps.contacts.findById(command.tenantId, command.victimId),
    ]);
    const survivorClaim = await this.deps.merges.find(command.tenantId, command.survivorId);
    if (survivorClaim) {
      await this.refuseMerged(command.tenantId, survivor?.contact);
      throw ContactError.failedPrecondition(
        `contact ${command.survivorId} is being merged into ${survivorClaim.survivorId}`,
      );
    }
    const existing = await this.deps.merges.find(command.tenantId, command.victimId);
    if (!existing) {
      await this.refuseMerged(command.tenantId, survivor?.contact);
      await this.refuseMerged(command.tenantId, victim?.contact);
      // Refuse a bad merge before claiming anything (the decision throws).
      decideMerge(survivor?.contact, victim?.contact, command, this.now());
    }
    const record =
      existing ??
      (await this.deps.merges.claim({
        tenantId: command.tenantId,
        survivorId: command.survivorId,
        victimId: command.victimId,
        fieldChoices: { ...command.fieldChoices },
        ...(command.actorId ? { actorId: command.actorId } : {}),
        startedAt: this.now(),
        tracksRepointing: true,
      }));
    if (record.survivorId !== command.survivorId) {
      await this.refuseMerged(command.tenantId, victim?.contact);
      throw ContactError.failedPrecondition(
        `contact ${command.victimId} was merged into ${record.survivorId}` +
          (record.completedAt ? '' : ' (unfinished: retry that merge to complete it)'),
      );
    }
    if (!existing) await this.afterStep('claimed');
    return record;
  }

  /** Steps 2 to 4, each skipped when the stored state shows it done. */
  private async finish(record: MergeRecord, command: MergeCommand): Promise<MergeResult> {
    const tenantId = record.tenantId;
    let survivor = await this.read(tenantId, record.survivorId);
    let victim = await this.read(tenantId, record.victimId);
    if (!survivor.contact.mergedFrom?.includes(record.victimId)) {
      const decision = await this.decideOrRelease(record, () =>
        decideMerge(
          survivor.contact,
          victim.contact,
          { ...command, fieldChoices: record.fieldChoices },
          this.now(),
        ),
      );
      await this.deps.contacts.update(
        decision.survivor,
        survivor.contact.version,
        survivor.outboxLog,
        mergedOutboxItems(decision, record.actorId),
      );
      survivor = { ...survivor, contact: decision.survivor };
      await this.afterStep('absorbed');
    }
    if (victim.contact.mergedInto !== record.survivorId) {
      const tombstone = decideTombstone(victim.contact, record.survivorId, this.now());
      await this.deps.contacts.update(tombstone, victim.contact.version, victim.outboxLog, []);
      victim = { ...victim, contact: tombstone };
      await this.afterStep('tombstoned');
    }
    if (!record.completedAt) await this.deps.merges.complete(record, this.now());
    return { survivor: survivor.contact, victim: victim.contact };
  }

  /**
   * The merge was refused before anything was absorbed (the survivor or victim was deleted or
   * changed since the claim): the claim is released, so the victim is not locked to a merge
   * that cannot happen, and the refusal goes to the caller.
   */
  private async decideOrRelease<T>(record: MergeRecord, decide: () => T): Promise<T> {
    try {
      return decide();
    } catch (err) {
      if (err instanceof ContactError) await this.deps.merges.release(record);
      throw err;
    }
  }

  private async read(tenantId: string, id: string): Promise<StoredContact> {
    const stored = await this.deps.contacts.findById(tenantId, id);
    if (!stored) throw ContactError.notFound(id);
    return stored;
  }

  /** A side already merged: refused, naming the end of its chain (as reading it does). */
  private async refuseMerged(tenantId: string, contact: Contact | undefined): Promise<void> {
    if (contact?.mergedInto && contact.tenantId === tenantId) {
      throw await mergedAway(this.deps.contacts, tenantId, contact.id, contact.mergedInto);
    }
  }
}
