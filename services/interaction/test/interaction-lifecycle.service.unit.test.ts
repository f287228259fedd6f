// The lifecycle hooks and the after-write reconcile over in-memory stores: what a hook records
// first lets a write that landed after its sweep repair itself, and a lost race with another
// writer is decided again on what that writer stored.
import { InteractionLifecycleService } from '../src/app/interaction-lifecycle.service';
import type { Interaction } from '../src/domain/interaction';
import { InteractionError } from '../src/domain/interaction-error';
import type { ContactFate, ContactFates } from '../src/store/contact-fates.repository';
import type { InteractionRepository } from '../src/store/interaction.repository';

const T0 = '2026-12-01T09:00:00.000Z';

function interaction(extra: Partial<Interaction> = {}): Interaction {
  return {
    id: 'i-1',
    tenantId: 't-1',
    version: 1,
    type: 'call',
    direction: 'outbound',
    occurredAt: T0,
    participantContactIds: ['c-victim'],
    loggedBy: 'u-1',
    source: 'manual',
    subject: 'Call',
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

function memory(initial: Interaction[]) {
  const rows = new Map(initial.map((i) => [i.id, i]));
  const fates = new Map<string, ContactFate>();
  let conflictsLeft = 0;
  const repository = {
    rows,
    writes: 0,
    failNextWrites(n: number) {
      conflictsLeft = n;
    },
    async findById(_tenant: string, id: string) {
      const found = rows.get(id);
      return found ? { interaction: found, outboxLog: [] } : undefined;
    },
    async update(next: Interaction) {
      repository.writes += 1;
      if (conflictsLeft-- > 0) {
        // Another writer stored a version first (a user's change of the subject).
        const stored = rows.get(next.id)!;
        rows.set(next.id, { ...stored, version: stored.version + 1, subject: 'Changed' });
        throw InteractionError.versionConflict(next.id, next.version - 1);
      }
      rows.set(next.id, next);
    },
    async idsNaming(_tenant: string, contactId: string) {
      return [...rows.values()]
        .filter((i) => i.participantContactIds.includes(contactId))
        .map((i) => i.id);
    },
  };
  const fateStore = {
    fates,
    async record(_tenant: string, id: string, fate: ContactFate) {
      if (!fates.has(id)) fates.set(id, fate);
    },
    async of(_tenant: string, id: string) {
      return fates.get(id);
    },
  };
  const service = new InteractionLifecycleService({
    interactions: repository as unknown as InteractionRepository,
    fates: fateStore as unknown as ContactFates,
    projection: { latest: async () => undefined },
    now: () => '2026-12-02T09:00:00.000Z',
  });
  return { repository, fateStore, service };
}

const ctx = { tenantId: 't-1', eventId: 'e-1' };

describe('InteractionLifecycleService', () => {
  it('re-points on a merge and does nothing more when the merge arrives again', async () => {
    const { repository, service } = memory([interaction()]);

    await service.onMerged('c-victim', 'c-survivor', ctx);
    await service.onMerged('c-victim', 'c-survivor', ctx);

    expect(repository.rows.get('i-1')).toMatchObject({
      participantContactIds: ['c-survivor'],
      version: 2,
    });
    expect(repository.writes).toBe(1);
  });

  it('repairs a write that landed after the merge hook swept', async () => {
    const { repository, fateStore, service } = memory([]);
    // The hook ran first: it recorded the fate and found nothing to move.
    await service.onMerged('c-victim', 'c-survivor', ctx);
    const written = interaction();
    repository.rows.set(written.id, written);

    const repaired = await service.reconcile(written);

    expect(fateStore.fates.get('c-victim')).toEqual({ fate: 'merged', survivorId: 'c-survivor' });
    expect(repaired).toMatchObject({ participantContactIds: ['c-survivor'], version: 2 });
  });

  it('follows merges that followed each other', async () => {
    const { repository, service } = memory([]);
    await service.onMerged('c-victim', 'c-middle', ctx);
    await service.onMerged('c-middle', 'c-last', ctx);
    const written = interaction();
    repository.rows.set(written.id, written);

    expect((await service.reconcile(written)).participantContactIds).toEqual(['c-last']);
  });

  it('repairs a write whose only participant was erased meanwhile', async () => {
    const { repository, service } = memory([]);
    await service.onErased('c-victim', ctx);
    const written = interaction();
    repository.rows.set(written.id, written);

    const repaired = await service.reconcile(written);

    expect(repaired.participantContactIds).toEqual([]);
    expect(repaired.subject).toBeUndefined();
  });

  it('decides again on what a writer that won the race stored', async () => {
    const { repository, service } = memory([interaction()]);
    repository.failNextWrites(1);

    await service.onMerged('c-victim', 'c-survivor', ctx);

    expect(repository.rows.get('i-1')).toMatchObject({
      participantContactIds: ['c-survivor'],
      subject: 'Changed',
      version: 3,
    });
  });
});
