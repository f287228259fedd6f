// Households as the decision tests need them: fixed times, two people, and a few givens.
import { DomainError } from '@kith/errors';
import type { Household, PersonForMembership } from '../../src/domain/household';
import {
  decideAddMember,
  decideCreateHousehold,
  decideUpdateHousehold,
} from '../../src/domain/household-decisions';

export const T0 = '2026-01-01T10:00:00.000Z';
export const T1 = '2026-01-02T10:00:00.000Z';
export const T2 = '2026-01-03T10:00:00.000Z';
export const ID = '01900000-0000-7000-8000-00000000000h';
export const TENANT = 'tenant-a';

export function person(id: string, firstName: string, lastName: string): PersonForMembership {
  return { id, tenantId: TENANT, kind: 'person', version: 1, deleted: false, firstName, lastName };
}
export const JANE = person('c-jane', 'Jane', 'Smith');
export const JOHN = person('c-john', 'John', 'Smith');

export function givenHousehold(): Household {
  return decideCreateHousehold({ tenantId: TENANT, changes: {} }, { id: ID, now: T0 }).household;
}

export function target(household: Household) {
  return { id: household.id, tenantId: TENANT, expectedVersion: household.version };
}

export function join(household: Household, who: PersonForMembership, role = 'adult'): Household {
  return decideAddMember(
    household,
    { ...target(household), member: { contactId: who.id, role } },
    who,
    T1,
  ).household;
}

export function givenJaneAndJohn(): Household {
  return join(join(givenHousehold(), JANE), JOHN);
}

/** John's contact after he was marked deceased, as kith.contact.updated.v1 carries it. */
export const JOHN_DIED = {
  contactId: JOHN.id,
  version: 2,
  firstName: 'John',
  lastName: 'Smith',
  deceased: true,
};

export function withNameOverride(household: Household, nameOverride: string): Household {
  return decideUpdateHousehold(household, { ...target(household), changes: { nameOverride } }, T2)
    .household;
}

export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a HouseholdError or ContactError');
}
