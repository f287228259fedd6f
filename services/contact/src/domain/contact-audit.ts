// The audit trail: who changed what and when, one entry per contact event. Built from the
// contact service's own events (events/contact-audit.consumer.ts), so it cannot miss a write
// the outbox published, and it can be rebuilt by replaying the topic.
import type { ConsentRecordData, ContactSnapshot } from '@kith/events';

export const AUDIT_ACTIONS = [
  'created',
  'updated',
  'deleted',
  'consent-changed',
  'erased',
  'merged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditChange {
  /** A top-level contact field, or `communication.<channel>` for consent. */
  field: string;
  /** Absent when the field was unset (or on create). */
  before?: unknown;
  /** Absent when the change cleared the field, and on create (the fields set, not values). */
  after?: unknown;
}

export interface AuditEntry {
  /** The event id: one entry per event, so replays and redeliveries add nothing. */
  id: string;
  tenantId: string;
  contactId: string;
  version: number;
  /** When the change happened (the event's time), UTC ISO-8601. */
  at: string;
  action: AuditAction;
  /** The user (JWT sub); absent for system changes. */
  actorId?: string;
  changes: AuditChange[];
}

/** What the audit needs from an event: its id, type, time and data. */
export interface AuditSource {
  id: string;
  type: string;
  time: string;
  data: {
    contact: ContactSnapshot;
    actorId?: string;
    changedFields?: string[];
    previous?: Record<string, unknown>;
    consent?: ConsentRecordData;
    /** kith.contact.merged.v1: the contact the survivor absorbed. */
    victimId?: string;
  };
}

// Bookkeeping fields of a snapshot that are not the contact's data.
const NOT_AUDITED = new Set([
  'id',
  'tenantId',
  'kind',
  'version',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'reachability',
  'communication',
]);

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** On create, defaults (false flags, empty lists) say nothing worth recording. */
function isDefault(value: unknown): boolean {
  if (isUnset(value) || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

/** The audit entry of a contact event; undefined for types the audit does not record. */
export function auditEntryOf(event: AuditSource): AuditEntry | undefined {
  const { contact } = event.data;
  const base = {
    id: event.id,
    tenantId: contact.tenantId,
    contactId: contact.id,
    version: contact.version,
    at: event.time,
    ...(event.data.actorId ? { actorId: event.data.actorId } : {}),
  };
  const snapshot = contact as Record<string, unknown>;
  switch (event.type) {
    case 'kith.contact.created.v1':
      // The fields a creation set, not their values: version 1's values are the contact's
      // own until changed, and every update entry keeps the value before. An import of 100k
      // contacts would otherwise store every contact twice more (bench/contact-import).
      return {
        ...base,
        action: 'created',
        changes: Object.entries(snapshot)
          .filter(([field, value]) => !NOT_AUDITED.has(field) && !isDefault(value))
          .map(([field]) => ({ field })),
      };
    case 'kith.contact.updated.v1':
      return {
        ...base,
        action: 'updated',
        changes: (event.data.changedFields ?? []).map((field) =>
          change(field, event.data.previous?.[field], snapshot[field]),
        ),
      };
    case 'kith.contact.deleted.v1':
      return {
        ...base,
        action: 'deleted',
        changes: [{ field: 'deletedAt', after: contact.deletedAt }],
      };
    case 'kith.contact.consent-changed.v1': {
      const consent = event.data.consent;
      if (!consent) return undefined;
      return {
        ...base,
        action: 'consent-changed',
        changes: [{ field: `communication.${consent.channel}`, after: consent }],
      };
    }
    case 'kith.contact.merged.v1':
      // One entry, on the survivor (the event's contact): it absorbed the victim.
      return {
        ...base,
        action: 'merged',
        changes: [{ field: 'mergedFrom', after: event.data.victimId }],
      };
    default:
      return undefined;
  }
}

function change(field: string, before: unknown, after: unknown): AuditChange {
  const entry: AuditChange = { field };
  if (!isUnset(before)) entry.before = before;
  if (!isUnset(after)) entry.after = after;
  return entry;
}
