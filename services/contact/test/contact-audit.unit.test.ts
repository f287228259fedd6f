import { decodeAuditPageToken, encodeAuditPageToken } from '../src/app/contact-audit.query';
import { auditEntryOf, type AuditSource } from '../src/domain/contact-audit';
import { decideCreate, decideUpdate } from '../src/domain/contact-decisions';
import { decideMerge } from '../src/domain/contact-merge';
import { toOutboxItems } from '../src/events/contact-events';
import { mergedOutboxItems } from '../src/events/duplicate-events';

const ID = '01900000-0000-7000-8000-000000000009';
const TENANT = 'tenant-a';

function sourceOf(item: ReturnType<typeof toOutboxItems>[number]): AuditSource {
  const { id, type, time, data } = item.event;
  return { id, type, time, data: data as AuditSource['data'] };
}

function created() {
  return decideCreate(
    {
      tenantId: TENANT,
      kind: 'person',
      fields: { person: { firstName: 'Jane', lastName: 'Smith' }, tags: ['donor'] },
    },
    { id: ID, now: '2026-01-01T00:00:00.000Z' },
  );
}

describe('auditEntryOf', () => {
  it('records a merge on the survivor as the victim it absorbed', () => {
    const survivor = created().contact;
    const victim = { ...survivor, id: 'victim-1' };
    const decision = decideMerge(
      survivor,
      victim,
      { tenantId: TENANT, survivorId: ID, victimId: 'victim-1', fieldChoices: {} },
      '2026-02-01T00:00:00.000Z',
    );
    const [item] = mergedOutboxItems(decision, 'user-1');

    const entry = auditEntryOf(sourceOf(item!));

    expect(entry).toMatchObject({
      contactId: ID,
      version: 2,
      action: 'merged',
      actorId: 'user-1',
      changes: [{ field: 'mergedFrom', after: 'victim-1' }],
    });
  });

  it('records a create as the fields it set, without their values, by whom and when, leaving defaults out', () => {
    const [item] = toOutboxItems(created().events, { actorId: 'user-1' });

    const entry = auditEntryOf(sourceOf(item!));

    expect(entry).toMatchObject({
      id: item!.event.id,
      tenantId: TENANT,
      contactId: ID,
      version: 1,
      at: '2026-01-01T00:00:00.000Z',
      action: 'created',
      actorId: 'user-1',
    });
    expect(entry?.changes.map((c) => c.field).sort()).toEqual(['displayName', 'person', 'tags']);
    expect(entry?.changes.every((c) => c.before === undefined && c.after === undefined)).toBe(true);
  });

  it('records an update as before and after of each changed field, a cleared one without after', () => {
    const first = created().contact;
    const updated = decideUpdate(
      { ...first, source: 'gala' },
      {
        id: ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { tags: ['donor', 'vip'], doNotContact: true },
        updateMask: ['tags', 'source', 'doNotContact'],
      },
      '2026-01-02T00:00:00.000Z',
    );
    const [item] = toOutboxItems(updated.events, { actorId: 'user-2' });

    const entry = auditEntryOf(sourceOf(item!));

    expect(entry?.action).toBe('updated');
    expect(entry?.version).toBe(2);
    expect(entry?.changes).toEqual([
      { field: 'tags', before: ['donor'], after: ['donor', 'vip'] },
      { field: 'source', before: 'gala' },
      { field: 'doNotContact', before: false, after: true },
    ]);
  });

  it('ignores event types it does not audit', () => {
    const [item] = toOutboxItems(created().events);

    expect(auditEntryOf({ ...sourceOf(item!), type: 'kith.contact.something.v1' })).toBeUndefined();
  });
});

describe('audit page tokens', () => {
  it('round-trips the last version and refuses tokens it did not issue', () => {
    expect(decodeAuditPageToken(encodeAuditPageToken(42))).toBe(42);
    expect(decodeAuditPageToken('bm9wZQ')).toBeUndefined();
  });
});
