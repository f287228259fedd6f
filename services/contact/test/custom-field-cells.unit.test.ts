import type { CustomFieldDefinition } from '../src/domain/custom-field';
import { customFieldsFromCells } from '../src/domain/custom-field-cells';
import { validateCustomFieldValues } from '../src/domain/custom-field-values';
import * as fixtures from './support/custom-field-fixtures';

function definition(key: string, type: CustomFieldDefinition['type']): CustomFieldDefinition {
  return {
    id: `t:person:${key}`,
    tenantId: 't',
    recordType: 'person',
    key,
    label: key,
    type,
    required: false,
    options: [],
    validation: {},
    archived: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('customFieldsFromCells', () => {
  const definitions = [
    definition('vip', 'boolean'),
    definition('interests', 'multi_select'),
    definition('score', 'number'),
  ];

  it('reads yes/no cells as booleans and "a; b" cells as lists, leaving other types as text', () => {
    expect(
      customFieldsFromCells(definitions, { vip: 'Yes', interests: 'music; art |', score: '12' }),
    ).toEqual({ vip: true, interests: ['music', 'art'], score: '12' });
  });

  it('leaves a cell it cannot read, and unknown keys, for the validator to name', () => {
    expect(customFieldsFromCells(definitions, { vip: 'maybe', nope: 'x' })).toEqual({
      vip: 'maybe',
      nope: 'x',
    });
  });
});

describe('cells written by the CSV export', () => {
  // The gateway's export writes these forms (services/gateway/src/domain/contact-export.ts);
  // read and validated here, they must give back the stored values.
  it('read back as the values they were exported from', () => {
    const cells = {
      nickname: 'Ada Byron',
      ratio: '1e+21',
      joined: '2026-01-31',
      vip: 'false',
      level: 'gold',
      interests: 'art; music',
    };

    const { values, errors } = validateCustomFieldValues(
      fixtures.ALL,
      customFieldsFromCells(fixtures.ALL, cells),
      { mode: 'update' },
    );

    expect(errors).toEqual([]);
    expect(values).toEqual({
      nickname: 'Ada Byron',
      ratio: 1e21,
      joined: '2026-01-31',
      vip: false,
      level: 'gold',
      interests: ['music', 'art'],
    });
  });
});
