// Definitions for the custom field unit tests: one of each type, built like stored ones.
import type { CustomFieldDefinition, CustomFieldSpec } from '../../src/domain/custom-field';

export function definition(
  key: string,
  spec: Partial<CustomFieldSpec> & Pick<CustomFieldSpec, 'type'>,
  extra: Partial<CustomFieldDefinition> = {},
): CustomFieldDefinition {
  return {
    id: `t1:person:${key}`,
    tenantId: 't1',
    recordType: 'person',
    key,
    label: key,
    required: false,
    options: [],
    validation: {},
    archived: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...spec,
    ...extra,
  };
}

export const nickname = definition('nickname', {
  type: 'text',
  validation: { minLength: 2, maxLength: 10, pattern: '[A-Za-z ]+' },
});
export const score = definition('score', {
  type: 'number',
  validation: { min: 0, max: 100, integer: true },
});
export const ratio = definition('ratio', { type: 'number' });
export const joined = definition('joined', {
  type: 'date',
  validation: { min: '2000-01-01', max: '2030-12-31' },
});
export const vip = definition('vip', { type: 'boolean' });
export const level = definition('level', {
  type: 'single_select',
  options: [
    { value: 'bronze', label: 'Bronze', active: false },
    { value: 'silver', label: 'Silver', active: true },
    { value: 'gold', label: 'Gold', active: true },
  ],
});
export const interests = definition('interests', {
  type: 'multi_select',
  options: [
    { value: 'music', label: 'Music', active: true },
    { value: 'art', label: 'Art', active: true },
    { value: 'sport', label: 'Sport', active: true },
    { value: 'chess', label: 'Chess', active: false },
  ],
  validation: { maxSelected: 2 },
});
export const legacy = definition('legacy', { type: 'text' }, { archived: true });

export const ALL = [nickname, score, ratio, joined, vip, level, interests, legacy];
