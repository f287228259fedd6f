import type { CustomFieldValue } from '../src/domain/custom-field';
import { validateCustomFieldValues } from '../src/domain/custom-field-values';
import { ALL, definition } from './support/custom-field-fixtures';

const create = (input: Record<string, unknown>) =>
  validateCustomFieldValues(ALL, input, { mode: 'create' });
const update = (input: Record<string, unknown>, current: Record<string, CustomFieldValue>) =>
  validateCustomFieldValues(ALL, input, { mode: 'update', current });

describe('validateCustomFieldValues: accepted values are stored normalized', () => {
  it.each([
    ['trimmed text', { nickname: '  Ada  ' }, { nickname: 'Ada' }],
    ['a number', { score: 42 }, { score: 42 }],
    ['a numeric string as a number', { ratio: ' 2.5 ' }, { ratio: 2.5 }],
    ['a date', { joined: '2024-02-29' }, { joined: '2024-02-29' }],
    [
      'an ISO time as its UTC date',
      { joined: '2024-03-01T01:30:00+02:00' },
      { joined: '2024-02-29' },
    ],
    ['a boolean', { vip: false }, { vip: false }],
    ['a boolean string as a boolean', { vip: 'true' }, { vip: true }],
    ['an active option', { level: 'gold' }, { level: 'gold' }],
    [
      'a multi-select de-duplicated in option order',
      { interests: ['art', 'music', 'art'] },
      { interests: ['music', 'art'] },
    ],
  ])('accepts %s', (_name, input, expected) => {
    const result = create(input);

    expect(result.errors).toEqual([]);
    expect(result.values).toEqual(expected);
  });
});

describe('validateCustomFieldValues: refused values name customFields.<key>', () => {
  it.each([
    [
      'an unknown key',
      { shoeSize: 42 },
      'customFields.shoeSize',
      'is not a custom field of this record type',
    ],
    ['text that is not a string', { nickname: 7 }, 'customFields.nickname', 'must be text'],
    [
      'text shorter than minLength',
      { nickname: 'A' },
      'customFields.nickname',
      'must be at least 2 characters',
    ],
    [
      'text longer than maxLength',
      { nickname: 'Abcdefghijk' },
      'customFields.nickname',
      'must be at most 10 characters',
    ],
    [
      'text that misses the pattern',
      { nickname: 'Ada99' },
      'customFields.nickname',
      'does not match the required pattern',
    ],
    [
      'text with a control character',
      { nickname: 'Ad\u0000a' },
      'customFields.nickname',
      'must not contain control characters',
    ],
    ['a number as a word', { score: 'ten' }, 'customFields.score', 'must be a number'],
    ['a number below min', { score: -1 }, 'customFields.score', 'must be 0 or more'],
    ['a number above max', { score: 101 }, 'customFields.score', 'must be 100 or less'],
    [
      'a fraction where integers are required',
      { score: 1.5 },
      'customFields.score',
      'must be a whole number',
    ],
    ['an infinite number', { ratio: Infinity }, 'customFields.ratio', 'must be a number'],
    [
      'an impossible date',
      { joined: '2023-02-29' },
      'customFields.joined',
      'must be a date (YYYY-MM-DD)',
    ],
    [
      'a date before min',
      { joined: '1999-12-31' },
      'customFields.joined',
      'must be 2000-01-01 or later',
    ],
    [
      'a date after max',
      { joined: '2031-01-01' },
      'customFields.joined',
      'must be 2030-12-31 or earlier',
    ],
    ['a boolean as a number', { vip: 1 }, 'customFields.vip', 'must be true or false'],
    [
      'a value that is not an option',
      { level: 'platinum' },
      'customFields.level',
      'platinum is not an option',
    ],
    [
      'an inactive option',
      { level: 'bronze' },
      'customFields.level',
      'bronze is no longer an active option',
    ],
    [
      'a multi-select that is not a list',
      { interests: 'music' },
      'customFields.interests',
      'must be a list of option values',
    ],
    [
      'a multi-select over maxSelected',
      { interests: ['music', 'art', 'sport'] },
      'customFields.interests',
      'must hold at most 2 options',
    ],
    [
      'an inactive option in a multi-select',
      { interests: ['chess'] },
      'customFields.interests',
      'chess is no longer an active option',
    ],
    [
      'a value for an archived field',
      { legacy: 'x' },
      'customFields.legacy',
      'is archived and accepts no new values',
    ],
  ])('refuses %s', (_name, input, field, message) => {
    const result = create(input);

    expect(result.errors).toEqual([{ field, message }]);
    expect(result.values).toEqual({});
  });
});

describe('validateCustomFieldValues: required fields', () => {
  const required = definition('region', { type: 'text', required: true });
  const archivedRequired = definition('old', { type: 'text', required: true }, { archived: true });

  it('refuses a create that leaves a required field out', () => {
    const result = validateCustomFieldValues([required], {}, { mode: 'create' });

    expect(result.errors).toEqual([{ field: 'customFields.region', message: 'is required' }]);
  });

  it('refuses a create that sends a required field as blank text', () => {
    const result = validateCustomFieldValues([required], { region: '  ' }, { mode: 'create' });

    expect(result.errors).toEqual([{ field: 'customFields.region', message: 'is required' }]);
  });

  it('does not require an archived field on create', () => {
    const result = validateCustomFieldValues([archivedRequired], {}, { mode: 'create' });

    expect(result.errors).toEqual([]);
  });

  it('lets an update leave a required field alone even when it was never set', () => {
    const result = validateCustomFieldValues([required], {}, { mode: 'update', current: {} });

    expect(result.errors).toEqual([]);
  });

  it('refuses an update that clears a required field with null', () => {
    const result = validateCustomFieldValues(
      [required],
      { region: null },
      { mode: 'update', current: { region: 'north' } },
    );

    expect(result.errors).toEqual([
      { field: 'customFields.region', message: 'is required and cannot be cleared' },
    ]);
  });
});

describe('validateCustomFieldValues: updates', () => {
  it('keeps current values the update does not name and applies the ones it does', () => {
    const result = update({ score: 7 }, { score: 1, vip: true });

    expect(result.values).toEqual({ score: 7, vip: true });
  });

  it('removes a value cleared with null', () => {
    const result = update({ vip: null }, { score: 1, vip: true });

    expect(result.values).toEqual({ score: 1 });
  });

  it('removes a multi-select cleared with an empty list', () => {
    const result = update({ interests: [] }, { interests: ['music'] });

    expect(result.values).toEqual({});
  });

  it('lets a contact keep an inactive option it already holds', () => {
    const result = update({ level: 'bronze' }, { level: 'bronze' });

    expect(result.errors).toEqual([]);
  });

  it('lets a multi-select keep an inactive option it already holds next to a new one', () => {
    const result = update({ interests: ['chess', 'music'] }, { interests: ['chess'] });

    expect(result.values).toEqual({ interests: ['music', 'chess'] });
  });

  it('lets an archived field be cleared, since that writes no new value', () => {
    const result = update({ legacy: null }, { legacy: 'old text' });

    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({});
  });

  it('reports every refused key at once', () => {
    const result = update({ score: 'x', level: 'nope', shoeSize: 1 }, {});

    expect(result.errors.map((e) => e.field)).toEqual([
      'customFields.score',
      'customFields.level',
      'customFields.shoeSize',
    ]);
  });
});
