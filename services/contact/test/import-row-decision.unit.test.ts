import type { ContactFieldsInput } from '../src/domain/contact';
import { DEFAULT_MATCHING_RULES } from '../src/domain/contact-matching';
import { RuleImportMatcher, type StoredMatchable } from '../src/domain/import-matcher';
import { decideImportRow } from '../src/domain/import-row-decision';
import type { DuplicateAction } from '../src/domain/contact-import';
import type { ImportConsentInput } from '../src/domain/import-consent';

const NOW = '2026-03-01T10:00:00.000Z';
const job = (onDuplicate: DuplicateAction) => ({
  tenantId: 't-1',
  kind: 'person' as const,
  onDuplicate,
  createdBy: 'u-1',
});
const ada: ContactFieldsInput = {
  person: { firstName: 'Ada', lastName: 'Lovelace' },
  emails: [{ address: 'ada@example.org' }],
};
const row = (
  rowNumber: number,
  fields: ContactFieldsInput,
  mappingErrors = [],
  extra: { contactId?: string; consents?: ImportConsentInput[] } = {},
) => ({ rowNumber, fields, mappingErrors, ...extra });

function decide(
  onDuplicate: DuplicateAction,
  rows: ReturnType<typeof row>[],
  existing: StoredMatchable[] = [],
) {
  const matcher = new RuleImportMatcher(DEFAULT_MATCHING_RULES, 'person', existing);
  return rows.map((r, i) =>
    decideImportRow(job(onDuplicate), r, { matcher, definitions: [], id: `id-${i + 1}`, now: NOW }),
  );
}

describe('decideImportRow', () => {
  it('fails a row with the errors found while mapping its cells, without validating it', () => {
    const [decision] = decide('skip', [
      row(1, ada, [{ field: 'birthDate', message: 'not a date' }] as never),
    ]);

    expect(decision).toEqual({
      outcome: {
        rowNumber: 1,
        status: 'failed',
        errors: [{ field: 'birthDate', message: 'not a date' }],
      },
    });
  });

  it('fails a row a single create would refuse, with the same field errors', () => {
    const [decision] = decide('skip', [row(1, { emails: [{ address: 'not-an-email' }] })]);

    expect(decision?.outcome.status).toBe('failed');
    expect(decision?.outcome.errors?.length).toBeGreaterThan(0);
  });

  it('creates a new contact with the given id, made by the importing user', () => {
    const [decision] = decide('skip', [row(1, ada)]);

    expect(decision).toMatchObject({
      outcome: { rowNumber: 1, status: 'created', contactId: 'id-1' },
      create: { id: 'id-1', tenantId: 't-1', createdAt: NOW },
    });
  });

  it('skips a later row that duplicates a row created earlier', () => {
    const decisions = decide('skip', [row(1, ada), row(2, ada)]);

    expect(decisions[1]).toEqual({
      outcome: { rowNumber: 2, status: 'skipped', contactId: 'id-1' },
    });
  });

  it('turns a duplicate into an update of the contact it matches when the action is update', () => {
    const decisions = decide('update', [row(1, ada), row(2, { ...ada, tags: ['donor'] })]);

    expect(decisions[1]).toMatchObject({
      outcome: { rowNumber: 2, status: 'updated', contactId: 'id-1' },
      update: { tags: ['donor'] },
    });
  });

  it('creates every row, duplicates too, when the action is create', () => {
    const decisions = decide('create', [row(1, ada), row(2, ada)]);

    expect(decisions.map((d) => d.outcome.status)).toEqual(['created', 'created']);
  });
});

describe('decideImportRow with the id column of an export', () => {
  // A name alone matches no rule: only the id can tie these rows to the stored contacts.
  const grace: ContactFieldsInput = { person: { firstName: 'Grace', lastName: 'Hopper' } };
  const stored = (id: string, state: Partial<StoredMatchable> = {}): StoredMatchable => ({
    id,
    person: { firstName: 'Grace', lastName: 'Hopper' },
    emails: [],
    phones: [],
    addresses: [],
    ...state,
  });
  const gone = { deletedAt: '2026-02-01T00:00:00.000Z' };
  const withId = (contactId: string) => row(1, grace, [], { contactId });

  it('skips the row as the contact its id names, though no matching rule would find it', () => {
    const [decision] = decide('skip', [withId('c-1')], [stored('c-1')]);

    expect(decision).toEqual({ outcome: { rowNumber: 1, status: 'skipped', contactId: 'c-1' } });
  });

  it('updates the contact its id names when the action is update', () => {
    const [decision] = decide('update', [withId('c-1')], [stored('c-1')]);

    expect(decision).toMatchObject({ outcome: { status: 'updated', contactId: 'c-1' } });
  });

  it('skips rather than copies the contact its id names when the action is create', () => {
    const [decision] = decide('create', [withId('c-1')], [stored('c-1')]);

    expect(decision?.outcome).toMatchObject({ status: 'skipped', contactId: 'c-1' });
  });

  it("answers a merge victim's id with its survivor", () => {
    const [decision] = decide(
      'update',
      [withId('c-1')],
      [stored('c-1', { ...gone, mergedInto: 'c-2' }), stored('c-2')],
    );

    expect(decision?.outcome).toMatchObject({ status: 'updated', contactId: 'c-2' });
  });

  it('fails the row of a deleted or an erased contact, naming the id column', () => {
    const decisions = decide(
      'update',
      [withId('c-1'), row(2, grace, [], { contactId: 'c-2' })],
      [stored('c-1', gone), stored('c-2', { ...gone, erasedAt: '2026-02-02T00:00:00.000Z' })],
    );

    expect(decisions.map((d) => d.outcome)).toEqual([
      {
        rowNumber: 1,
        status: 'failed',
        errors: [
          {
            field: 'id',
            message: 'names a deleted contact; clear the cell to import the row as new',
          },
        ],
      },
      {
        rowNumber: 2,
        status: 'failed',
        errors: [{ field: 'id', message: 'names an erased contact; it cannot be imported again' }],
      },
    ]);
  });

  it('imports the row of an id it does not know (another tenant, another system) as if it had none', () => {
    const [decision] = decide('skip', [withId('elsewhere-1')], [stored('c-1')]);

    expect(decision?.outcome).toMatchObject({ status: 'created', contactId: 'id-1' });
  });
});

describe('decideImportRow: owner and consent', () => {
  it('makes the importing user the owner of a created contact without one, as an API create does', () => {
    const [decision] = decide('skip', [row(1, ada)]);

    expect(decision).toMatchObject({ create: { ownerId: 'u-1' } });
  });

  it('keeps the owner the row names', () => {
    const [decision] = decide('skip', [row(1, { ...ada, ownerId: 'u-7' })]);

    expect(decision).toMatchObject({ create: { ownerId: 'u-7' } });
  });

  it('does not make the importing user the owner of a contact it updates', () => {
    const decisions = decide('update', [row(1, { ...ada, ownerId: '' }), row(2, ada)]);

    expect(decisions[1]).toMatchObject({ outcome: { status: 'updated' } });
    expect((decisions[1] as { update: { ownerId?: string } }).update.ownerId).toBeUndefined();
  });

  it("gives a created contact the row's consent", () => {
    const consents = [
      { channel: 'email', status: 'opted_out' },
      { channel: 'sms', status: 'opted_in', capturedAt: '2026-01-05T09:00:00Z' },
    ];
    const [decision] = decide('skip', [row(1, ada, [], { consents })]);

    expect(decision).toMatchObject({
      create: {
        communication: {
          email: { status: 'opted_out', source: 'import', capturedAt: NOW },
          sms: { status: 'opted_in', capturedAt: '2026-01-05T09:00:00.000Z' },
        },
      },
    });
    expect(
      (decision as { create: { consentHistory: unknown[] } }).create.consentHistory,
    ).toHaveLength(2);
  });

  it('hands the consent records of an update to the update', () => {
    const consents = [{ channel: 'email', status: 'opted_out' }];
    const decisions = decide('update', [row(1, ada), row(2, ada, [], { consents })]);

    expect(decisions[1]).toMatchObject({
      update: expect.any(Object),
      consents: [expect.objectContaining({ channel: 'email', status: 'opted_out' })],
    });
  });

  it('fails a row whose consent cells are wrong, with the other field errors', () => {
    const consents = [{ channel: 'email', status: 'opted_in' }];
    const [decision] = decide('skip', [
      row(1, { emails: [{ address: 'not-an-email' }] }, [], { consents }),
    ]);

    expect(decision?.outcome.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['emails[0].address', 'consent.email.capturedAt']),
    );
  });
});
