import type { CustomFieldSpecInput } from '../src/domain/custom-field';
import { unsafePatternReason, validateDefinitionSpec } from '../src/domain/custom-field-validation';

const select: CustomFieldSpecInput = {
  label: 'Level',
  type: 'single_select',
  options: [{ value: 'gold', label: 'Gold' }],
};

function fieldsWithErrors(input: CustomFieldSpecInput): string[] {
  return validateDefinitionSpec(input).errors.map((e) => e.field);
}

describe('validateDefinitionSpec', () => {
  it('accepts a text field and trims its label and description', () => {
    const result = validateDefinitionSpec({ label: ' Nickname ', description: ' ', type: 'text' });

    expect(result.errors).toEqual([]);
    expect(result.spec).toEqual({
      label: 'Nickname',
      type: 'text',
      required: false,
      options: [],
      validation: {},
    });
  });

  it('defaults an option label to its value and marks new options active', () => {
    const result = validateDefinitionSpec({ ...select, options: [{ value: 'gold' }] });

    expect(result.spec.options).toEqual([{ value: 'gold', label: 'gold', active: true }]);
  });

  it.each<[string, CustomFieldSpecInput, string[]]>([
    ['a missing label', { type: 'text' }, ['label']],
    ['an unknown type', { label: 'x', type: 'currency' }, ['type']],
    [
      'options on a text field',
      { label: 'x', type: 'text', options: [{ value: 'a' }] },
      ['options'],
    ],
    ['a select without options', { ...select, options: [] }, ['options']],
    [
      'a duplicate option',
      { ...select, options: [{ value: 'a' }, { value: 'a' }] },
      ['options[1].value'],
    ],
    ['a blank option value', { ...select, options: [{ value: ' ' }] }, ['options[0].value']],
    [
      'a rule of another type',
      { label: 'x', type: 'boolean', validation: { min: 1 } },
      ['validation.min'],
    ],
    [
      'minLength above maxLength',
      { label: 'x', type: 'text', validation: { minLength: 5, maxLength: 2 } },
      ['validation.minLength'],
    ],
    [
      'a maxLength over the cap',
      { label: 'x', type: 'text', validation: { maxLength: 5000 } },
      ['validation.maxLength'],
    ],
    [
      'a pattern that does not compile',
      { label: 'x', type: 'text', validation: { pattern: '(' } },
      ['validation.pattern'],
    ],
    [
      'number min above max',
      { label: 'x', type: 'number', validation: { min: 5, max: 1 } },
      ['validation.min'],
    ],
    [
      'a date bound that is not a date',
      { label: 'x', type: 'date', validation: { max: '2026-02-30' } },
      ['validation.max'],
    ],
    [
      'date min after max',
      { label: 'x', type: 'date', validation: { min: '2026-02-01', max: '2026-01-01' } },
      ['validation.min'],
    ],
    [
      'control characters in the label, description and options',
      {
        label: 'Le\u0000vel',
        description: 'a\u001bb',
        type: 'single_select',
        options: [{ value: 'go\u0000ld', label: 'Gold\u007f' }],
      },
      ['label', 'description', 'options[0].value', 'options[0].label'],
    ],
    [
      'a pattern holding a lone surrogate',
      { label: 'x', type: 'text', validation: { pattern: 'a\uD800' } },
      ['validation.pattern'],
    ],
    [
      'maxSelected above the option count',
      {
        label: 'x',
        type: 'multi_select',
        options: [{ value: 'a' }],
        validation: { maxSelected: 2 },
      },
      ['validation.maxSelected'],
    ],
  ])('refuses %s', (_name, input, fields) => {
    expect(fieldsWithErrors(input)).toEqual(fields);
  });
});

describe('unsafePatternReason', () => {
  it.each([
    ['a plain pattern', '[A-Z]{2}-\\d{4}', undefined],
    ['a nested quantifier', '(a+)+$', 'must not nest quantifiers, e.g. (a+)+'],
    ['a quantified group ending in a star', '(\\w*)*', 'must not nest quantifiers, e.g. (a+)+'],
    ['a back-reference', '(a)\\1', 'must not use back-references'],
    ['an over-long pattern', 'a'.repeat(201), 'must be at most 200 characters'],
    ['an invalid pattern', '[', 'is not a valid regular expression'],
  ])('answers for %s', (_name, pattern, reason) => {
    expect(unsafePatternReason(pattern)).toBe(reason);
  });
});
