// What an erasure does to the contact service's other records that mention the person: the
// name snapshots households keep of their members, relationship descriptions, and the audit
// trail's before/after values. Pure and idempotent: applied to a record already scrubbed,
// each answers "no change" (no write, no event), so a retried or replayed erasure is harmless.
import type { AuditEntry } from './contact-audit';
import { ERASED_FIELDS } from './contact-erase';
import type { Household } from './household';
import {
  HOUSEHOLD_EVENT_TYPES,
  changedHouseholdFields,
  withNames,
  type HouseholdDecision,
} from './household-decisions';
import type { Relationship } from './relationship';
import { RELATIONSHIP_EVENT_TYPES, type RelationshipDecision } from './relationship-decisions';

/** The erased person as dependents see them: the id, and the names to look for in free text. */
export interface ErasedPerson {
  contactId: string;
  /** First, last, preferred... names as they were; empty on a retry after the contact was erased. */
  names: readonly string[];
}

/** Stamped on an erased member's entries: no rename event can be newer, so none restores a name. */
export const ERASED_MEMBER_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * Removes the person's name snapshot from every entry (current and past), and a name or
 * greeting override that spells one of their names (an override is free text: "The Lovelace
 * family"), then generates the names again. A current member leaves (an erased contact is
 * deleted, and deleted people leave their household). The entries' contact version becomes
 * ERASED_MEMBER_VERSION, so a rename event still in flight (the household-members consumer
 * may lag) cannot write the old name back. Works on deleted households too.
 */
export function decideEraseHouseholdMember(
  current: Household,
  person: ErasedPerson,
  now: string,
): HouseholdDecision {
  const members = current.members.map((member) => {
    if (member.contactId !== person.contactId) return member;
    const { firstName: _first, lastName: _last, deceased: _deceased, ...rest } = member;
    return {
      ...rest,
      contactVersion: ERASED_MEMBER_VERSION,
      ...(member.leftAt === undefined && current.deletedAt === undefined ? { leftAt: now } : {}),
    };
  });
  const next: Household = { ...current, members };
  if (mentions(current.nameOverride, person.names)) delete next.nameOverride;
  if (mentions(current.greetingOverride, person.names)) delete next.greetingOverride;
  const named = withNames(next);
  const changedFields = changedHouseholdFields(current, named);
  if (changedFields.length === 0) return { household: current, events: [] };
  const household = { ...named, version: current.version + 1, updatedAt: now };
  return {
    household,
    events: [
      {
        type: HOUSEHOLD_EVENT_TYPES.updated,
        household,
        changedFields,
        memberChanges: [
          {
            contactId: person.contactId,
            change: current.members.some(
              (m) => m.contactId === person.contactId && m.leftAt === undefined,
            )
              ? 'left'
              : 'renamed',
          },
        ],
      },
    ],
  };
}

/**
 * Clears the description of a relationship of the erased person (free text about them, e.g.
 * "Ada's carer since her stroke"). The relationship itself stays: it is also the other
 * contact's, and the erased side is now an anonymous id. Deleted ones are scrubbed too.
 */
export function decideEraseRelationshipDescription(
  current: Relationship,
  now: string,
): RelationshipDecision {
  if (current.description === undefined) return { relationship: current, events: [] };
  const { description: _description, ...rest } = current;
  const relationship: Relationship = { ...rest, version: current.version + 1, updatedAt: now };
  return {
    relationship,
    events: [
      { type: RELATIONSHIP_EVENT_TYPES.updated, relationship, changedFields: ['description'] },
    ],
  };
}

/** Keeps who, when, which action and which fields; drops every before and after value. */
export function scrubAuditEntry(entry: AuditEntry): AuditEntry {
  return { ...entry, changes: entry.changes.map(({ field }) => ({ field })) };
}

/** True when the entry still holds a value (so it needs a write to scrub). */
export function auditEntryHoldsValues(entry: AuditEntry): boolean {
  return entry.changes.some((change) => 'before' in change || 'after' in change);
}

/** The audit trail's record of the erasure itself: who and when, the fields, no values. */
export function erasureAuditEntry(event: {
  id: string;
  data: {
    contactId: string;
    tenantId: string;
    version: number;
    erasedAt: string;
    actorId?: string;
  };
}): AuditEntry {
  const { data } = event;
  return {
    id: event.id,
    tenantId: data.tenantId,
    contactId: data.contactId,
    version: data.version,
    at: data.erasedAt,
    action: 'erased',
    ...(data.actorId ? { actorId: data.actorId } : {}),
    changes: ERASED_FIELDS.map((field) => ({ field })),
  };
}

/** The names of a person worth searching free text for (two letters or more). */
export function namesOf(person: Record<string, string | undefined> | undefined): string[] {
  return Object.values(person ?? {})
    .filter((name): name is string => typeof name === 'string' && name.trim().length >= 2)
    .map((name) => name.trim());
}

function mentions(text: string | undefined, names: readonly string[]): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return names.some((name) => lower.includes(name.toLowerCase()));
}
