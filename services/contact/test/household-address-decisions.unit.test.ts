import { reachability } from '../src/domain/consent';
import type { HouseholdAddress } from '../src/domain/contact';
import type { Household } from '../src/domain/household';
import {
  decideHouseholdAddress,
  inheritedAddressOf,
  membersToRecompute,
} from '../src/domain/household-address-decisions';
import {
  decideAddMember,
  decideDeleteHousehold,
  decideRemoveMember,
  decideUpdateHousehold,
} from '../src/domain/household-decisions';
import type { PostalAddress } from '../src/domain/postal-address';
import { aContact } from './support/contact-fixture';
import {
  JANE,
  JOHN,
  T1,
  T2,
  TENANT,
  givenHousehold,
  person,
  target,
} from './support/household-givens';

const ANN = person('c-ann', 'Ann', 'Smith');

const HOME: PostalAddress = {
  type: 'home',
  primary: false,
  line1: '1 Main St',
  city: 'Springfield',
  countryCode: 'US',
  valid: true,
};

/** A household at 1 Main St that Jane joined inheriting it, and John joined not inheriting. */
function givenHouseholdWithAddress(): Household {
  let household = decideUpdateHousehold(
    givenHousehold(),
    { ...target(givenHousehold()), changes: { mailingAddress: HOME } },
    T1,
  ).household;
  for (const [who, inheritsAddress] of [
    [JANE, true],
    [JOHN, false],
  ] as const) {
    household = decideAddMember(
      household,
      { ...target(household), member: { contactId: who.id, inheritsAddress } },
      who,
      T1,
    ).household;
  }
  return household;
}

function janeWithoutAddress(householdAddress?: HouseholdAddress) {
  return aContact({
    id: JANE.id,
    tenantId: TENANT,
    version: 3,
    ...(householdAddress ? { householdAddress } : {}),
  });
}

describe('what a member inherits', () => {
  it('is the household’s mailing address for a current member who inherits', () => {
    const household = givenHouseholdWithAddress();

    expect(inheritedAddressOf(household, JANE.id)).toEqual({
      householdId: household.id,
      address: household.mailingAddress,
    });
  });

  it('is nothing for a member who does not inherit, or someone who is no member', () => {
    const household = givenHouseholdWithAddress();

    expect(inheritedAddressOf(household, JOHN.id)).toBeUndefined();
    expect(inheritedAddressOf(household, 'c-stranger')).toBeUndefined();
    expect(inheritedAddressOf(undefined, JANE.id)).toBeUndefined();
  });

  it('is nothing once the member left, the household was deleted or its address cleared', () => {
    const household = givenHouseholdWithAddress();
    const left = decideRemoveMember(household, { ...target(household), contactId: JANE.id }, T2);
    const deleted = decideDeleteHousehold(household, target(household), T2);
    const cleared = decideUpdateHousehold(
      household,
      { ...target(household), changes: { mailingAddress: null } },
      T2,
    );

    expect(inheritedAddressOf(left.household, JANE.id)).toBeUndefined();
    expect(inheritedAddressOf(deleted.household, JANE.id)).toBeUndefined();
    expect(inheritedAddressOf(cleared.household, JANE.id)).toBeUndefined();
  });

  it('is the address as it is, invalid included: reachability decides', () => {
    const household = givenHouseholdWithAddress();
    const undeliverable = decideUpdateHousehold(
      household,
      { ...target(household), changes: { mailingAddress: { ...HOME, valid: false } } },
      T2,
    ).household;

    expect(inheritedAddressOf(undeliverable, JANE.id)?.address.valid).toBe(false);
  });
});

describe('whose copy a household change may affect', () => {
  it('is every inheriting current member when the address changed', () => {
    const household = givenHouseholdWithAddress();
    const [event] = decideUpdateHousehold(
      household,
      { ...target(household), changes: { mailingAddress: { ...HOME, valid: false } } },
      T2,
    ).events;

    expect(event && membersToRecompute(event)).toEqual([JANE.id]);
  });

  it('is the person who joined or left, whether they inherit or not', () => {
    const household = givenHouseholdWithAddress();
    const [left] = decideRemoveMember(
      household,
      { ...target(household), contactId: JOHN.id },
      T2,
    ).events;

    expect(left && membersToRecompute(left)).toEqual([JOHN.id]);
  });

  it('is every inheriting member who left with a deleted household, not earlier leavers', () => {
    const household = givenHouseholdWithAddress();
    const janeLeft = decideRemoveMember(
      household,
      { ...target(household), contactId: JANE.id },
      T1,
    ).household;
    const withAnn = decideAddMember(
      janeLeft,
      { ...target(janeLeft), member: { contactId: ANN.id, inheritsAddress: true } },
      ANN,
      T1,
    ).household;
    const [deleted] = decideDeleteHousehold(withAnn, target(withAnn), T2).events;

    expect(deleted && membersToRecompute(deleted)).toEqual([ANN.id]);
  });

  it('is nobody for a rename or an override', () => {
    const household = givenHouseholdWithAddress();

    expect(
      membersToRecompute({
        household,
        changedFields: ['name', 'greeting', 'members'],
        memberChanges: [{ contactId: JANE.id, change: 'renamed' }],
      }),
    ).toEqual([]);
    expect(
      membersToRecompute({ household, changedFields: ['nameOverride'], memberChanges: [] }),
    ).toEqual([]);
  });
});

describe('writing a member’s copy', () => {
  const inherited: HouseholdAddress = { householdId: 'h-1', address: HOME };

  it('sets it with a new version and an updated event, and mail becomes reachable', () => {
    const jane = janeWithoutAddress();

    const { contact, events } = decideHouseholdAddress(jane, inherited, T2);

    expect(contact).toMatchObject({ version: 4, updatedAt: T2, householdAddress: inherited });
    expect(events).toEqual([
      {
        type: 'kith.contact.updated.v1',
        contact,
        changedFields: ['householdAddress'],
        before: jane,
      },
    ]);
    expect(reachability(jane, '2026-01-03').mail.reasons).toEqual(['no-valid-address']);
    expect(reachability(contact, '2026-01-03').mail.suppressed).toBe(false);
  });

  it('clears it when nothing is inherited any more, and mail is suppressed again', () => {
    const jane = janeWithoutAddress(inherited);

    const { contact, events } = decideHouseholdAddress(jane, undefined, T2);

    expect(contact.householdAddress).toBeUndefined();
    expect('householdAddress' in contact).toBe(false);
    expect(events[0]).toMatchObject({ changedFields: ['householdAddress'], before: jane });
    expect(reachability(contact, '2026-01-03').mail.reasons).toEqual(['no-valid-address']);
  });

  it('writes nothing when the copy is already the same, whatever its key order', () => {
    const jane = janeWithoutAddress({
      address: {
        valid: true,
        countryCode: 'US',
        city: 'Springfield',
        line1: '1 Main St',
        primary: false,
        type: 'home',
      },
      householdId: 'h-1',
    });

    const decision = decideHouseholdAddress(jane, inherited, T2);

    expect(decision).toEqual({ contact: jane, events: [] });
  });

  it('writes when only the validity changed', () => {
    const jane = janeWithoutAddress(inherited);

    const { events } = decideHouseholdAddress(
      jane,
      { ...inherited, address: { ...HOME, valid: false } },
      T2,
    );

    expect(events).toHaveLength(1);
  });

  it('leaves a deleted contact alone', () => {
    const deleted = { ...janeWithoutAddress(inherited), deletedAt: T1 };

    expect(decideHouseholdAddress(deleted, undefined, T2)).toEqual({
      contact: deleted,
      events: [],
    });
  });
});
