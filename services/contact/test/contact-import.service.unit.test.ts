// The batch use case with in-memory stores: what happens to each row (validation, matching
// against existing contacts and earlier rows, the duplicate action, dry run) and what the job
// remembers. The stores' own behaviour is covered by the end-to-end import test.
import type { OutboxItem, OutboxLogRecord } from '@kith/bus';
import { ContactImportService, type ImportRowInput } from '../src/app/contact-import.service';
import type { Contact, ContactFieldsInput } from '../src/domain/contact';
import { ContactErrorCode } from '../src/domain/contact-error';
import type { ContactImportJob, DuplicateAction } from '../src/domain/contact-import';
import { DEFAULT_MATCHING_RULES } from '../src/domain/contact-matching';
import { RuleImportMatcher } from '../src/domain/import-matcher';
import type {
  ContactImportRepository,
  ImportRowError,
} from '../src/store/contact-import.repository';
import type { ContactRepository, StoredContact } from '../src/store/contact.repository';
import { aContact } from './support/contact-fixture';

class MemoryContacts {
  readonly stored = new Map<string, StoredContact>();
  readonly events: OutboxItem[] = [];

  /** The next insertCreated fails as a whole (the store was unreachable). */
  failNextInsert?: Error;

  async insertCreated(creates: ReadonlyArray<{ contact: Contact; items: OutboxItem[] }>) {
    const failure = this.failNextInsert;
    this.failNextInsert = undefined;
    if (failure) throw failure;
    for (const { contact, items } of creates) {
      this.stored.set(contact.id, { contact, outboxLog: [] });
      this.events.push(...items);
    }
    return new Set(creates.map((c) => c.contact.id));
  }

  async update(contact: Contact, _expected: number, _log: OutboxLogRecord[], items: OutboxItem[]) {
    this.stored.set(contact.id, { contact, outboxLog: [] });
    this.events.push(...items);
  }

  async findById(tenantId: string, id: string) {
    const found = this.stored.get(id);
    return found && found.contact.tenantId === tenantId ? found : undefined;
  }
}

class MemoryImports {
  readonly jobs = new Map<string, ContactImportJob>();
  readonly chunks = new Map<string, ImportRowError[]>();
  async insert(job: ContactImportJob) {
    this.jobs.set(job.id, job);
  }
  async find(tenantId: string, id: string) {
    const job = this.jobs.get(id);
    return job && job.tenantId === tenantId ? job : undefined;
  }
  /** The next save throws this instead of storing the job (a lost connection, say). */
  failNextSave?: Error;
  async save(job: ContactImportJob) {
    const failure = this.failNextSave;
    this.failNextSave = undefined;
    if (failure) throw failure;
    this.jobs.set(job.id, job);
  }
  readonly finished: Array<{ job: ContactImportJob; items: OutboxItem[] }> = [];
  async saveFinished(job: ContactImportJob, items: OutboxItem[]) {
    this.jobs.set(job.id, job);
    this.finished.push({ job, items });
  }
  async saveErrors(_t: string, _j: string, chunkId: string, rows: ImportRowError[]) {
    this.chunks.set(chunkId, rows);
  }
  async errorChunk(_t: string, chunkId: string) {
    return this.chunks.get(chunkId) ?? [];
  }
}

const TENANT = 't-1';

function given(existing: Contact[] = [], options: { batchOrderWaitMs?: number } = {}) {
  const contacts = new MemoryContacts();
  for (const contact of existing) contacts.stored.set(contact.id, { contact, outboxLog: [] });
  let seq = 0;
  const imports = new MemoryImports();
  const service = new ContactImportService({
    contacts: contacts as unknown as ContactRepository,
    imports: imports as unknown as ContactImportRepository,
    matchers: {
      prepare: async () => new RuleImportMatcher(DEFAULT_MATCHING_RULES, 'person', existing),
    },
    now: () => '2026-03-01T10:00:00.000Z',
    newId: () => `id-${++seq}`,
    ...options,
  });
  return { service, contacts, imports };
}

function row(rowNumber: number, fields: ContactFieldsInput): ImportRowInput {
  return { rowNumber, fields, mappingErrors: [], cells: [] };
}

const ada = (email: string, extra: ContactFieldsInput = {}): ContactFieldsInput => ({
  person: { firstName: 'Ada', lastName: 'Lovelace' },
  emails: [{ address: email }],
  ...extra,
});

async function startJob(
  service: ContactImportService,
  onDuplicate: DuplicateAction,
  dryRun = false,
) {
  return service.start({ tenantId: TENANT, kind: 'person', onDuplicate, dryRun, actorId: 'u-1' });
}

const EXISTING = aContact({
  id: 'c-old',
  tenantId: TENANT,
  person: { firstName: 'Ada', lastName: 'Byron' },
  emails: [{ address: 'ada@example.org', type: 'other', primary: true, valid: true }],
});

describe('ContactImportService.importRows', () => {
  it('creates valid rows and fails invalid ones with the field errors of a single create', async () => {
    const { service, contacts } = given();
    const job = await startJob(service, 'skip');

    const { outcomes } = await service.importRows(TENANT, job.id, [
      row(1, ada('ada@example.org')),
      row(2, ada('not-an-email')),
    ]);

    expect(outcomes[0]).toMatchObject({ status: 'created', contactId: expect.any(String) });
    expect(outcomes[1]).toEqual({
      rowNumber: 2,
      status: 'failed',
      errors: [{ field: 'emails[0].address', message: 'is not a valid email address' }],
    });
    expect(contacts.events.map((e) => e.event.type)).toEqual(['kith.contact.created.v1']);
  });

  it('writes nothing to the console while importing a batch', async () => {
    const { service } = given();
    const job = await startJob(service, 'skip');
    const written: unknown[][] = [];
    const stderr = jest.spyOn(console, 'error').mockImplementation((...args) => {
      written.push(args);
    });

    try {
      await service.importRows(TENANT, job.id, [row(1, ada('ada@example.org'))]);
    } finally {
      stderr.mockRestore();
    }

    expect(written).toEqual([]);
  });

  it('skips a row that repeats the email of a row earlier in the same file', async () => {
    const { service } = given();
    const job = await startJob(service, 'skip');

    const { outcomes } = await service.importRows(TENANT, job.id, [
      row(1, ada('ada@example.org')),
      row(2, ada('ADA@example.org')),
    ]);

    expect(outcomes[1]).toMatchObject({ status: 'skipped', contactId: outcomes[0]?.contactId });
  });

  it('reports rows failed when their contacts could not be stored, and matches no later row against them', async () => {
    const { service, contacts } = given();
    const job = await startJob(service, 'skip');
    contacts.failNextInsert = new Error('connection reset');

    const first = await service.importRows(TENANT, job.id, [row(1, ada('ada@example.org'))]);
    const second = await service.importRows(TENANT, job.id, [row(2, ada('ada@example.org'))]);

    expect(first.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(second.outcomes[0]).toMatchObject({ status: 'created' });
    expect(contacts.stored.size).toBe(1);
  });

  it('fills the existing contact when the action is update', async () => {
    const { service, contacts } = given([EXISTING]);
    const job = await startJob(service, 'update');

    const { outcomes } = await service.importRows(TENANT, job.id, [
      row(1, ada('ada@example.org', { tags: ['gala'] })),
    ]);

    expect(outcomes[0]).toMatchObject({ status: 'updated', contactId: 'c-old' });
    const updated = contacts.stored.get('c-old')?.contact;
    expect(updated).toMatchObject({ version: 2, tags: ['gala'], person: { lastName: 'Lovelace' } });
  });

  it('creates a second contact when the action is create', async () => {
    const { service } = given([EXISTING]);
    const job = await startJob(service, 'create');

    const { outcomes } = await service.importRows(TENANT, job.id, [row(1, ada('ada@example.org'))]);

    expect(outcomes[0]).toMatchObject({ status: 'created' });
    expect(outcomes[0]?.contactId).not.toBe('c-old');
  });

  it('writes nothing in a dry run but says what would happen', async () => {
    const { service, contacts } = given();
    const job = await startJob(service, 'skip', true);

    const { outcomes, job: after } = await service.importRows(TENANT, job.id, [
      row(1, ada('ada@example.org')),
    ]);

    expect(outcomes).toEqual([{ rowNumber: 1, status: 'created' }]);
    expect(contacts.stored.size).toBe(0);
    expect(after.created).toBe(1);
  });

  it('answers rows sent again after the checkpoint as done, without writing them twice', async () => {
    const { service, contacts } = given();
    const job = await startJob(service, 'skip');
    await service.importRows(TENANT, job.id, [row(1, ada('a@example.org'))]);

    const { outcomes, job: after } = await service.importRows(TENANT, job.id, [
      row(1, ada('a@example.org')),
      row(2, ada('b@example.org')),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['skipped-done', 'created']);
    expect(contacts.stored.size).toBe(2);
    expect(after).toMatchObject({ checkpoint: 2, rows: 2, created: 2 });
  });

  it('keeps the failed rows with their cells for the report', async () => {
    const { service } = given();
    const job = await startJob(service, 'skip');
    const bad = { ...row(1, { emails: [] }), cells: [{ column: 'First', value: '' }] };

    await service.importRows(TENANT, job.id, [bad]);
    const report = await service.errors(TENANT, job.id, '');

    expect(report.errors).toEqual([
      {
        rowNumber: 1,
        errors: [{ field: 'person', message: 'a person needs a first or last name' }],
        cells: [{ column: 'First', value: '' }],
      },
    ]);
  });

  it('publishes kith.contact-import.finished.v1 with the counts once, however often it is finished', async () => {
    const { service, imports } = given();
    const job = await startJob(service, 'skip');
    await service.importRows(TENANT, job.id, [row(1, ada('a@example.org'))]);

    await service.finish(TENANT, job.id, 'u-2');
    const again = await service.finish(TENANT, job.id, 'u-2');

    expect(again.status).toBe('finished');
    expect(imports.finished).toHaveLength(1);
    expect(imports.finished[0]?.items[0]?.event).toMatchObject({
      type: 'kith.contact-import.finished.v1',
      subject: job.id,
      data: { contactImport: { id: job.id, rows: 1, created: 1, failed: 0 }, actorId: 'u-2' },
    });
  });

  it("answers NOT_FOUND for another tenant's job", async () => {
    const { service } = given();
    const job = await startJob(service, 'skip');

    await expect(service.importRows('t-2', job.id, [])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('ContactImportService.importRows with two batches of a job in flight', () => {
  const emailsOf = (contacts: MemoryContacts) =>
    [...contacts.stored.values()].map((s) => s.contact.emails[0]?.address);

  it('stores two batches sent without waiting exactly as if they were sent one after the other', async () => {
    const batches = [
      [row(1, ada('a@example.org')), row(2, ada('not-an-email'))],
      [row(3, ada('a@example.org')), row(4, ada('b@example.org'))],
    ];
    const concurrent = given();
    const concurrentJob = await startJob(concurrent.service, 'skip');
    const sequential = given();
    const sequentialJob = await startJob(sequential.service, 'skip');
    for (const rows of batches) await sequential.service.importRows(TENANT, sequentialJob.id, rows);

    await Promise.all(
      batches.map((rows) => concurrent.service.importRows(TENANT, concurrentJob.id, rows)),
    );

    const after = concurrent.imports.jobs.get(concurrentJob.id);
    expect(after).toEqual(sequential.imports.jobs.get(sequentialJob.id));
    expect(after).toMatchObject({ checkpoint: 4, rows: 4, created: 2, skipped: 1, failed: 1 });
  });

  it('skips a row of the second batch that repeats a row of the first one still being written', async () => {
    const { service } = given();
    const job = await startJob(service, 'skip');

    const [first, second] = await Promise.all([
      service.importRows(TENANT, job.id, [row(1, ada('ada@example.org'))]),
      service.importRows(TENANT, job.id, [row(2, ada('ADA@example.org'))]),
    ]);

    expect(second.outcomes[0]).toMatchObject({
      status: 'skipped',
      contactId: first.outcomes[0]?.contactId,
    });
  });

  it('refuses the second batch with FAILED_PRECONDITION and stores none of its contacts when the first batch fails', async () => {
    const { service, contacts, imports } = given();
    const job = await startJob(service, 'skip');
    imports.failNextSave = new Error('connection reset');

    const first = service.importRows(TENANT, job.id, [row(1, ada('a@example.org'))]);
    const second = service.importRows(TENANT, job.id, [row(2, ada('b@example.org'))]);

    await expect(first).rejects.toThrow('connection reset');
    await expect(second).rejects.toMatchObject({ code: ContactErrorCode.FAILED_PRECONDITION });
    expect(emailsOf(contacts)).not.toContain('b@example.org');
    expect(imports.jobs.get(job.id)).toMatchObject({ checkpoint: 0, rows: 0 });
  });

  it('takes the job again once the failed batches have settled', async () => {
    const { service, imports } = given();
    const job = await startJob(service, 'skip');
    imports.failNextSave = new Error('connection reset');
    await Promise.allSettled([
      service.importRows(TENANT, job.id, [row(1, ada('a@example.org'))]),
      service.importRows(TENANT, job.id, [row(2, ada('b@example.org'))]),
    ]);

    const resumed = await service.importRows(TENANT, job.id, [row(1, ada('c@example.org'))]);

    expect(resumed.job).toMatchObject({ checkpoint: 1, rows: 1, created: 1 });
  });

  it('forgets the contacts a refused batch had matched against, so its rows are created when sent again', async () => {
    const { service, contacts, imports } = given();
    const job = await startJob(service, 'skip');
    imports.failNextSave = new Error('connection reset');
    await Promise.allSettled([
      service.importRows(TENANT, job.id, [row(1, ada('a@example.org'))]),
      service.importRows(TENANT, job.id, [row(2, ada('b@example.org'))]),
    ]);

    const { outcomes } = await service.importRows(TENANT, job.id, [
      row(1, ada('a@example.org')),
      row(2, ada('b@example.org')),
    ]);

    expect(outcomes[1]).toMatchObject({ status: 'created' });
    expect(emailsOf(contacts)).toContain('b@example.org');
  });

  it('answers rows sent again while their first batch is still being written as done, without writing them twice', async () => {
    const { service, contacts, imports } = given();
    const job = await startJob(service, 'create');
    const rows = [row(1, ada('a@example.org')), row(2, ada('b@example.org'))];

    const [, again] = await Promise.all([
      service.importRows(TENANT, job.id, rows),
      service.importRows(TENANT, job.id, rows),
    ]);

    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped-done', 'skipped-done']);
    expect(contacts.stored.size).toBe(2);
    expect(imports.jobs.get(job.id)).toMatchObject({ checkpoint: 2, rows: 2, created: 2 });
  });

  it('writes only the rows past those of the batch still being written when a resend overlaps it', async () => {
    const { service, contacts, imports } = given();
    const job = await startJob(service, 'create');
    const first = [row(1, ada('a@example.org')), row(2, ada('b@example.org'))];

    const [, resent] = await Promise.all([
      service.importRows(TENANT, job.id, first),
      service.importRows(TENANT, job.id, [...first, row(3, ada('c@example.org'))]),
    ]);

    expect(resent.outcomes.map((o) => o.status)).toEqual([
      'skipped-done',
      'skipped-done',
      'created',
    ]);
    expect(contacts.stored.size).toBe(3);
    expect(imports.jobs.get(job.id)).toMatchObject({ checkpoint: 3, rows: 3, created: 3 });
  });
});

describe('ContactImportService.importRows with batches that arrive out of order', () => {
  it('stores every row when the second batch arrives before the first', async () => {
    const { service, contacts, imports } = given();
    const job = await startJob(service, 'skip');
    const firstBatch = [row(1, ada('a@example.org')), row(2, ada('b@example.org'))];
    const secondBatch = [row(3, ada('c@example.org')), row(4, ada('d@example.org'))];

    const second = service.importRows(TENANT, job.id, secondBatch);
    const first = service.importRows(TENANT, job.id, firstBatch);
    const answers = await Promise.all([first, second]);

    expect(answers.flatMap((a) => a.outcomes.map((o) => o.status))).toEqual(
      Array(4).fill('created'),
    );
    expect(contacts.stored.size).toBe(4);
    expect(imports.jobs.get(job.id)).toMatchObject({ checkpoint: 4, rows: 4, created: 4 });
  });

  it('refuses a batch whose earlier rows never arrive, and stores none of it', async () => {
    const { service, contacts, imports } = given([], { batchOrderWaitMs: 20 });
    const job = await startJob(service, 'skip');

    const early = service.importRows(TENANT, job.id, [row(3, ada('c@example.org'))]);

    await expect(early).rejects.toMatchObject({
      code: ContactErrorCode.FAILED_PRECONDITION,
      message: expect.stringContaining('rows 1 to 2'),
    });
    expect(contacts.stored.size).toBe(0);
    expect(imports.jobs.get(job.id)).toMatchObject({ checkpoint: 0, rows: 0 });
  });

  it('takes a resumed upload from the checkpoint after a refused gap', async () => {
    const { service, imports } = given([], { batchOrderWaitMs: 20 });
    const job = await startJob(service, 'skip');
    await service.importRows(TENANT, job.id, [row(3, ada('c@example.org'))]).catch(() => undefined);

    const resumed = await service.importRows(TENANT, job.id, [
      row(1, ada('a@example.org')),
      row(2, ada('b@example.org')),
    ]);

    expect(resumed.job).toMatchObject({ checkpoint: 2, rows: 2, created: 2 });
    expect(imports.jobs.get(job.id)).toMatchObject({ checkpoint: 2 });
  });
});

describe('ContactImportService.importRows with the id and consent columns of an export', () => {
  // Matched by no rule (no email, only a name): the id is what ties the row to the record.
  const GRACE = aContact({
    id: 'c-grace',
    tenantId: TENANT,
    displayName: 'Grace Hopper',
    person: { firstName: 'Grace', lastName: 'Hopper' },
    communication: {
      email: {
        channel: 'email',
        status: 'opted_out',
        source: 'unsubscribe-link',
        capturedAt: '2026-02-01T00:00:00.000Z',
        recordedAt: '2026-02-01T00:00:00.000Z',
      },
    },
  });
  const exported = (extra: Partial<ImportRowInput> = {}): ImportRowInput => ({
    ...row(1, { person: { firstName: 'Grace', lastName: 'Hopper' } }),
    contactId: 'c-grace',
    consents: [{ channel: 'email', status: 'opted_out', capturedAt: '2026-02-01T00:00:00.000Z' }],
    ...extra,
  });

  it('creates nothing and changes nothing for a row of its own export', async () => {
    const { service, contacts } = given([GRACE]);
    const job = await startJob(service, 'update');

    const { outcomes } = await service.importRows(TENANT, job.id, [exported()]);

    expect(outcomes).toEqual([{ rowNumber: 1, status: 'updated', contactId: 'c-grace' }]);
    expect(contacts.stored.size).toBe(1);
    expect(contacts.events).toEqual([]);
  });

  it('records a newer consent of the row on the contact in the same write as its fields', async () => {
    const { service, contacts } = given([GRACE]);
    const job = await startJob(service, 'update');
    const consents = [
      { channel: 'email', status: 'opted_in', capturedAt: '2026-02-20T00:00:00.000Z' },
    ];

    await service.importRows(TENANT, job.id, [
      exported({ consents, fields: { ...exported().fields, tags: ['gala'] } }),
    ]);

    const updated = contacts.stored.get('c-grace')?.contact;
    expect(updated).toMatchObject({
      version: 2,
      tags: ['gala'],
      communication: { email: { status: 'opted_in', source: 'import' } },
    });
    expect(contacts.events.map((e) => e.event.type)).toEqual([
      'kith.contact.updated.v1',
      'kith.contact.consent-changed.v1',
    ]);
  });

  it('records a consent alone when the row changes no field', async () => {
    const { service, contacts } = given([GRACE]);
    const job = await startJob(service, 'update');

    await service.importRows(TENANT, job.id, [
      exported({ consents: [{ channel: 'sms', status: 'opted_out' }] }),
    ]);

    expect(contacts.stored.get('c-grace')?.contact).toMatchObject({
      version: 2,
      communication: { email: { status: 'opted_out' }, sms: { status: 'opted_out' } },
    });
    expect(contacts.events.map((e) => e.event.type)).toEqual(['kith.contact.consent-changed.v1']);
  });

  it('makes the importing user the owner of the contacts it creates', async () => {
    const { service, contacts } = given();
    const job = await startJob(service, 'skip');

    const { outcomes } = await service.importRows(TENANT, job.id, [row(1, ada('ada@example.org'))]);

    expect(contacts.stored.get(outcomes[0]?.contactId ?? '')?.contact.ownerId).toBe('u-1');
  });
});
