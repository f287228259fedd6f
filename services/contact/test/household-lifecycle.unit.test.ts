import { ContactErrorCode } from '../src/domain/contact-error';
import {
  HOUSEHOLD_EVENT_TYPES,
  decideDeleteHousehold,
  decideRefreshMemberName,
  decideRemoveMember,
  decideUpdateHousehold,
} from '../src/domain/household-decisions';
import {
  JOHN,
  JOHN_DIED,
  T1,
  T2,
  errorOf,
  givenHousehold,
  givenJaneAndJohn,
  target,
  withNameOverride,
} from './support/household-givens';

describe('changing overrides and the address', () => {
  it('clears an override with null, so the generated name comes back', () => {
    const named = withNameOverride(givenJaneAndJohn(), 'Mr and Mrs Smith');

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

describe('refreshing a member who died', () => {
  it('marks the member deceased and leaves them out of the generated names', () => {
    const household = givenJaneAndJohn();

    const { household: after, events } = decideRefreshMemberName(household, JOHN_DIED, T2);

    expect(after).toMatchObject({ name: 'Jane Smith', greeting: 'Jane', version: 4 });
    expect(after.members[1]).toMatchObject({ contactId: JOHN.id, deceased: true });
    expect(events[0]).toMatchObject({
      changedFields: ['name', 'greeting', 'members'],
      memberChanges: [{ contactId: JOHN.id, change: 'renamed' }],
    });
  });

  it('keeps the overrides as they were set', () => {
    const named = withNameOverride(givenJaneAndJohn(), 'Mr and Mrs Smith');

    const { household: after } = decideRefreshMemberName(named, JOHN_DIED, T2);

    expect(after).toMatchObject({ name: 'Mr and Mrs Smith', greeting: 'Jane' });
  });

  it('brings a member marked deceased by mistake back into the names', () => {
    const household = givenJaneAndJohn();
    const died = decideRefreshMemberName(household, JOHN_DIED, T2).household;

    const { household: after } = decideRefreshMemberName(
      died,
      { contactId: JOHN.id, version: 3, firstName: 'John', lastName: 'Smith' },
      T2,
    );

    expect(after.name).toBe('Jane and John Smith');
    expect(after.members[1]).not.toHaveProperty('deceased');
  });
});
