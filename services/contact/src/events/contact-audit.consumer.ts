// Builds the audit trail from the contact service's own topic. A separate consumer group,
// so the trail can be rebuilt by resetting the group (replay) without touching anything else.
import { EVENT_TYPES, TOPICS, parseEventData, type EventEnvelope } from '@kith/events';
import type { ConsumerDeclaration } from '@kith/service-kit';
import { auditEntryOf, type AuditSource } from '../domain/contact-audit';
import { erasureAuditEntry } from '../domain/erase-dependents';
import type { ContactAuditRepository } from '../store/contact-audit.repository';

export const CONTACT_AUDIT_GROUP = 'contact-audit';

const AUDITED_TYPES = [
  EVENT_TYPES.contactCreated,
  EVENT_TYPES.contactUpdated,
  EVENT_TYPES.contactDeleted,
  EVENT_TYPES.contactConsentChanged,
  EVENT_TYPES.contactMerged,
] as const;

export function contactAuditConsumer(opts: {
  repository: ContactAuditRepository;
}): ConsumerDeclaration {
  // Validated against the catalogue: a malformed event fails and is dead-lettered.
  const entryOf = (event: EventEnvelope) => {
    const data = parseEventData(event.type as (typeof AUDITED_TYPES)[number], event.data);
    return auditEntryOf({ ...event, data } as AuditSource);
  };
  const handle = async (event: EventEnvelope): Promise<void> => {
    const entry = entryOf(event);
    if (entry) await opts.repository.record(entry);
  };
  // A run of events in one insertMany: an import of 100k contacts is 100k events, and on
  // FerretDB every insert is a transaction of its own (bench/README.md, contact-import).
  const handleRun = async (events: EventEnvelope[]): Promise<void> => {
    const entries = events.map(entryOf).filter((e) => e !== undefined);
    await opts.repository.recordMany(entries);
  };
  return {
    groupId: CONTACT_AUDIT_GROUP,
    topics: [TOPICS.contact],
    handlers: {
      ...Object.fromEntries(AUDITED_TYPES.map((type) => [type, handle])),
      // Erasure: the contact's earlier events are on the same partition (key = contact id), so
      // every entry they produced is recorded by now; scrub them, then record the erasure.
      // Both steps are idempotent, so a retry after a crash between them finishes the job.
      [EVENT_TYPES.contactErased]: async (event: EventEnvelope) => {
        const data = parseEventData(EVENT_TYPES.contactErased, event.data);
        await opts.repository.scrubContact(data.tenantId, data.contactId);
        await opts.repository.record(erasureAuditEntry({ id: event.id, data }));
      },
    },
    batchHandlers: Object.fromEntries(AUDITED_TYPES.map((type) => [type, handleRun])),
    // An entry's _id is its event id: a redelivered event inserts nothing.
    dedupe: 'handler',
  };
}
