// Use cases of bulk import. A batch: split off rows an earlier upload committed (resume),
// validate each row with the same decision as a single create, match it in memory, write
// all creates of the batch at once (one small creates intent, one insertMany), then updates one by one, then the error
// chunk, then the job with its new checkpoint. See docs/architecture.md, "Bulk import".
import { v7 as uuidv7 } from 'uuid';
import type { Contact, ContactFields, ContactFieldsInput } from '../domain/contact';
import { CONTACT_EVENT_TYPES, decideCreate, decideUpdate } from '../domain/contact-decisions';
import { customFieldsFromCells } from '../domain/custom-field-cells';
import type { CustomFieldDefinition } from '../domain/custom-field';
import type { CustomFieldDefinitionSource } from './custom-field-definitions.cache';
import { ContactError, ContactErrorCode, type ContactFieldError } from '../domain/contact-error';
import {
  applyBatch,
  errorChunkId,
  finishImportJob,
  newImportJob,
  splitBatch,
  type ContactImportJob,
  type RowOutcome,
  type StartImportCommand,
} from '../domain/contact-import';
import { mergeImportedFields } from '../domain/contact-import-merge';
import type { ImportMatcher, ImportMatcherFactory } from '../domain/import-matcher';
import { createdBatchMeta, toOutboxItems } from '../events/contact-events';
import { importFinishedItems } from '../events/contact-import-events';
import type { ContactRepository } from '../store/contact.repository';
import type {
  ContactImportRepository,
  ImportCell,
  ImportRowError,
} from '../store/contact-import.repository';

export interface ImportRowInput {
  rowNumber: number;
  fields: ContactFieldsInput;
  /** Problems the caller found while mapping cells to fields. */
  mappingErrors: ContactFieldError[];
  cells: ImportCell[];
}

export interface ContactImportServiceDeps {
  contacts: ContactRepository;
  imports: ContactImportRepository;
  matchers: ImportMatcherFactory;
  /** The tenant's custom field definitions: rows are checked like any create. */
  customFields?: CustomFieldDefinitionSource;
  now?: () => string;
  newId?: () => string;
}

/** Matchers of open jobs kept in memory; a job whose matcher was dropped re-loads it. */
const MAX_CACHED_MATCHERS = 8;

export class ContactImportService {
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly matchers = new Map<string, ImportMatcher>();

  constructor(private readonly deps: ContactImportServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
  }

  async start(command: StartImportCommand): Promise<ContactImportJob> {
    const job = newImportJob(command, { id: this.newId(), now: this.now() });
    await this.deps.imports.insert(job);
    return job;
  }

  async get(tenantId: string, id: string): Promise<ContactImportJob> {
    const job = await this.deps.imports.find(tenantId, id);
    if (!job) throw new ContactError(ContactErrorCode.NOT_FOUND, `import ${id} not found`);
    return job;
  }

  /** Finishing twice answers the finished job; only the first publishes the event. */
  async finish(tenantId: string, id: string, actorId?: string): Promise<ContactImportJob> {
    const current = await this.get(tenantId, id);
    if (current.status === 'finished') return current;
    const job = finishImportJob(current, this.now());
    await this.deps.imports.saveFinished(job, importFinishedItems(job, actorId));
    this.matchers.delete(id);
    return job;
  }

  /** One page of the error report per stored chunk; the token is the next chunk's index. */
  async errors(
    tenantId: string,
    id: string,
    pageToken: string,
  ): Promise<{ errors: ImportRowError[]; nextPageToken?: string }> {
    const job = await this.get(tenantId, id);
    const index = pageToken === '' ? 0 : Number(pageToken);
    if (!Number.isInteger(index) || index < 0) {
      throw ContactError.validation([{ field: 'pageToken', message: 'not a token we issued' }]);
    }
    const chunkId = job.errorChunks[index];
    if (!chunkId) return { errors: [] };
    const errors = await this.deps.imports.errorChunk(tenantId, chunkId);
    const next = index + 1 < job.errorChunks.length ? String(index + 1) : undefined;
    return next ? { errors, nextPageToken: next } : { errors };
  }

  async importRows(
    tenantId: string,
    jobId: string,
    rows: readonly ImportRowInput[],
  ): Promise<{ job: ContactImportJob; outcomes: RowOutcome[] }> {
    const job = await this.get(tenantId, jobId);
    const { done, todo } = splitBatch(job, rows);
    const outcomes = new Map<number, RowOutcome>();
    for (const row of done) {
      outcomes.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'skipped-done' });
    }
    if (todo.length > 0) {
      const matcher = await this.matcherFor(job);
      for (const outcome of await this.process(job, matcher, todo)) {
        outcomes.set(outcome.rowNumber, outcome);
      }
    }
    const ordered = rows.map((row) => outcomes.get(row.rowNumber) as RowOutcome);
    const failed = todo.filter((row) => outcomes.get(row.rowNumber)?.status === 'failed');
    const firstRow = todo[0]?.rowNumber;
    let chunkId: string | undefined;
    if (failed.length > 0 && firstRow !== undefined) {
      chunkId = errorChunkId(job.id, firstRow);
      await this.deps.imports.saveErrors(
        tenantId,
        job.id,
        chunkId,
        failed.map((row) => ({
          rowNumber: row.rowNumber,
          errors: outcomes.get(row.rowNumber)?.errors ?? [],
          cells: row.cells,
        })),
      );
    }
    const next = applyBatch(job, ordered, {
      now: this.now(),
      ...(chunkId ? { errorChunkId: chunkId } : {}),
    });
    if (next !== job) await this.deps.imports.save(next);
    return { job: next, outcomes: ordered };
  }

  private async process(
    job: ContactImportJob,
    matcher: ImportMatcher,
    rows: readonly ImportRowInput[],
  ): Promise<RowOutcome[]> {
    const outcomes: RowOutcome[] = [];
    const creates: Array<{ outcome: RowOutcome; contact: Contact }> = [];
    const updates: Array<{ outcome: RowOutcome; fields: ContactFields }> = [];
    const now = this.now();
    const definitions = (await this.deps.customFields?.forRecordType(job.tenantId, job.kind)) ?? [];
    for (const row of rows) {
      const outcome: RowOutcome = { rowNumber: row.rowNumber, status: 'failed' };
      outcomes.push(outcome);
      if (row.mappingErrors.length > 0) {
        outcome.errors = row.mappingErrors;
        continue;
      }
      let contact: Contact;
      try {
        const fields = row.fields.customFields
          ? {
              ...row.fields,
              customFields: customFieldsFromCells(definitions, row.fields.customFields),
            }
          : row.fields;
        const command = { tenantId: job.tenantId, kind: job.kind, fields };
        contact = decideCreate(job.createdBy ? { ...command, actorId: job.createdBy } : command, {
          id: this.newId(),
          now,
          customFields: definitions,
        }).contact;
      } catch (err) {
        if (!(err instanceof ContactError)) throw err;
        outcome.errors =
          err.fieldErrors.length > 0 ? err.fieldErrors : [{ field: '', message: err.message }];
        continue;
      }
      const match = job.onDuplicate === 'create' ? undefined : matcher.match(contact);
      if (match && job.onDuplicate === 'skip') {
        Object.assign(outcome, { status: 'skipped', contactId: match.existingId });
      } else if (match) {
        Object.assign(outcome, { status: 'updated', contactId: match.existingId });
        updates.push({ outcome, fields: contact });
      } else {
        Object.assign(outcome, { status: 'created', contactId: contact.id });
        matcher.remember(contact.id, contact);
        creates.push({ outcome, contact });
      }
    }
    if (job.dryRun) {
      for (const { outcome } of creates) delete outcome.contactId;
      return outcomes;
    }
    // One creates intent and one insertMany for the batch (@kith/bus, Outbox.stageCreates).
    const written = await this.deps.contacts
      .insertCreated(
        creates.map(({ contact }) => ({
          contact,
          items: toOutboxItems([{ type: CONTACT_EVENT_TYPES.created, contact }], {
            actorId: job.createdBy,
          }),
        })),
        createdBatchMeta({ actorId: job.createdBy }),
      )
      .catch(() => new Set<string>());
    for (const { outcome, contact } of creates) {
      if (!written.has(contact.id)) storeFailed(outcome);
    }
    // After the creates: a row may update a contact created earlier in the same batch.
    for (const update of updates) {
      await this.update(job, update.outcome, update.fields, definitions).catch(() =>
        storeFailed(update.outcome),
      );
    }
    return outcomes;
  }

  /** One read by `_id` and one write per updated row; a lost race is retried once. */
  private async update(
    job: ContactImportJob,
    outcome: RowOutcome,
    row: ContactFields,
    definitions: readonly CustomFieldDefinition[],
  ) {
    const id = outcome.contactId as string;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.contacts.findById(job.tenantId, id);
      if (!stored || stored.contact.deletedAt) {
        return storeFailed(outcome, 'the matching contact is gone');
      }
      const { fields, updateMask } = mergeImportedFields(stored.contact, row);
      if (updateMask.length === 0) return;
      try {
        const { contact, events } = decideUpdate(
          stored.contact,
          {
            id,
            tenantId: job.tenantId,
            expectedVersion: stored.contact.version,
            fields,
            updateMask,
            ...(job.createdBy ? { actorId: job.createdBy } : {}),
          },
          this.now(),
          definitions,
        );
        if (events.length === 0) return;
        const items = toOutboxItems(events, { actorId: job.createdBy });
        await this.deps.contacts.update(contact, stored.contact.version, stored.outboxLog, items);
        return;
      } catch (err) {
        if (!(err instanceof ContactError)) throw err;
        if (err.code === ContactErrorCode.VERSION_CONFLICT && attempt < 2) continue;
        outcome.status = 'failed';
        outcome.errors =
          err.fieldErrors.length > 0 ? err.fieldErrors : [{ field: '', message: err.message }];
        return;
      }
    }
  }

  private async matcherFor(job: ContactImportJob): Promise<ImportMatcher> {
    const cached = this.matchers.get(job.id);
    if (cached) return cached;
    const matcher = await this.deps.matchers.prepare(job.tenantId, job.kind);
    if (this.matchers.size >= MAX_CACHED_MATCHERS) {
      const oldest = this.matchers.keys().next().value;
      if (oldest !== undefined) this.matchers.delete(oldest);
    }
    this.matchers.set(job.id, matcher);
    return matcher;
  }
}

/** A write that failed for a reason other than the row's content (retry the import). */
function storeFailed(
  outcome: RowOutcome,
  message = 'could not be stored; import the row again',
): void {
  outcome.status = 'failed';
  outcome.errors = [{ field: '', message }];
  delete outcome.contactId;
}
