// Rules of a definition's writable part (label, type, options, validation). Collects every
// problem, so a caller can fix them all at once; the decisions throw them as one error.
import { CUSTOM_FIELD_LIMITS, textProblem } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import {
  isCustomFieldType,
  isSelectType,
  type CustomFieldOption,
  type CustomFieldSpec,
  type CustomFieldSpecInput,
  type CustomFieldType,
  type CustomFieldValidation,
} from './custom-field';
import { isCalendarDate } from './custom-field-date.util';

/**
 * Shared with the gateway's zod schemas. Every text value is capped (`text`), so a stored
 * document and a pattern test stay bounded.
 */
const LIMITS = CUSTOM_FIELD_LIMITS;

/** Which validation rules each type accepts; any other rule is refused, not ignored. */
const RULES_BY_TYPE: Record<CustomFieldType, ReadonlyArray<keyof CustomFieldValidation>> = {
  text: ['minLength', 'maxLength', 'pattern'],
  number: ['min', 'max', 'integer'],
  date: ['min', 'max'],
  boolean: [],
  single_select: [],
  multi_select: ['maxSelected'],
};

export interface SpecValidation {
  spec: CustomFieldSpec;
  errors: ContactFieldError[];
}

export function validateDefinitionSpec(input: CustomFieldSpecInput): SpecValidation {
  const errors: ContactFieldError[] = [];
  const label = (input.label ?? '').trim();
  if (label === '' || label.length > LIMITS.label) {
    errors.push({ field: 'label', message: `must be 1 to ${LIMITS.label} characters` });
  }
  checkCharacters(errors, 'label', label);
  const description = (input.description ?? '').trim();
  if (description.length > LIMITS.description) {
    errors.push({ field: 'description', message: `must be at most ${LIMITS.description}` });
  }
  checkCharacters(errors, 'description', description);
  const typeText = input.type ?? '';
  const type: CustomFieldType = isCustomFieldType(typeText) ? typeText : 'text';
  if (!isCustomFieldType(typeText)) {
    errors.push({
      field: 'type',
      message: 'must be text, number, date, boolean, single_select or multi_select',
    });
  }
  const options = validateOptions(type, input.options ?? [], errors);
  const validation = validateRules(type, input.validation ?? {}, options, errors);
  const spec: CustomFieldSpec = {
    label,
    type,
    required: input.required === true,
    options,
    validation,
  };
  if (description !== '') spec.description = description;
  return { spec, errors };
}

function validateOptions(
  type: CustomFieldType,
  input: NonNullable<CustomFieldSpecInput['options']>,
  errors: ContactFieldError[],
): CustomFieldOption[] {
  if (!isSelectType(type)) {
    if (input.length > 0) errors.push({ field: 'options', message: 'only selects have options' });
    return [];
  }
  if (input.length === 0 || input.length > LIMITS.options) {
    errors.push({ field: 'options', message: `a select needs 1 to ${LIMITS.options} options` });
  }
  const seen = new Set<string>();
  return input.map((option, i) => {
    const value = (option.value ?? '').trim();
    if (value === '' || value.length > LIMITS.optionValue) {
      errors.push({
        field: `options[${i}].value`,
        message: `must be 1 to ${LIMITS.optionValue} characters`,
      });
    } else if (seen.has(value)) {
      errors.push({ field: `options[${i}].value`, message: 'is already an option' });
    }
    seen.add(value);
    checkCharacters(errors, `options[${i}].value`, value);
    const label = (option.label ?? '').trim() || value;
    if (label.length > LIMITS.label) {
      errors.push({ field: `options[${i}].label`, message: `must be at most ${LIMITS.label}` });
    }
    checkCharacters(errors, `options[${i}].label`, option.label ?? '');
    return { value, label, active: option.active !== false };
  });
}

/** The character rule of every free text (@kith/contracts): no controls, no lone surrogates. */
function checkCharacters(errors: ContactFieldError[], field: string, value: string): void {
  const problem = textProblem(value);
  if (problem) errors.push({ field, message: problem });
}

function validateRules(
  type: CustomFieldType,
  input: CustomFieldValidation,
  options: CustomFieldOption[],
  errors: ContactFieldError[],
): CustomFieldValidation {
  const allowed = RULES_BY_TYPE[type];
  const rules: CustomFieldValidation = {};
  for (const [name, value] of Object.entries(input) as Array<
    [keyof CustomFieldValidation, unknown]
  >) {
    if (value === undefined || value === null) continue;
    if (!allowed.includes(name)) {
      errors.push({ field: `validation.${name}`, message: `does not apply to ${type} fields` });
      continue;
    }
    (rules as Record<string, unknown>)[name] = value;
  }
  const problem = (rule: string, message: string) =>
    errors.push({ field: `validation.${rule}`, message });
  if (type === 'text') checkTextRules(rules, problem);
  if (type === 'number') checkNumberRules(rules, problem);
  if (type === 'date') checkDateRules(rules, problem);
  if (rules.maxSelected !== undefined && !isCount(rules.maxSelected, 1, options.length)) {
    problem('maxSelected', `must be a whole number from 1 to the number of options`);
  }
  return rules;
}

type Problem = (rule: string, message: string) => void;

function checkTextRules(rules: CustomFieldValidation, problem: Problem): void {
  const { minLength, maxLength, pattern } = rules;
  if (minLength !== undefined && !isCount(minLength, 0, LIMITS.text)) {
    problem('minLength', `must be a whole number from 0 to ${LIMITS.text}`);
  }
  if (maxLength !== undefined && !isCount(maxLength, 1, LIMITS.text)) {
    problem('maxLength', `must be a whole number from 1 to ${LIMITS.text}`);
  }
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    problem('minLength', 'must not exceed maxLength');
  }
  if (pattern !== undefined) {
    const reason = unsafePatternReason(pattern);
    if (reason) problem('pattern', reason);
  }
}

function checkNumberRules(rules: CustomFieldValidation, problem: Problem): void {
  const { min, max, integer } = rules;
  if (min !== undefined && !Number.isFinite(min)) problem('min', 'must be a finite number');
  if (max !== undefined && !Number.isFinite(max)) problem('max', 'must be a finite number');
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problem('min', 'must not exceed max');
  }
  if (integer !== undefined && typeof integer !== 'boolean')
    problem('integer', 'must be a boolean');
}

function checkDateRules(rules: CustomFieldValidation, problem: Problem): void {
  const { min, max } = rules;
  const isDate = (v: unknown) => typeof v === 'string' && isCalendarDate(v);
  if (min !== undefined && !isDate(min)) problem('min', 'must be a date (YYYY-MM-DD)');
  if (max !== undefined && !isDate(max)) problem('max', 'must be a date (YYYY-MM-DD)');
  if (isDate(min) && isDate(max) && String(min) > String(max)) {
    problem('min', 'must not be after max');
  }
}

function isCount(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

// Shapes that can backtrack exponentially: a quantified group that itself ends in a
// quantifier, e.g. (a+)+ or (\w*)*. A heuristic, not a proof; values are also capped at
// LIMITS.text, which bounds the damage of anything it misses.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}]\)(?:[+*]|\{\d)/;
const BACK_REFERENCE = /\\[1-9]|\\k</;

/** Why a pattern is refused, or undefined when it is acceptable. */
export function unsafePatternReason(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern === '') return 'must be a non-empty string';
  if (pattern.length > LIMITS.pattern) return `must be at most ${LIMITS.pattern} characters`;
  const characters = textProblem(pattern);
  if (characters) return characters;
  if (NESTED_QUANTIFIER.test(pattern)) return 'must not nest quantifiers, e.g. (a+)+';
  if (BACK_REFERENCE.test(pattern)) return 'must not use back-references';
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'is not a valid regular expression';
  }
  return undefined;
}

/** The whole value must match, as Salesforce's REGEX() and HTML's pattern attribute do. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}
