import { ContactErrorCode } from '../src/domain/contact-error';
import type { PersonForMembership } from '../src/domain/household';
import {
  HOUSEHOLD_EVENT_TYPES,
  decideAddMember,
  decideCreateHousehold,
  decideRemoveMember,
  decideUpdateHousehold,
} from '../src/domain/household-decisions';
import {
  ID,
  JANE,
  JOHN,
  T0,
  T1,
  T2,
  TENANT,
  errorOf,
  givenHousehold,
  givenJaneAndJohn,
  join,
  target,
} from './support/household-givens';

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

  it('refuses control characters and lone surrogates in the overrides, naming each', () => {
    const err = errorOf(() =>
      decideCreateHousehold(
        {
          tenantId: TENANT,
          changes: { nameOverride: 'The\u0000Smiths', greetingOverride: '\uDC00' },
        },
        { id: ID, now: T0 },
      ),
    );

    expect(err.code).toBe(ContactErrorCode.VALIDATION_FAILED);
    expect(err.fieldErrors.map((e) => e.field)).toEqual(['nameOverride', 'greetingOverride']);
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

  it('takes a deceased person’s death into the snapshot, so they do not name the household', () => {
    const once = join(givenHousehold(), JANE);

    const { household } = decideAddMember(
      once,
      { ...target(once), member: { contactId: JOHN.id } },
      { ...JOHN, deceased: true },
      T2,
    );

    expect(household.members[1]).toMatchObject({ contactId: JOHN.id, deceased: true });
    expect(household.name).toBe('Jane Smith');
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
