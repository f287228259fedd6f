import { CustomFieldError, CustomFieldErrorCode } from '../src/domain/custom-field-error';
import type { CustomFieldDefinition } from '../src/domain/custom-field';
import {
  decideArchive,
  decideChange,
  decideDefine,
  MAX_CUSTOM_FIELDS_PER_RECORD_TYPE,
  type ChangeCustomFieldCommand,
} from '../src/domain/custom-field-decisions';

const NONE = { existing: undefined, definedCount: 0 };
const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';
const ref = { tenantId: 't1', recordType: 'person', key: 'level' };
const levelSpec = {
  label: 'Level',
  type: 'single_select',
  options: [
    { value: 'silver', label: 'Silver' },
    { value: 'gold', label: 'Gold' },
  ],
};

function defined(): CustomFieldDefinition {
  return decideDefine({ ...ref, spec: levelSpec }, NONE, T0).definition;
}

function change(overrides: Partial<ChangeCustomFieldCommand>): ChangeCustomFieldCommand {
  return { ...ref, expectedVersion: 1, spec: {}, updateMask: [], ...overrides };
}

function errorOf(fn: () => unknown): CustomFieldError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CustomFieldError) return err;
    throw err;
  }
  throw new Error('expected a CustomFieldError');
}

describe('decideDefine', () => {
  it('creates version 1 with the id <tenant>:<recordType>:<key> and a defined event', () => {
    const { definition, events } = decideDefine({ ...ref, spec: levelSpec }, NONE, T0);

    expect(definition).toMatchObject({
      id: 't1:person:level',
      version: 1,
      archived: false,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(events).toEqual([
      expect.objectContaining({ type: 'kith.custom-field.defined.v1', change: 'created' }),
    ]);
  });

  it.each([
    ['a key with a dot', 'a.b'],
    ['a key with a dollar', 'a$b'],
    ['a key starting with a digit', '1a'],
    ['an upper-case key', 'Level'],
    ['a key over 40 characters', 'a'.repeat(41)],
  ])('refuses %s', (_name, key) => {
    const err = errorOf(() => decideDefine({ ...ref, key, spec: levelSpec }, NONE, T0));

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['key']);
  });

  it('refuses an unknown record type', () => {
    const err = errorOf(() =>
      decideDefine({ ...ref, recordType: 'invoice', spec: levelSpec }, NONE, T0),
    );

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['recordType']);
  });

  it('refuses a key that exists, even archived, with ALREADY_EXISTS', () => {
    const archived = { ...defined(), archived: true };

    const err = errorOf(() =>
      decideDefine({ ...ref, spec: levelSpec }, { existing: archived, definedCount: 1 }, T1),
    );

    expect(err.code).toBe(CustomFieldErrorCode.ALREADY_EXISTS);
  });
  it('refuses a new field when the record type has the most allowed, with FAILED_PRECONDITION', () => {
    const full = { existing: undefined, definedCount: MAX_CUSTOM_FIELDS_PER_RECORD_TYPE };

    const err = errorOf(() => decideDefine({ ...ref, spec: levelSpec }, full, T0));

    expect(err.code).toBe(CustomFieldErrorCode.FAILED_PRECONDITION);
  });
});

describe('decideChange', () => {
  it('changes the masked fields, bumps the version and names what changed', () => {
    const { definition, events } = decideChange(
      defined(),
      change({ spec: { label: 'Tier', required: true }, updateMask: ['label', 'required'] }),
      T1,
    );

    expect(definition).toMatchObject({ label: 'Tier', required: true, version: 2, updatedAt: T1 });
    expect(events).toEqual([
      expect.objectContaining({ change: 'updated', changedFields: ['label', 'required'] }),
    ]);
  });

  it('adds an option and deactivates another', () => {
    const options = [
      { value: 'silver', label: 'Silver', active: false },
      { value: 'gold', label: 'Gold' },
      { value: 'platinum', label: 'Platinum' },
    ];

    const { definition } = decideChange(
      defined(),
      change({ spec: { options }, updateMask: ['options'] }),
      T1,
    );

    expect(definition.options.map((o) => [o.value, o.active])).toEqual([
      ['silver', false],
      ['gold', true],
      ['platinum', true],
    ]);
  });

  it('refuses to remove an option with FAILED_PRECONDITION', () => {
    const err = errorOf(() =>
      decideChange(
        defined(),
        change({ spec: { options: [{ value: 'gold' }] }, updateMask: ['options'] }),
        T1,
      ),
    );

    expect(err.code).toBe(CustomFieldErrorCode.FAILED_PRECONDITION);
    expect(err.fieldErrors).toEqual([{ field: 'options', message: 'silver is missing' }]);
  });

  it('refuses a type change with FAILED_PRECONDITION', () => {
    const err = errorOf(() =>
      decideChange(defined(), change({ spec: { type: 'text' }, updateMask: ['type'] }), T1),
    );

    expect(err.code).toBe(CustomFieldErrorCode.FAILED_PRECONDITION);
  });

  it('accepts the unchanged type in the mask as no change at all', () => {
    const current = defined();

    const result = decideChange(
      current,
      change({ spec: { type: 'single_select' }, updateMask: ['type'] }),
      T1,
    );

    expect(result).toEqual({ definition: current, events: [] });
  });

  it('refuses an empty or unknown mask', () => {
    const err = errorOf(() => decideChange(defined(), change({ updateMask: ['key'] }), T1));

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['updateMask']);
  });

  it('answers VERSION_CONFLICT to a stale expected version', () => {
    const err = errorOf(() =>
      decideChange(
        defined(),
        change({ expectedVersion: 2, spec: { label: 'x' }, updateMask: ['label'] }),
        T1,
      ),
    );

    expect(err.code).toBe(CustomFieldErrorCode.VERSION_CONFLICT);
  });

  it('answers NOT_FOUND for another tenant’s definition', () => {
    const err = errorOf(() =>
      decideChange(
        defined(),
        change({ tenantId: 't2', spec: { label: 'x' }, updateMask: ['label'] }),
        T1,
      ),
    );

    expect(err.code).toBe(CustomFieldErrorCode.NOT_FOUND);
  });

  it('refuses to change an archived definition', () => {
    const archived = { ...defined(), archived: true };

    const err = errorOf(() =>
      decideChange(archived, change({ spec: { label: 'x' }, updateMask: ['label'] }), T1),
    );

    expect(err.code).toBe(CustomFieldErrorCode.FAILED_PRECONDITION);
  });
});

describe('decideArchive', () => {
  it('archives, bumps the version and emits an archived event', () => {
    const { definition, events } = decideArchive(defined(), { ...ref, expectedVersion: 1 }, T1);

    expect(definition).toMatchObject({ archived: true, version: 2, updatedAt: T1 });
    expect(events.map((e) => e.type)).toEqual(['kith.custom-field.archived.v1']);
  });

  it('refuses to archive twice', () => {
    const archived = { ...defined(), archived: true, version: 2 };

    const err = errorOf(() => decideArchive(archived, { ...ref, expectedVersion: 2 }, T1));

    expect(err.code).toBe(CustomFieldErrorCode.FAILED_PRECONDITION);
  });

  it('answers NOT_FOUND when nothing is stored', () => {
    const err = errorOf(() => decideArchive(undefined, { ...ref, expectedVersion: 1 }, T1));

    expect(err.code).toBe(CustomFieldErrorCode.NOT_FOUND);
  });
});
