import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import type { Household, PersonForMembership } from '../src/domain/household';
import {
  HOUSEHOLD_EVENT_TYPES,
  decideAddMember,
  decideCreateHousehold,
  decideDeleteHousehold,
  decideRefreshMemberName,
  decideRemoveMember,
  decideUpdateHousehold,
} from '../src/domain/household-decisions';

const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-02T10:00:00.000Z';
const T2 = '2026-01-03T10:00:00.000Z';
const ID = '01900000-0000-7000-8000-00000000000h';
const TENANT = 'tenant-a';

function person(id: string, firstName: string, lastName: string): PersonForMembership {
  return { id, tenantId: TENANT, kind: 'person', version: 1, deleted: false, firstName, lastName };
}
const JANE = person('c-jane', 'Jane', 'Smith');
const JOHN = person('c-john', 'John', 'Smith');

function givenHousehold(): Household {
  return decideCreateHousehold({ tenantId: TENANT, changes: {} }, { id: ID, now: T0 }).household;
}

function target(household: Household) {
  return { id: household.id, tenantId: TENANT, expectedVersion: household.version };
}

function join(household: Household, who: PersonForMembership, role = 'adult'): Household {
  return decideAddMember(
    household,
    { ...target(household), member: { contactId: who.id, role } },
    who,
    T1,
  ).household;
}

function givenJaneAndJohn(): Household {
  return join(join(givenHousehold(), JANE), JOHN);
}

function errorOf(fn: () => unknown): ContactError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContactError) return err;
    throw err;
  }
  throw new Error('expected a ContactError');
}

describe('creating a household', () => {
  it('starts at version 1 with no members and the unnamed names', () => {
    const { household, events } = decideCreateHousehold(
      { tenantId: TENANT, changes: {} },
      { id: ID, now: T0 },
    );

    expect(household).toEqual({
      id: ID,
      tenantId: TENANT,
      version: 1,
      name: 'Unnamed Household',
      greeting: 'Friends',
      members: [],
      createdAt: T0,
      updatedAt: T0,
    });
    expect(events).toEqual([{ type: HOUSEHOLD_EVENT_TYPES.created, household }]);
  });

  it('takes overrides and a cleaned mailing address', () => {
    const { household } = decideCreateHousehold(
      {
        tenantId: TENANT,
        changes: {
          nameOverride: ' The  Smiths ',
          mailingAddress: { line1: '1 Main St', countryCode: 'us', postalCode: 'ab1 2cd' },
        },
      },
      { id: ID, now: T0 },
    );

    expect(household.name).toBe('The Smiths');
    expect(household.nameOverride).toBe('The Smiths');
    expect(household.mailingAddress).toMatchObject({ countryCode: 'US', postalCode: 'AB1 2CD' });
  });

  it('refuses an address without line1, naming the field', () => {
    const err = errorOf(() =>
      decideCreateHousehold(
        { tenantId: TENANT, changes: { mailingAddress: { countryCode: 'US' } } },
        { id: ID, now: T0 },
      ),
    );

    expect(err.code).toBe(ContactErrorCode.VALIDATION_FAILED);
    expect(err.fieldErrors.map((e) => e.field)).toEqual(['mailingAddress.line1']);
  });

  it('refuses an override longer than 200 characters', () => {
    const err = errorOf(() =>
      decideCreateHousehold(
        { tenantId: TENANT, changes: { greetingOverride: 'x'.repeat(201) } },
        { id: ID, now: T0 },
      ),
    );

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['greetingOverride']);
  });
});

describe('adding a member', () => {
  it('generates the names from the adults and says who joined', () => {
    const once = join(givenHousehold(), JANE);
    const { household, events } = decideAddMember(
      once,
      { ...target(once), member: { contactId: JOHN.id } },
      JOHN,
      T2,
    );

    expect(household).toMatchObject({
      version: 3,
      name: 'Jane and John Smith',
      greeting: 'Jane and John',
      updatedAt: T2,
    });
    expect(household.members[1]).toEqual({
      contactId: JOHN.id,
      role: 'adult',
      inheritsAddress: false,
      joinedAt: T2,
      contactVersion: 1,
      firstName: 'John',
      lastName: 'Smith',
    });
    expect(events).toEqual([
      {
        type: HOUSEHOLD_EVENT_TYPES.updated,
        household,
        changedFields: ['name', 'greeting', 'members'],
        memberChanges: [{ contactId: JOHN.id, change: 'joined' }],
      },
    ]);
  });

  it('keeps an overridden name when a member joins', () => {
    const base = givenHousehold();
    const named = decideUpdateHousehold(
      base,
      { ...target(base), changes: { nameOverride: 'The Smith Family' } },
      T1,
    ).household;

    const joined = join(named, JANE);

    expect(joined.name).toBe('The Smith Family');
    expect(joined.greeting).toBe('Jane');
  });

  it('refuses a person who is already a current member with ALREADY_EXISTS', () => {
    const household = join(givenHousehold(), JANE);

    const err = errorOf(() => join(household, JANE));

    expect(err.code).toBe(ContactErrorCode.ALREADY_EXISTS);
  });

  it('refuses an organization with FAILED_PRECONDITION', () => {
    const org: PersonForMembership = { ...JANE, kind: 'organization' };

    const err = errorOf(() => join(givenHousehold(), org));

    expect(err.code).toBe(ContactErrorCode.FAILED_PRECONDITION);
    expect(err.fieldErrors.map((e) => e.field)).toEqual(['contactId']);
  });

  it.each([
    ['missing', undefined],
    ['deleted', { ...JANE, deleted: true }],
    ['of another tenant', { ...JANE, tenantId: 'tenant-b' }],
  ])('refuses a %s person with FAILED_PRECONDITION', (_label, who) => {
    const household = givenHousehold();

    const err = errorOf(() =>
      decideAddMember(household, { ...target(household), member: { contactId: JANE.id } }, who, T1),
    );

    expect(err.code).toBe(ContactErrorCode.FAILED_PRECONDITION);
  });

  it('refuses a role other than adult or child', () => {
    const err = errorOf(() => join(givenHousehold(), JANE, 'lodger'));

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['role']);
  });

  it('refuses a stale expected version with VERSION_CONFLICT', () => {
    const household = join(givenHousehold(), JANE);

    const err = errorOf(() =>
      decideAddMember(
        household,
        { ...target(household), expectedVersion: 1, member: { contactId: JOHN.id } },
        JOHN,
        T2,
      ),
    );

    expect(err.code).toBe(ContactErrorCode.VERSION_CONFLICT);
  });

  it('answers NOT_FOUND for another tenant’s household', () => {
    const household = givenHousehold();

    const err = errorOf(() =>
      decideAddMember(
        household,
        { ...target(household), tenantId: 'tenant-b', member: { contactId: JANE.id } },
        { ...JANE, tenantId: 'tenant-b' },
        T1,
      ),
    );

    expect(err.code).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('lets a former member join again, keeping the old entry as history', () => {
    const household = givenJaneAndJohn();
    const left = decideRemoveMember(
      household,
      { ...target(household), contactId: JANE.id },
      T2,
    ).household;

    const back = join(left, JANE);

    expect(back.members.filter((m) => m.contactId === JANE.id)).toEqual([
      expect.objectContaining({ leftAt: T2 }),
      expect.not.objectContaining({ leftAt: expect.anything() }),
    ]);
  });
});

describe('removing a member', () => {
  it('keeps the member with leftAt and generates the names again', () => {
    const household = givenJaneAndJohn();

    const { household: after, events } = decideRemoveMember(
      household,
      { ...target(household), contactId: JOHN.id },
      T2,
    );

    expect(after.members).toHaveLength(2);
    expect(after.members[1]).toMatchObject({ contactId: JOHN.id, leftAt: T2 });
    expect(after).toMatchObject({ name: 'Jane Smith', greeting: 'Jane', version: 4 });
    expect(events[0]).toMatchObject({
      type: HOUSEHOLD_EVENT_TYPES.updated,
      memberChanges: [{ contactId: JOHN.id, change: 'left' }],
    });
  });

  it('answers NOT_FOUND for someone who is not a current member', () => {
    const household = join(givenHousehold(), JANE);

    const err = errorOf(() =>
      decideRemoveMember(household, { ...target(household), contactId: JOHN.id }, T2),
    );

    expect(err.code).toBe(ContactErrorCode.NOT_FOUND);
  });
});

describe('changing overrides and the address', () => {
  it('clears an override with null, so the generated name comes back', () => {
    const household = givenJaneAndJohn();
    const named = decideUpdateHousehold(
      household,
      { ...target(household), changes: { nameOverride: 'Mr and Mrs Smith' } },
      T2,
    ).household;

    const cleared = decideUpdateHousehold(
      named,
      { ...target(named), changes: { nameOverride: null } },
      T2,
    );

    expect(cleared.household.name).toBe('Jane and John Smith');
    expect(cleared.household).not.toHaveProperty('nameOverride');
    expect(cleared.events[0]).toMatchObject({ changedFields: ['name', 'nameOverride'] });
  });

  it('decides nothing when the change sets what is already there', () => {
    const household = givenHousehold();

    const { household: after, events } = decideUpdateHousehold(
      household,
      { ...target(household), changes: { nameOverride: null } },
      T1,
    );

    expect(events).toEqual([]);
    expect(after).toBe(household);
  });

  it('refuses changes to a deleted household with ALREADY_DELETED', () => {
    const household = givenHousehold();
    const deleted = decideDeleteHousehold(household, target(household), T1).household;

    const err = errorOf(() =>
      decideUpdateHousehold(deleted, { ...target(deleted), changes: { nameOverride: 'x' } }, T2),
    );

    expect(err.code).toBe(ContactErrorCode.ALREADY_DELETED);
  });
});

describe('deleting a household', () => {
  it('sets deletedAt and lets every current member leave', () => {
    const household = givenJaneAndJohn();

    const { household: deleted, events } = decideDeleteHousehold(household, target(household), T2);

    expect(deleted.deletedAt).toBe(T2);
    expect(deleted.members.map((m) => m.leftAt)).toEqual([T2, T2]);
    expect(events).toEqual([{ type: HOUSEHOLD_EVENT_TYPES.deleted, household: deleted }]);
  });
});

describe('refreshing a renamed member', () => {
  it('takes the new name and generates the names again', () => {
    const household = givenJaneAndJohn();

    const { household: after, events } = decideRefreshMemberName(
      household,
      { contactId: JOHN.id, version: 2, firstName: 'Jon', lastName: 'Doe' },
      T2,
    );

    expect(after.name).toBe('Jane Smith and Jon Doe');
    expect(after.members[1]).toMatchObject({
      firstName: 'Jon',
      lastName: 'Doe',
      contactVersion: 2,
    });
    expect(events[0]).toMatchObject({ memberChanges: [{ contactId: JOHN.id, change: 'renamed' }] });
  });

  it('ignores an event not newer than the snapshot (a redelivery)', () => {
    const household = givenJaneAndJohn();

    const { events } = decideRefreshMemberName(
      household,
      { contactId: JOHN.id, version: 1, firstName: 'Jon', lastName: 'Doe' },
      T2,
    );

    expect(events).toEqual([]);
  });

  it('ignores a rename that keeps the names', () => {
    const household = givenJaneAndJohn();

    const { events } = decideRefreshMemberName(
      household,
      { contactId: JOHN.id, version: 5, firstName: 'John', lastName: 'Smith' },
      T2,
    );

    expect(events).toEqual([]);
  });

  it('ignores someone who already left', () => {
    const household = givenJaneAndJohn();
    const left = decideRemoveMember(
      household,
      { ...target(household), contactId: JOHN.id },
      T2,
    ).household;

    const { events } = decideRefreshMemberName(
      left,
      { contactId: JOHN.id, version: 2, firstName: 'Jon' },
      T2,
    );

    expect(events).toEqual([]);
  });
});
