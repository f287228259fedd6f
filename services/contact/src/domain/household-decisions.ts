// Pure household decisions: given the current state, a command, the clock and new ids,
// answer the next state and its events, or throw a ContactError. No I/O. The one-household-
// per-person claim is the store's job (app/household.service.ts); these rules see one
// household at a time.
import { EVENT_TYPES } from '@kith/events';
import { HouseholdError, HouseholdErrorCode } from './household-error';
import {
  HOUSEHOLD_LIMITS,
  currentMembers,
  isCurrentMember,
  type Household,
  type HouseholdChanges,
  type HouseholdMember,
  type MemberNameSnapshot,
  type PersonForMembership,
} from './household';
import { generateHouseholdNames } from './household-name.util';
import {
  validateHouseholdChanges,
  validateMemberInput,
  type MemberInput,
} from './household-validation';

export const HOUSEHOLD_EVENT_TYPES = {
  created: EVENT_TYPES.householdCreated,
  updated: EVENT_TYPES.householdUpdated,
  deleted: EVENT_TYPES.householdDeleted,
} as const;

/** Top-level snapshot fields an update can change, as the catalogue's `changedFields` names them. */
export const HOUSEHOLD_CHANGEABLE_FIELDS = [
  'name',
  'greeting',
  'nameOverride',
  'greetingOverride',
  'mailingAddress',
  'members',
] as const;
export type HouseholdField = (typeof HOUSEHOLD_CHANGEABLE_FIELDS)[number];

export interface MemberChange {
  contactId: string;
  change: 'joined' | 'left' | 'renamed';
}

export type HouseholdEvent =
  | { type: typeof HOUSEHOLD_EVENT_TYPES.created; household: Household }
  | {
      type: typeof HOUSEHOLD_EVENT_TYPES.updated;
      household: Household;
      changedFields: HouseholdField[];
      memberChanges: MemberChange[];
    }
  | { type: typeof HOUSEHOLD_EVENT_TYPES.deleted; household: Household };

export interface HouseholdDecision {
  household: Household;
  /** Empty when nothing changed: no write, no event, the version stays. */
  events: HouseholdEvent[];
}

interface Target {
  id: string;
  tenantId: string;
  expectedVersion: number;
}

export function decideCreateHousehold(
  command: { tenantId: string; changes: HouseholdChanges },
  context: { id: string; now: string },
): HouseholdDecision {
  const changes = validateHouseholdChanges(command.changes);
  const household = withNames({
    id: context.id,
    tenantId: command.tenantId,
    version: 1,
    name: '',
    greeting: '',
    ...(changes.nameOverride ? { nameOverride: changes.nameOverride } : {}),
    ...(changes.greetingOverride ? { greetingOverride: changes.greetingOverride } : {}),
    ...(changes.mailingAddress ? { mailingAddress: changes.mailingAddress } : {}),
    members: [],
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { household, events: [{ type: HOUSEHOLD_EVENT_TYPES.created, household }] };
}

export function decideUpdateHousehold(
  current: Household | undefined,
  command: Target & { changes: HouseholdChanges },
  now: string,
): HouseholdDecision {
  const existing = checkWritable(current, command);
  const changes = validateHouseholdChanges(command.changes);
  const next: Household = { ...existing };
  if (changes.nameOverride !== undefined) next.nameOverride = changes.nameOverride ?? undefined;
  if (changes.greetingOverride !== undefined) {
    next.greetingOverride = changes.greetingOverride ?? undefined;
  }
  if (changes.mailingAddress !== undefined) {
    next.mailingAddress = changes.mailingAddress ?? undefined;
  }
  for (const field of ['nameOverride', 'greetingOverride', 'mailingAddress'] as const) {
    // Absent rather than undefined, so snapshots and comparisons stay clean.
    if (next[field] === undefined) delete next[field];
  }
  return changed(existing, withNames(next), now, []);
}

/**
 * A live person of the same tenant joins. The person is read by the caller (undefined when
 * there is no such contact); a missing, deleted or foreign one fails the same way, so ids of
 * other tenants reveal nothing.
 */
export function decideAddMember(
  current: Household | undefined,
  command: Target & { member: MemberInput },
  person: PersonForMembership | undefined,
  now: string,
): HouseholdDecision {
  const existing = checkWritable(current, command);
  const input = validateMemberInput(command.member);
  if (!person || person.tenantId !== existing.tenantId || person.deleted) {
    throw HouseholdError.refused(`contact ${input.contactId} is not a live person`, [
      { field: 'contactId', message: 'no live person with this id' },
    ]);
  }
  if (person.kind !== 'person') {
    throw HouseholdError.refused(`contact ${input.contactId} is an organization`, [
      { field: 'contactId', message: 'only people can join a household' },
    ]);
  }
  if (isCurrentMember(existing, input.contactId)) {
    throw new HouseholdError(
      HouseholdErrorCode.ALREADY_EXISTS,
      `contact ${input.contactId} is already a member of household ${existing.id}`,
    );
  }
  if (currentMembers(existing).length >= HOUSEHOLD_LIMITS.currentMembers) {
    throw HouseholdError.refused(
      `household ${existing.id} has ${HOUSEHOLD_LIMITS.currentMembers} members already`,
    );
  }
  // Former members' history goes first when the document would grow too big.
  const kept = existing.members.slice(-(HOUSEHOLD_LIMITS.members - 1));
  const member: HouseholdMember = {
    ...input,
    joinedAt: now,
    contactVersion: person.version,
    ...nameSnapshot(person),
  };
  const next = withNames({ ...existing, members: [...kept, member] });
  return changed(existing, next, now, [{ contactId: input.contactId, change: 'joined' }]);
}

/** The member stays with leftAt set (history); the names are generated again. */
export function decideRemoveMember(
  current: Household | undefined,
  command: Target & { contactId: string },
  now: string,
): HouseholdDecision {
  const existing = checkWritable(current, command);
  if (!isCurrentMember(existing, command.contactId)) {
    throw new HouseholdError(
      HouseholdErrorCode.NOT_FOUND,
      `contact ${command.contactId} is not a member of household ${existing.id}`,
    );
  }
  const members = existing.members.map((m) =>
    m.contactId === command.contactId && m.leftAt === undefined ? { ...m, leftAt: now } : m,
  );
  const next = withNames({ ...existing, members });
  return changed(existing, next, now, [{ contactId: command.contactId, change: 'left' }]);
}

/** Soft delete: every current member leaves with it, so each is free to join another. */
export function decideDeleteHousehold(
  current: Household | undefined,
  command: Target,
  now: string,
): HouseholdDecision {
  const existing = checkWritable(current, command);
  const household: Household = {
    ...existing,
    members: existing.members.map((m) => (m.leftAt === undefined ? { ...m, leftAt: now } : m)),
    version: existing.version + 1,
    updatedAt: now,
    deletedAt: now,
  };
  return { household, events: [{ type: HOUSEHOLD_EVENT_TYPES.deleted, household }] };
}

/**
 * A current member was renamed or marked deceased, or no longer is (from
 * kith.contact.updated.v1). Reported as change 'renamed': the member's snapshot was refreshed.
 * Idempotent: an event not newer than the snapshot, or one that changes neither a name nor
 * the death, decides nothing. No expected version: this
 * is the service reacting, not a caller; the store's version claim still guards the write.
 */
export function decideRefreshMemberName(
  current: Household | undefined,
  person: { contactId: string; version: number } & MemberNameSnapshot,
  now: string,
): HouseholdDecision {
  const unchanged = (household: Household): HouseholdDecision => ({ household, events: [] });
  if (!current || current.deletedAt) return unchanged(current as Household);
  const index = current.members.findIndex(
    (m) => m.contactId === person.contactId && m.leftAt === undefined,
  );
  const member = current.members[index];
  if (!member || member.contactVersion >= person.version) return unchanged(current);
  const snapshot = nameSnapshot(person);
  const members = [...current.members];
  members[index] = {
    ...withoutNames(member),
    ...snapshot,
    contactVersion: person.version,
  };
  if (sameSnapshot(member, snapshot)) {
    // Only the version moved: store nothing, the next real rename still compares correctly.
    return unchanged(current);
  }
  const next = withNames({ ...current, members });
  return changed(current, next, now, [{ contactId: person.contactId, change: 'renamed' }]);
}

/** The top-level fields whose values differ, in HOUSEHOLD_CHANGEABLE_FIELDS order. */
export function changedHouseholdFields(before: Household, after: Household): HouseholdField[] {
  return HOUSEHOLD_CHANGEABLE_FIELDS.filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
}

/** The names in effect: an override wins, else the generated one. */
export function withNames(household: Household): Household {
  const generated = generateHouseholdNames(household.members);
  return {
    ...household,
    name: household.nameOverride ?? generated.name,
    greeting: household.greetingOverride ?? generated.greeting,
  };
}

function changed(
  before: Household,
  after: Household,
  now: string,
  memberChanges: MemberChange[],
): HouseholdDecision {
  const changedFields = changedHouseholdFields(before, after);
  if (changedFields.length === 0) return { household: before, events: [] };
  const household = { ...after, version: before.version + 1, updatedAt: now };
  return {
    household,
    events: [{ type: HOUSEHOLD_EVENT_TYPES.updated, household, changedFields, memberChanges }],
  };
}

/** Existence, tenant, soft delete and version, in that order (as contacts do). */
function checkWritable(current: Household | undefined, command: Target): Household {
  if (!current || current.tenantId !== command.tenantId || current.id !== command.id) {
    throw householdNotFound(command.id);
  }
  if (current.deletedAt) {
    throw HouseholdError.alreadyDeleted(command.id);
  }
  if (!Number.isSafeInteger(command.expectedVersion) || command.expectedVersion < 1) {
    throw HouseholdError.validation([
      { field: 'expectedVersion', message: 'must be the version you read (1 or more)' },
    ]);
  }
  if (command.expectedVersion !== current.version) {
    throw HouseholdError.versionConflict(command.id, command.expectedVersion, current.version);
  }
  return current;
}

export function householdNotFound(id: string): HouseholdError {
  return HouseholdError.notFound(id);
}

function nameSnapshot(person: MemberNameSnapshot): MemberNameSnapshot {
  const snapshot: MemberNameSnapshot = {};
  if (person.firstName?.trim()) snapshot.firstName = person.firstName.trim();
  if (person.lastName?.trim()) snapshot.lastName = person.lastName.trim();
  // Absent while alive, so snapshots of the living stay as they were stored before.
  if (person.deceased === true) snapshot.deceased = true;
  return snapshot;
}

function withoutNames(member: HouseholdMember): HouseholdMember {
  const { firstName: _first, lastName: _last, deceased: _deceased, ...rest } = member;
  return rest;
}

function sameSnapshot(a: MemberNameSnapshot, b: MemberNameSnapshot): boolean {
  return (
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    (a.deceased === true) === (b.deceased === true)
  );
}
