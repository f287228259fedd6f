import { MergeRepointing, type MergeRepointingDeps } from '../src/app/merge-repointing.service';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import type { Household } from '../src/domain/household';
import type { Relationship } from '../src/domain/relationship';

const TENANT = 'tenant-a';
const NOW = '2026-03-01T12:00:00.000Z';

function relationship(
  id: string,
  a: string,
  b: string,
  extra: Partial<Relationship> = {},
): Relationship {
  return {
    id,
    tenantId: TENANT,
    version: 1,
    typeCode: 'employee-of',
    contactAId: a,
    contactBId: b,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

function household(members: Array<{ contactId: string; role?: 'adult' | 'child' }>): Household {
  return {
    id: 'h-1',
    tenantId: TENANT,
    version: 4,
    members: members.map((m) => ({
      contactId: m.contactId,
      role: m.role ?? 'adult',
      inheritsAddress: true,
      joinedAt: NOW,
    })),
  } as unknown as Household;
}

/** Fakes that keep the victim's relationships in memory and record every call. */
function given(
  opts: {
    relationships?: Relationship[];
    households?: Record<string, Household>;
    createFails?: ContactErrorCode;
    /** Contact id -> the contact it was merged into since. */
    mergedInto?: Record<string, string>;
  } = {},
) {
  let stored = [...(opts.relationships ?? [])];
  const calls: string[] = [];
  const marks: string[] = [];
  const notFound = () => new ContactError(ContactErrorCode.NOT_FOUND, 'none');
  const deps: MergeRepointingDeps = {
    now: () => NOW,
    contacts: {
      findById: async (_tenant, id) => {
        const mergedInto = opts.mergedInto?.[id];
        return { contact: { id, ...(mergedInto ? { mergedInto } : {}) } } as never;
      },
    },
    merges: {
      markRepointed: async (_tenant, victimId, survivorId) => {
        marks.push(`${victimId}->${survivorId}`);
      },
    },
    relationships: {
      listForContact: async (query) => ({
        relationships: stored.filter(
          (r) => r.contactAId === query.contactId || r.contactBId === query.contactId,
        ),
        hasMore: false,
      }),
    },
    relationshipService: {
      create: async (command) => {
        calls.push(`create ${command.contactAId}->${command.contactBId}`);
        if (opts.createFails) throw new ContactError(opts.createFails, 'refused');
        return {} as never;
      },
      delete: async (command) => {
        calls.push(`delete ${command.id}`);
        stored = stored.filter((r) => r.id !== command.id);
        return {} as never;
      },
    },
    households: {
      getContactHousehold: async (_tenant, contactId) => {
        const found = opts.households?.[contactId];
        if (!found) throw notFound();
        return found;
      },
      replaceMember: async (command) => {
        calls.push(`replace ${command.victimId} by ${command.survivorId}`);
        return {} as never;
      },
      removeDeletedPerson: async (_tenant, contactId) => {
        calls.push(`leave ${contactId}`);
      },
    },
  };
  return { repointing: new MergeRepointing(deps), calls, marks };
}

describe('re-pointing after a merge', () => {
  it("moves the victim's relationship to the survivor, then deletes the old one", async () => {
    const { repointing, calls } = given({ relationships: [relationship('r-1', 'victim', 'acme')] });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual(['create survivor->acme', 'delete r-1']);
  });

  it('drops a relationship between the victim and the survivor instead of relating the survivor to itself', async () => {
    const { repointing, calls } = given({
      relationships: [relationship('r-1', 'survivor', 'victim')],
    });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual(['delete r-1']);
  });

  it('still deletes the old relationship when the survivor already has the same one', async () => {
    const { repointing, calls } = given({
      relationships: [relationship('r-1', 'victim', 'acme')],
      createFails: ContactErrorCode.ALREADY_EXISTS,
    });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual(['create survivor->acme', 'delete r-1']);
  });

  it('lets the survivor take the victim’s household place in one household write when it has none', async () => {
    const home = household([{ contactId: 'victim', role: 'child' }]);
    const { repointing, calls } = given({ households: { victim: home } });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual(['replace victim by survivor']);
  });

  it('moves the records to the end of the chain when the survivor was merged on since', async () => {
    const { repointing, calls } = given({
      relationships: [relationship('r-1', 'victim', 'acme')],
      households: { victim: household([{ contactId: 'victim' }]) },
      mergedInto: { survivor: 'next', next: 'last' },
    });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual(['create last->acme', 'delete r-1', 'replace victim by last']);
  });

  it('stops following a chain that loops back on itself', async () => {
    const { repointing, calls } = given({
      relationships: [relationship('r-1', 'victim', 'acme')],
      mergedInto: { survivor: 'next', next: 'survivor' },
    });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls[0]).toMatch(/^create (survivor|next)->acme$/);
  });

  it('marks the merge re-pointed once everything has moved', async () => {
    const { repointing, marks } = given({ relationships: [relationship('r-1', 'victim', 'acme')] });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(marks).toEqual(['victim->survivor']);
  });

  it('does not mark the merge re-pointed when moving a record failed', async () => {
    const { repointing, marks } = given({
      relationships: [relationship('r-1', 'victim', 'acme')],
      createFails: ContactErrorCode.VERSION_CONFLICT,
    });

    await expect(repointing.repoint(TENANT, 'victim', 'survivor')).rejects.toThrow('refused');

    expect(marks).toEqual([]);
  });

  it('only lets the victim leave when the survivor has a household of its own', async () => {
    const { repointing, calls } = given({
      households: {
        victim: household([{ contactId: 'victim' }]),
        survivor: household([{ contactId: 'survivor' }]),
      },
    });

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual(['leave victim']);
  });

  it('changes nothing when delivered again after everything moved', async () => {
    const { repointing, calls } = given();

    await repointing.repoint(TENANT, 'victim', 'survivor');

    expect(calls).toEqual([]);
  });
});
