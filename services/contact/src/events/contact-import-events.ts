// What the contact service publishes about import jobs: kith.contact-import.finished.v1 on
// kith.contact.v1, keyed by the job id. Contacts an import creates or updates publish their
// own contact events (contact-events.ts).
import { outboxItems, type OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, EVENT_TYPES, TOPICS, type ContactImportSnapshot } from '@kith/events';
import type { ContactImportJob } from '../domain/contact-import';

export function toContactImportSnapshot(job: ContactImportJob): ContactImportSnapshot {
  return {
    id: job.id,
    tenantId: job.tenantId,
    kind: job.kind,
    onDuplicate: job.onDuplicate,
    dryRun: job.dryRun,
    ...(job.fileName ? { fileName: job.fileName } : {}),
    rows: job.rows,
    created: job.created,
    updated: job.updated,
    skipped: job.skipped,
    failed: job.failed,
    ...(job.createdBy ? { createdBy: job.createdBy } : {}),
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? job.updatedAt,
  };
}

/** The envelope of a finished job, carrying the active (request) trace context. */
export function importFinishedItems(job: ContactImportJob, actorId?: string): OutboxItem[] {
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, [
    {
      type: EVENT_TYPES.contactImportFinished,
      key: job.id,
      tenantId: job.tenantId,
      time: job.finishedAt ?? job.updatedAt,
      data: { contactImport: toContactImportSnapshot(job), ...(actorId ? { actorId } : {}) },
    },
  ]);
}
