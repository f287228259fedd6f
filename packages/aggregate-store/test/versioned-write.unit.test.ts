// Versioned writes against the in-memory collection and an outbox that claims versions like
// the real one: state and commit record in one write, conflicts as the caller's error.
import type { Outbox, OutboxItem, OutboxLogRecord, StagedWrite } from '@kith/bus';
import { MemoryCollection, insertVersioned, updateVersioned } from '../src';
import type { AggregateStore, VersionedDocument } from '../src';

interface Shelf extends VersionedDocument {
  label: string;
  note?: string;
}

class ConflictError extends Error {}

/** Claims `<collection>:<id>:<version>` once, like the outbox's unique intent `_id`. */
function fakeOutbox() {
  const claimed = new Set<string>();
  const committed: string[] = [];
  const abandoned: string[] = [];
  const outbox = {
    async stage(target: { collection: string; aggregateId: string; version: number }) {
      const id = `${target.collection}:${target.aggregateId}:${target.version}`;
      if (claimed.has(id)) {
        const { OutboxVersionClaimedError } = await import('@kith/bus');
        throw new OutboxVersionClaimedError(target.aggregateId, target.version);
      }
      claimed.add(id);
      const staged: StagedWrite = {
        entries: [],
        outboxLog: (previous: OutboxLogRecord[] = []) => [
          ...previous,
          { version: target.version, eventIds: [`e-${target.version}`] },
        ],
        commit: () => void committed.push(id),
        abandon: async () => {
          claimed.delete(id);
          abandoned.push(id);
        },
      };
      return staged;
    },
  };
  return { outbox: outbox as unknown as Outbox, claimed, committed, abandoned };
}

const ITEMS: OutboxItem[] = [];
const conflict = () => new ConflictError('shelf changed');

function setup() {
  const collection = new MemoryCollection<Shelf>('shelves');
  const outbox = fakeOutbox();
  const store: AggregateStore<Shelf> = { collection, outbox: outbox.outbox };
  return { collection, store, ...outbox };
}

const shelf = (version: number, extra: Partial<Shelf> = {}): Omit<Shelf, '_outboxLog'> => ({
  _id: 's-1',
  tenantId: 't-1',
  version,
  label: `v${version}`,
  ...extra,
});

describe('insertVersioned', () => {
  it('writes the state with its commit record and commits the intent', async () => {
    const { collection, store, committed } = setup();

    await insertVersioned(store, shelf(1), { items: ITEMS, conflict });

    expect(collection.rows.get('s-1')).toEqual({
      ...shelf(1),
      _outboxLog: [{ version: 1, eventIds: ['e-1'] }],
    });
    expect(committed).toEqual(['shelves:s-1:1']);
  });

  it('answers the caller’s duplicate error for a taken id, and frees the version', async () => {
    const { collection, store, abandoned } = setup();
    collection.rows.set('s-1', { ...shelf(1), label: 'other' });

    await expect(
      insertVersioned(store, shelf(1), {
        items: ITEMS,
        conflict,
        duplicate: () => new Error('shelf exists'),
      }),
    ).rejects.toThrow('shelf exists');
    expect(abandoned).toEqual(['shelves:s-1:1']);
  });

  it('passes the duplicate key through when no duplicate error is given', async () => {
    const { collection, store } = setup();
    collection.rows.set('s-1', { ...shelf(1), label: 'other' });

    await expect(
      insertVersioned(store, shelf(1), { items: ITEMS, conflict }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it('answers the conflict error when another writer holds the version', async () => {
    const { store, claimed } = setup();
    claimed.add('shelves:s-1:1');

    await expect(
      insertVersioned(store, shelf(1), { items: ITEMS, conflict }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

/** Version 2 of s-1, written as if version 1 had been read. */
const updateToVersion2 = (store: AggregateStore<Shelf>) =>
  updateVersioned(store, shelf(2), { expectedVersion: 1, outboxLog: [], items: ITEMS, conflict });

describe('updateVersioned', () => {
  it('replaces the state, appends to the commit record and unsets absent optional fields', async () => {
    const { collection, store } = setup();
    await insertVersioned(store, shelf(1, { note: 'fragile' }), { items: ITEMS, conflict });
    const log = collection.rows.get('s-1')?._outboxLog ?? [];

    await updateVersioned(store, shelf(2), {
      expectedVersion: 1,
      outboxLog: log,
      items: ITEMS,
      conflict,
      optionalFields: ['note'],
    });

    expect(collection.rows.get('s-1')).toEqual({
      ...shelf(2),
      _outboxLog: [
        { version: 1, eventIds: ['e-1'] },
        { version: 2, eventIds: ['e-2'] },
      ],
    });
  });

  it('answers the conflict error when the stored version is not the expected one', async () => {
    const { collection, store, abandoned } = setup();
    collection.rows.set('s-1', shelf(3));

    await expect(updateToVersion2(store)).rejects.toBeInstanceOf(ConflictError);
    expect(abandoned).toEqual(['shelves:s-1:2']);
    expect(collection.rows.get('s-1')?.version).toBe(3);
  });

  it('never writes another tenant’s record of the same id', async () => {
    const { collection, store } = setup();
    collection.rows.set('s-1', { ...shelf(1), tenantId: 't-2' });

    await expect(updateToVersion2(store)).rejects.toBeInstanceOf(ConflictError);
    expect(collection.rows.get('s-1')?.label).toBe('v1');
  });
});
