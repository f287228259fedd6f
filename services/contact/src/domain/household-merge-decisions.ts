// A merge survivor takes the victim's household place in one household write: the victim
// leaves and the survivor joins (the victim's role and address choice) in one version and one
// kith.household.updated.v1, so the generated names change once, from the old members to the
// new ones, never through a state with both or neither. Pure, like household-decisions.ts.
import {
  changedHouseholdFields,
  decideAddMember,
  decideRemoveMember,
  HOUSEHOLD_EVENT_TYPES,
  type HouseholdDecision,
} from './household-decisions';
import type { Household, PersonForMembership } from './household';

export function decideReplaceMember(
  current: Household | undefined,
  command: {
    id: string;
    tenantId: string;
    expectedVersion: number;
    victimId: string;
    survivorId: string;
  },
  survivor: PersonForMembership | undefined,
  now: string,
): HouseholdDecision {
  // Refuses a household that is missing, deleted, stale or without the victim as a member.
  const left = decideRemoveMember(current, { ...command, contactId: command.victimId }, now);
  const before = current as Household;
  const place = before.members.find((m) => m.contactId === command.victimId && !m.leftAt);
  // Joins the state after the leave as if it were still the version the caller read, so the
  // whole replacement is one version step.
  const joined = decideAddMember(
    { ...left.household, version: before.version },
    {
      ...command,
      member: {
        contactId: command.survivorId,
        ...(place ? { role: place.role, inheritsAddress: place.inheritsAddress } : {}),
      },
    },
    survivor,
    now,
  );
  const household = joined.household;
  return {
    household,
    events: [
      {
        type: HOUSEHOLD_EVENT_TYPES.updated,
        household,
        changedFields: changedHouseholdFields(before, household),
        memberChanges: [
          { contactId: command.victimId, change: 'left' },
          { contactId: command.survivorId, change: 'joined' },
        ],
      },
    ],
  };
}
