import type { Contact, HouseholdAddress } from '../src/domain/contact';
import {
  CONTACT_EVENT_TYPES,
  decideCreate,
  decideDelete,
  decideRecordConsent,
  decideUpdate,
  type UpdateContactCommand,
} from '../src/domain/contact-decisions';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';

const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-02T10:00:00.000Z';
const T2 = '2026-01-03T10:00:00.000Z';
const ID = '01900000-0000-7000-8000-000000000001';
const TENANT = 'tenant-a';

function givenJane(): Contact {
  return decideCreate(
    {
      tenantId: TENANT,
      kind: 'person',
      fields: {
        person: { firstName: 'Jane', lastName: 'Smith' },
        emails: [{ address: 'jane@example.org', type: 'home' }],
        tags: ['donor'],
      },
    },
    { id: ID, now: T0 },
  ).contact;
}

function update(overrides: Partial<UpdateContactCommand>): UpdateContactCommand {
  return {
    id: ID,
    tenantId: TENANT,
    expectedVersion: 1,
    fields: {},
    updateMask: [],
    ...overrides,
  };
}

function codeOf(fn: () => unknown): ContactErrorCode | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContactError) return err.code;
    throw err;
  }
  return undefined;
}

describe('decideCreate', () => {
  it('creates version 1 with derived names and timestamps from the clock', () => {
    const { contact } = decideCreate(
      {
        tenantId: TENANT,
        kind: 'person',
        fields: { person: { firstName: 'Zoë', lastName: 'Ng' } },
      },
      { id: ID, now: T0 },
    );

    expect(contact).toMatchObject({
      id: ID,
      tenantId: TENANT,
      kind: 'person',
      version: 1,
      displayName: 'Zoë Ng',
      searchNames: ['zoe ng', 'zoe', 'ng'],
      createdAt: T0,
      updatedAt: T0,
    });
    expect(contact.deletedAt).toBeUndefined();
  });

  it('emits one created event carrying the new contact', () => {
    const { contact, events } = decideCreate(
      { tenantId: TENANT, kind: 'organization', fields: { organization: { name: 'Acme' } } },
      { id: ID, now: T0 },
    );

    expect(events).toEqual([{ type: CONTACT_EVENT_TYPES.created, contact }]);
  });

  it('refuses invalid fields with every field error', () => {
    const act = () =>
      decideCreate(
        { tenantId: TENANT, kind: 'person', fields: { emails: [{ address: 'x' }] } },
        { id: ID, now: T0 },
      );

    expect(act).toThrow(
      expect.objectContaining({
        code: ContactErrorCode.VALIDATION_FAILED,
        fieldErrors: [
          { field: 'person', message: expect.any(String) },
          { field: 'emails[0].address', message: expect.any(String) },
        ],
      }),
    );
  });
});

describe('decideUpdate', () => {
  it('changes only the masked paths and bumps the version', () => {
    const jane = givenJane();

    const { contact } = decideUpdate(
      jane,
      update({
        fields: { person: { firstName: 'Janet', lastName: 'ignored' }, tags: ['ignored'] },
        updateMask: ['person.first_name'],
      }),
      T1,
    );

    expect(contact.person).toEqual({ firstName: 'Janet', lastName: 'Smith' });
    expect(contact.tags).toEqual(['donor']);
    expect(contact.version).toBe(2);
    expect(contact.updatedAt).toBe(T1);
    expect(contact.createdAt).toBe(T0);
    expect(contact.displayName).toBe('Janet Smith');
  });

  it('lists the changed top-level fields in the updated event', () => {
    const jane = givenJane();

    const { events } = decideUpdate(
      jane,
      update({
        fields: {
          person: { firstName: 'Jane', lastName: 'Doe' },
          emails: [{ address: 'Jane@Example.org', type: 'home' }],
          tags: ['donor', 'VIP'],
        },
        updateMask: ['person', 'tags', 'emails'],
      }),
      T1,
    );

    expect(events).toEqual([
      expect.objectContaining({
        type: CONTACT_EVENT_TYPES.updated,
        changedFields: ['displayName', 'person', 'tags'],
      }),
    ]);
  });

  it('does not list the display name when only an email changes', () => {
    const { events } = decideUpdate(
      givenJane(),
      update({ fields: { emails: [{ address: 'jane@work.example' }] }, updateMask: ['emails'] }),
      T1,
    );

    expect(events).toEqual([expect.objectContaining({ changedFields: ['emails'] })]);
  });

  it('answers the unchanged contact and no event when nothing changes', () => {
    const jane = givenJane();

    const decision = decideUpdate(
      jane,
      update({ fields: { tags: [' Donor '] }, updateMask: ['tags'] }),
      T1,
    );

    expect(decision).toEqual({ contact: jane, events: [] });
  });

  it('refuses a stale expected version with VERSION_CONFLICT', () => {
    const jane = givenJane();

    const code = codeOf(() =>
      decideUpdate(
        jane,
        update({ expectedVersion: 2, fields: { tags: [] }, updateMask: ['tags'] }),
        T1,
      ),
    );

    expect(code).toBe(ContactErrorCode.VERSION_CONFLICT);
  });

  it('refuses a missing expected version as a validation error', () => {
    const code = codeOf(() =>
      decideUpdate(givenJane(), update({ expectedVersion: 0, updateMask: ['tags'] }), T1),
    );

    expect(code).toBe(ContactErrorCode.VALIDATION_FAILED);
  });

  it('answers NOT_FOUND for another tenant’s contact', () => {
    const code = codeOf(() =>
      decideUpdate(givenJane(), update({ tenantId: 'tenant-b', updateMask: ['tags'] }), T1),
    );

    expect(code).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('answers NOT_FOUND when there is no contact', () => {
    expect(codeOf(() => decideUpdate(undefined, update({ updateMask: ['tags'] }), T1))).toBe(
      ContactErrorCode.NOT_FOUND,
    );
  });

  it('answers ALREADY_DELETED for a deleted contact, even with a stale version', () => {
    const deleted = decideDelete(
      givenJane(),
      { id: ID, tenantId: TENANT, expectedVersion: 1 },
      T1,
    ).contact;

    const code = codeOf(() => decideUpdate(deleted, update({ updateMask: ['tags'] }), T1));

    expect(code).toBe(ContactErrorCode.ALREADY_DELETED);
  });

  it('refuses an update that leaves a person without a name', () => {
    const act = () =>
      decideUpdate(
        givenJane(),
        update({ fields: { person: undefined }, updateMask: ['person'] }),
        T1,
      );

    expect(act).toThrow(expect.objectContaining({ code: ContactErrorCode.VALIDATION_FAILED }));
  });

  it('refuses an unknown mask path', () => {
    expect(codeOf(() => decideUpdate(givenJane(), update({ updateMask: ['nickname'] }), T1))).toBe(
      ContactErrorCode.VALIDATION_FAILED,
    );
  });
});

describe('decideDelete', () => {
  it('marks the contact deleted, bumps the version and emits a deleted event', () => {
    const jane = givenJane();

    const { contact, events } = decideDelete(
      jane,
      { id: ID, tenantId: TENANT, expectedVersion: 1 },
      T1,
    );

    expect(contact).toMatchObject({ version: 2, deletedAt: T1, updatedAt: T1 });
    expect(events).toEqual([{ type: CONTACT_EVENT_TYPES.deleted, contact }]);
  });

  it('refuses a stale expected version with VERSION_CONFLICT', () => {
    const code = codeOf(() =>
      decideDelete(givenJane(), { id: ID, tenantId: TENANT, expectedVersion: 7 }, T1),
    );

    expect(code).toBe(ContactErrorCode.VERSION_CONFLICT);
  });

  it('refuses to delete twice with ALREADY_DELETED', () => {
    const deleted = decideDelete(
      givenJane(),
      { id: ID, tenantId: TENANT, expectedVersion: 1 },
      T1,
    ).contact;

    const code = codeOf(() =>
      decideDelete(deleted, { id: ID, tenantId: TENANT, expectedVersion: 2 }, T1),
    );

    expect(code).toBe(ContactErrorCode.ALREADY_DELETED);
  });
});

describe('decideRecordConsent', () => {
  const consent = { channel: 'email', status: 'opted_out', source: 'unsubscribe-link' };
  const recording = (recordId: string) => ({ now: T1, recordId });

  it('appends to the history, makes it current and raises the version', () => {
    const current = givenJane();

    const { contact, events, record } = decideRecordConsent(
      current,
      { id: ID, tenantId: TENANT, userId: 'user-1', consent },
      recording('rec-1'),
    );

    expect(contact.version).toBe(2);
    expect(contact.communication.email).toEqual(record);
    expect(contact.consentHistory).toEqual([record]);
    expect(record).toMatchObject({
      id: 'rec-1',
      status: 'opted_out',
      capturedAt: T1,
      recordedBy: 'user-1',
    });
    expect(events).toEqual([{ type: CONTACT_EVENT_TYPES.consentChanged, contact, record }]);
  });

  it('keeps an older capture in the history without making it current', () => {
    const optedOut = decideRecordConsent(
      givenJane(),
      { id: ID, tenantId: TENANT, consent },
      recording('rec-1'),
    );

    const { contact } = decideRecordConsent(
      optedOut.contact,
      {
        id: ID,
        tenantId: TENANT,
        consent: { channel: 'email', status: 'opted_in', source: 'import', capturedAt: T0 },
      },
      recording('rec-2'),
    );

    expect(contact.communication.email?.status).toBe('opted_out');
    expect(contact.consentHistory.map((r) => r.status)).toEqual(['opted_out', 'opted_in']);
  });

  it('refuses a deleted contact, another tenant and an invalid record', () => {
    const deleted = decideDelete(givenJane(), { id: ID, tenantId: TENANT, expectedVersion: 1 }, T1);

    expect(() =>
      decideRecordConsent(
        deleted.contact,
        { id: ID, tenantId: TENANT, consent },
        recording('rec-1'),
      ),
    ).toThrow(expect.objectContaining({ code: ContactErrorCode.ALREADY_DELETED }));
    expect(() =>
      decideRecordConsent(givenJane(), { id: ID, tenantId: 'other', consent }, recording('rec-1')),
    ).toThrow(expect.objectContaining({ code: ContactErrorCode.NOT_FOUND }));
    expect(() =>
      decideRecordConsent(
        givenJane(),
        { id: ID, tenantId: TENANT, consent: { channel: 'email', status: 'yes' } },
        recording('rec-1'),
      ),
    ).toThrow(expect.objectContaining({ code: ContactErrorCode.VALIDATION_FAILED }));
  });

  it('answers a record already stored under the same id again, with no write and no event', () => {
    const first = decideRecordConsent(
      givenJane(),
      { id: ID, tenantId: TENANT, consent },
      recording('rec-1'),
    );

    const retried = decideRecordConsent(
      first.contact,
      { id: ID, tenantId: TENANT, consent },
      { now: T2, recordId: 'rec-1' },
    );

    expect(retried.record).toEqual(first.record);
    expect(retried.contact).toBe(first.contact);
    expect(retried.events).toEqual([]);
  });

  it('refuses the id of a stored record for a different consent', () => {
    const first = decideRecordConsent(
      givenJane(),
      { id: ID, tenantId: TENANT, consent },
      recording('rec-1'),
    );

    expect(() =>
      decideRecordConsent(
        first.contact,
        { id: ID, tenantId: TENANT, consent: { ...consent, status: 'opted_in' } },
        { now: T2, recordId: 'rec-1' },
      ),
    ).toThrow(expect.objectContaining({ code: ContactErrorCode.FAILED_PRECONDITION }));
  });

  it('is never undone by an ordinary update', () => {
    const withConsent = decideRecordConsent(
      givenJane(),
      { id: ID, tenantId: TENANT, consent },
      recording('rec-1'),
    );

    const { contact } = decideUpdate(
      withConsent.contact,
      update({ expectedVersion: 2, fields: { doNotContact: true }, updateMask: ['doNotContact'] }),
      T1,
    );

    expect(contact.communication).toEqual(withConsent.contact.communication);
    expect(contact.consentHistory).toHaveLength(1);
    expect(contact.doNotContact).toBe(true);
  });
});

describe('an inherited household address', () => {
  it('survives an ordinary update, which does not list it as changed', () => {
    const householdAddress: HouseholdAddress = {
      householdId: 'h-1',
      address: { type: 'home', primary: true, line1: '1 Main St', countryCode: 'US', valid: true },
    };
    const jane = { ...givenJane(), householdAddress };

    const { contact, events } = decideUpdate(
      jane,
      update({ fields: { tags: ['donor', 'vip'] }, updateMask: ['tags'] }),
      T1,
    );

    expect(contact.householdAddress).toEqual(householdAddress);
    expect(events[0]).toMatchObject({ changedFields: ['tags'] });
  });
});

describe('a write naming the kind it expects', () => {
  it('answers NOT_FOUND to an update of a person through the organization kind', () => {
    const act = () =>
      decideUpdate(givenJane(), update({ updateMask: ['tags'], expectedKind: 'organization' }), T1);

    expect(codeOf(act)).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('answers NOT_FOUND before VERSION_CONFLICT to a delete of the other kind', () => {
    const act = () =>
      decideDelete(
        givenJane(),
        { id: ID, tenantId: TENANT, expectedVersion: 7, expectedKind: 'organization' },
        T1,
      );

    expect(codeOf(act)).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('answers NOT_FOUND, not ALREADY_DELETED, for a deleted contact of the kind', () => {
    const deleted = decideDelete(
      givenJane(),
      { id: ID, tenantId: TENANT, expectedVersion: 1 },
      T1,
    ).contact;

    const act = () =>
      decideUpdate(deleted, update({ updateMask: ['tags'], expectedKind: 'person' }), T1);

    expect(codeOf(act)).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('writes a contact of the expected kind as without it', () => {
    const { contact } = decideUpdate(
      givenJane(),
      update({ fields: { tags: ['major'] }, updateMask: ['tags'], expectedKind: 'person' }),
      T1,
    );

    expect(contact).toMatchObject({ version: 2, tags: ['major'] });
  });
});
