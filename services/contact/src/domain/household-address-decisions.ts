// A member who inherits (HouseholdMember.inheritsAddress) gets their household's mailing
// address for mail. The contact keeps a copy (Contact.householdAddress), so reachability, reads,
// lists and contact events count it without reading the household. These pure rules say what
// the copy should be, which members a household change may affect, and what writing it means.
// The copy is always worked out from the household as it is now, never from an event's
// snapshot: events that arrive late, twice or out of order (leaving one household and joining
// another are two keys, so two partitions) all end in the same state.
import type { Contact, HouseholdAddress } from './contact';
import { CONTACT_EVENT_TYPES, type Decision } from './contact-decisions';
import type { Household } from './household';

/** What the person inherits from the household their claim names; undefined: nothing. */
export function inheritedAddressOf(
  household: Household | undefined,
  contactId: string,
): HouseholdAddress | undefined {
  if (!household || household.deletedAt || !household.mailingAddress) return undefined;
  const member = household.members.find((m) => m.contactId === contactId && m.leftAt === undefined);
  if (!member?.inheritsAddress) return undefined;
  return { householdId: household.id, address: { ...household.mailingAddress } };
}

/** A kith.household.updated.v1 or .deleted.v1 as this rule reads it. */
export interface HouseholdChange {
  household: {
    deletedAt?: string | undefined;
    members: ReadonlyArray<{ contactId: string; inheritsAddress: boolean; leftAt?: string }>;
  };
  changedFields?: readonly string[];
  memberChanges?: ReadonlyArray<{ contactId: string; change: string }>;
}

/**
 * Whose copy a household change may have changed, each once: who joined or left; every
 * inheriting current member when the mailing address changed; every inheriting member who
 * left with a deleted household. A rename changes no address.
 */
export function membersToRecompute(change: HouseholdChange): string[] {
  const { household } = change;
  const ids = (change.memberChanges ?? [])
    .filter((c) => c.change === 'joined' || c.change === 'left')
    .map((c) => c.contactId);
  if (household.deletedAt !== undefined) {
    ids.push(
      ...household.members
        .filter((m) => m.inheritsAddress && m.leftAt === household.deletedAt)
        .map((m) => m.contactId),
    );
  } else if (change.changedFields?.includes('mailingAddress')) {
    ids.push(
      ...household.members
        .filter((m) => m.inheritsAddress && m.leftAt === undefined)
        .map((m) => m.contactId),
    );
  }
  return [...new Set(ids)];
}

/**
 * The contact holding `inherited` as its copy (undefined clears it). Nothing to write when it
 * holds that already (a redelivery, a replay) or is deleted (a deleted contact keeps its last
 * state, and reachability suppresses it anyway). Otherwise a new version and
 * kith.contact.updated.v1 naming `householdAddress`, so consumers see the new reachability.
 */
export function decideHouseholdAddress(
  current: Contact,
  inherited: HouseholdAddress | undefined,
  now: string,
): Decision {
  if (current.deletedAt || sameCopy(current.householdAddress, inherited)) {
    return { contact: current, events: [] };
  }
  const { householdAddress: _previous, ...rest } = current;
  const contact: Contact = {
    ...rest,
    ...(inherited ? { householdAddress: inherited } : {}),
    version: current.version + 1,
    updatedAt: now,
  };
  return {
    contact,
    events: [
      {
        type: CONTACT_EVENT_TYPES.updated,
        contact,
        changedFields: ['householdAddress'],
        before: current,
      },
    ],
  };
}

/** Equal whatever the key order the stores gave each side. */
function sameCopy(a: HouseholdAddress | undefined, b: HouseholdAddress | undefined): boolean {
  if (!a || !b) return a === b;
  const keys = [
    ...new Set([...Object.keys(a), ...Object.keys(a.address), ...Object.keys(b.address)]),
  ];
  keys.sort();
  return JSON.stringify(a, keys) === JSON.stringify(b, keys);
}
