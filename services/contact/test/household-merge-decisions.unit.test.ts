import { ContactErrorCode } from '../src/domain/contact-error';
import { HOUSEHOLD_EVENT_TYPES } from '../src/domain/household-decisions';
import { decideReplaceMember } from '../src/domain/household-merge-decisions';
import {
  JANE,
  JOHN,
  T2,
  errorOf,
  givenHousehold,
  givenJaneAndJohn,
  join,
  person,
  target,
} from './support/household-givens';

const JANET = person('c-janet', 'Janet', 'Smith');
const ALEX = person('c-alex', 'Alex', 'Jones');

function replace(household = givenJaneAndJohn(), victimId = JOHN.id, survivor = ALEX) {
  return decideReplaceMember(
    household,
    { ...target(household), victimId, survivorId: survivor.id },
    survivor,
    T2,
  );
}

describe('a merge survivor taking the victim’s household place', () => {
  it('lets the victim leave and the survivor join in one version', () => {
    const before = givenJaneAndJohn();

    const { household } = replace(before);

    expect(household.version).toBe(before.version + 1);
    expect(household.members.filter((m) => !m.leftAt).map((m) => m.contactId)).toEqual([
      JANE.id,
      ALEX.id,
    ]);
    expect(household.members.find((m) => m.contactId === JOHN.id)?.leftAt).toBe(T2);
  });

  it('says so in one updated event with both member changes', () => {
    const { household, events } = replace();

    expect(events).toEqual([
      {
        type: HOUSEHOLD_EVENT_TYPES.updated,
        household,
        changedFields: ['name', 'greeting', 'members'],
        memberChanges: [
          { contactId: JOHN.id, change: 'left' },
          { contactId: ALEX.id, change: 'joined' },
        ],
      },
    ]);
  });

  it('generates the names from the new members, never from both', () => {
    const { household } = replace();

    expect(household.name).toBe('Jane Smith and Alex Jones');
  });

  it('gives the survivor the victim’s role', () => {
    const home = join(join(givenHousehold(), JANE), JANET, 'child');

    const { household } = replace(home, JANET.id, ALEX);

    expect(household.members.at(-1)).toMatchObject({ contactId: ALEX.id, role: 'child' });
  });

  it('refuses a household where the victim is no current member', () => {
    expect(errorOf(() => replace(givenJaneAndJohn(), JANET.id)).code).toBe(
      ContactErrorCode.NOT_FOUND,
    );
  });

  it('refuses a survivor who is no live person', () => {
    const deleted = { ...ALEX, deleted: true };

    expect(errorOf(() => replace(givenJaneAndJohn(), JOHN.id, deleted)).code).toBe(
      ContactErrorCode.FAILED_PRECONDITION,
    );
  });
});
