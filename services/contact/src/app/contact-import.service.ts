// Use cases of bulk import. A batch: split off rows an earlier upload committed (resume),
// validate each row with the same decision as a single create, match it in memory, write
// all creates of the batch at once (one small creates intent, one insertMany), then updates
// one by one, then the error chunk, then the job with its new checkpoint. A job's batches go
// through its lane (import-lane.ts). See docs/architecture.md, "Bulk import".
import { v7 as uuidv7 } from 'uuid';
import type { Contact, ContactFields } from '../domain/contact';
import type { ConsentRecord } from '../domain/consent';
import { CONTACT_EVENT_TYPES } from '../domain/contact-decisions';
import type { CustomFieldDefinition } from '../domain/custom-field';
import type { CustomFieldDefinitionSource } from './custom-field-definitions.cache';
import { ContactError, ContactErrorCode } from '../domain/contact-error';
import { ContactImportError } from '../domain/contact-import-error';
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
import { decideImportUpdate } from '../domain/contact-import-merge';
import { decideImportRow, rowErrorsOf, type ImportRowFields } from '../domain/import-row-decision';
import type { ImportMatcher, ImportMatcherFactory } from '../domain/import-matcher';
import type { OutboxItem } from '@kith/bus';
import { ImportLane } from './import-lane';
import { createdBatchMeta, toOutboxItems } from '../events/contact-events';
import { importFinishedItems } from '../events/contact-import-events';
import type { ContactRepository } from '../store/contact.repository';
import type {
  ContactImportRepository,
  ImportCell,
  ImportRowError,
} from '../store/contact-import.repository';

export interface ImportRowInput extends ImportRowFields {
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
  /** How long a batch that arrived before the ones ahead of it waits for them (RowOrderGate). */
  batchOrderWaitMs?: number;
}

const BATCH_ORDER_WAIT_MS = 5000;

/** A batch decided and not written yet. */
interface BatchPlan {
  tenantId: string;
  jobId: string;
  rows: readonly ImportRowInput[];
  /** Rows an earlier upload stored (at or before the checkpoint). */
  done: readonly ImportRowInput[];
  todo: readonly ImportRowInput[];
  definitions: readonly CustomFieldDefinition[];
  outcomes: RowOutcome[];
  creates: Array<{ outcome: RowOutcome; contact: Contact; items: OutboxItem[] }>;
  updates: Array<{ outcome: RowOutcome; fields: ContactFields; consents: ConsentRecord[] }>;
  /** The actor and trace context of the request, for a creation said again after a crash. */
  createdMeta: Record<string, string>;
}

/** Rows decided between two turns of the event loop. */
const DECIDE_SLICE = 250;

/** Matchers of open jobs kept in memory; a job whose matcher was dropped re-loads it. */
const MAX_CACHED_MATCHERS = 8;

export class ContactImportService {
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly matchers = new Map<string, ImportMatcher>();
  private readonly lanes = new Map<string, ImportLane>();

  constructor(private readonly deps: ContactImportServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
  }

  /** `id`: chosen by the caller when a create must land under one id (an idempotency key). */
  async start(command: StartImportCommand, id = this.newId()): Promise<ContactImportJob> {
    const job = newImportJob(command, { id, now: this.now() });
    await this.deps.imports.insert(job);
    return job;
  }

  async get(tenantId: string, id: string): Promise<ContactImportJob> {
    const job = await this.deps.imports.find(tenantId, id);
    if (!job) throw ContactImportError.notFound(id);
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
      throw ContactImportError.validation([
        { field: 'pageToken', message: 'not a token we issued' },
      ]);
    }
    const chunkId = job.errorChunks[index];
    if (!chunkId) return { errors: [] };
    const errors = await this.deps.imports.errorChunk(tenantId, chunkId);
    const next = index + 1 < job.errorChunks.length ? String(index + 1) : undefined;
    return next ? { errors, nextPageToken: next } : { errors };
  }

  /**
   * One batch of rows. Batches of one job may arrive while earlier ones are still being
   * written (the gateway keeps two in flight), and not always in the order they were sent:
   * the job's lane admits them in row order, decides them in order and writes them in order, overlapping one batch's decisions with the previous one's writes.
   */
  importRows(
    tenantId: string,
    jobId: string,
    rows: readonly ImportRowInput[],
  ): Promise<{ job: ContactImportJob; outcomes: RowOutcome[] }> {
    let lane = this.lanes.get(jobId);
    if (!lane) {
      // Batches enter in row order from the first row the job has not stored.
      const firstRow = () => this.get(tenantId, jobId).then((job) => job.checkpoint + 1);
      lane = new ImportLane(
        (idle, failed) => {
          if (this.lanes.get(jobId) === idle) this.lanes.delete(jobId);
          // Its matcher may remember contacts of the failed batch that were never stored.
          if (failed) this.matchers.delete(jobId);
        },
        { firstRow, waitMs: this.deps.batchOrderWaitMs ?? BATCH_ORDER_WAIT_MS },
      );
      this.lanes.set(jobId, lane);
    }
    const numbers = rows.map((row) => row.rowNumber);
    return lane.run(
      () => this.decideBatch(tenantId, jobId, rows),
      (plan) => this.writeBatch(plan),
      numbers.length > 0 ? { first: Math.min(...numbers), last: Math.max(...numbers) } : undefined,
    );
  }

  /** Reads, validates and matches every row; writes nothing. */
  private async decideBatch(
    tenantId: string,
    jobId: string,
    rows: readonly ImportRowInput[],
  ): Promise<BatchPlan> {
    const job = await this.get(tenantId, jobId);
    const { done, todo } = splitBatch(job, rows);
    const definitions = (await this.deps.customFields?.forRecordType(job.tenantId, job.kind)) ?? [];
    const decided =
      todo.length > 0
        ? await this.decideRows(job, await this.matcherFor(job), todo, definitions)
        : { outcomes: [], creates: [], updates: [] };
    const createdMeta = createdBatchMeta({ actorId: job.createdBy });
    return { tenantId, jobId, rows, done, todo, definitions, createdMeta, ...decided };
  }

  /** Stores the batch: contacts, updates, the error chunk, then the job (its checkpoint last). */
  private async writeBatch(
    decided: BatchPlan,
  ): Promise<{ job: ContactImportJob; outcomes: RowOutcome[] }> {
    // Read again: the batch before this one was written after this one was decided.
    const job = await this.get(decided.tenantId, decided.jobId);
    const plan = withoutStoredSince(decided, job.checkpoint);
    if (!job.dryRun) await this.writeRows(job, plan);
    const outcomes = new Map<number, RowOutcome>();
    for (const row of plan.done) {
      outcomes.set(row.rowNumber, { rowNumber: row.rowNumber, status: 'skipped-done' });
    }
    for (const outcome of plan.outcomes) outcomes.set(outcome.rowNumber, outcome);
    const ordered = plan.rows.map((row) => outcomes.get(row.rowNumber) as RowOutcome);
    const failed = plan.todo.filter((row) => outcomes.get(row.rowNumber)?.status === 'failed');
    const firstRow = plan.todo[0]?.rowNumber;
    let chunkId: string | undefined;
    if (failed.length > 0 && firstRow !== undefined) {
      chunkId = errorChunkId(job.id, firstRow);
      await this.deps.imports.saveErrors(
        job.tenantId,
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

  private async decideRows(
    job: ContactImportJob,
    matcher: ImportMatcher,
    rows: readonly ImportRowInput[],
    definitions: readonly CustomFieldDefinition[],
  ): Promise<Pick<BatchPlan, 'outcomes' | 'creates' | 'updates'>> {
    const outcomes: RowOutcome[] = [];
    const created: Array<{ outcome: RowOutcome; contact: Contact }> = [];
    const updates: BatchPlan['updates'] = [];
    const now = this.now();
    for (const row of rows) {
      const decision = decideImportRow(job, row, { matcher, definitions, id: this.newId(), now });
      outcomes.push(decision.outcome);
      if ('create' in decision)
        created.push({ outcome: decision.outcome, contact: decision.create });
      if ('update' in decision) {
        const { outcome, update, consents } = decision;
        updates.push({ outcome, fields: update, consents });
      }
      // Lets the previous batch's write stage, waiting on the database, go on in between.
      if (outcomes.length % DECIDE_SLICE === 0) await new Promise((r) => setImmediate(r));
    }
    if (job.dryRun) for (const { outcome } of created) delete outcome.contactId;
    // The events are built now, in the request's trace context, all in one call.
    const items = toOutboxItems(
      created.map(({ contact }) => ({ type: CONTACT_EVENT_TYPES.created, contact })),
      { actorId: job.createdBy },
    );
    const creates = created.map((create, i) => ({ ...create, items: [items[i] as OutboxItem] }));
    return { outcomes, creates, updates };
  }

  private async writeRows(job: ContactImportJob, plan: BatchPlan): Promise<void> {
    // One creates intent and one insertMany for the batch (@kith/bus, Outbox.stageCreates).
    const written = await this.deps.contacts
      .insertCreated(plan.creates, plan.createdMeta)
      .catch(() => new Set<string>());
    for (const { outcome, contact } of plan.creates) {
      if (!written.has(contact.id)) storeFailed(outcome);
    }
    // The matcher remembered every create; one that was not stored must not be matched.
    if (written.size < plan.creates.length) this.matchers.delete(job.id);
    // After the creates: a row may update a contact created earlier in the same batch.
    for (const update of plan.updates) {
      await this.update(job, update.outcome, update, plan.definitions).catch(() =>
        storeFailed(update.outcome),
      );
    }
  }

  /** One read by `_id` and one write per updated row; a lost race is retried once. */
  private async update(
    job: ContactImportJob,
    outcome: RowOutcome,
    row: { fields: ContactFields; consents: readonly ConsentRecord[] },
    definitions: readonly CustomFieldDefinition[],
  ) {
    const id = outcome.contactId as string;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.contacts.findById(job.tenantId, id);
      if (!stored || stored.contact.deletedAt) {
        return storeFailed(outcome, 'the matching contact is gone');
      }
      try {
        const { contact, events } = decideImportUpdate(stored.contact, row, {
          now: this.now(),
          definitions,
          ...(job.createdBy ? { actorId: job.createdBy } : {}),
        });
        if (events.length === 0) return;
        const items = toOutboxItems(events, { actorId: job.createdBy });
        await this.deps.contacts.update(contact, stored.contact.version, stored.outboxLog, items);
        return;
      } catch (err) {
        if (!(err instanceof ContactError)) throw err;
        if (err.code === ContactErrorCode.VERSION_CONFLICT && attempt < 2) continue;
        outcome.status = 'failed';
        outcome.errors = rowErrorsOf(err);
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

/**
 * The plan without the rows an earlier batch of the lane stored after this one was decided
 * (the same rows sent again while their first batch was still being written, e.g. a client's
 * retry): they are done, like rows at or below the checkpoint, and are not written twice.
 */
function withoutStoredSince(plan: BatchPlan, checkpoint: number): BatchPlan {
  const fresh = (rowNumber: number) => rowNumber > checkpoint;
  if (plan.todo.every((row) => fresh(row.rowNumber))) return plan;
  return {
    ...plan,
    done: [...plan.done, ...plan.todo.filter((row) => !fresh(row.rowNumber))],
    todo: plan.todo.filter((row) => fresh(row.rowNumber)),
    outcomes: plan.outcomes.filter((outcome) => fresh(outcome.rowNumber)),
    creates: plan.creates.filter((create) => fresh(create.outcome.rowNumber)),
    updates: plan.updates.filter((update) => fresh(update.outcome.rowNumber)),
  };
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
