import type { ContactFieldsInput } from '../src/domain/contact';
import { DEFAULT_MATCHING_RULES } from '../src/domain/contact-matching';
import { RuleImportMatcher } from '../src/domain/import-matcher';
import { decideImportRow } from '../src/domain/import-row-decision';
import type { DuplicateAction } from '../src/domain/contact-import';

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
const row = (rowNumber: number, fields: ContactFieldsInput, mappingErrors = []) => ({
  rowNumber,
  fields,
  mappingErrors,
});

function decide(onDuplicate: DuplicateAction, rows: ReturnType<typeof row>[]) {
  const matcher = new RuleImportMatcher(DEFAULT_MATCHING_RULES, 'person', []);
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
