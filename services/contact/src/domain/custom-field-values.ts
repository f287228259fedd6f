// The pure validator contact writes run over `customFields`: checks every given value against
// its definition and stores it normalized. Contact code calls it with the definitions of the
// record type (archived ones included, so a write to an archived field is named as such).
import { CUSTOM_FIELD_LIMITS, textProblem } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import type { CustomFieldDefinition, CustomFieldValue } from './custom-field';
import { normalizeDate } from './custom-field-date.util';
import { compilePattern } from './custom-field-validation';

export interface CustomFieldValuesOptions {
  /** create: required fields must be given. update: only given keys change. */
  mode: 'create' | 'update';
  /** The contact's stored values (update): kept unless given, and inactive options they hold stay. */
  current?: Record<string, CustomFieldValue>;
}

export interface CustomFieldValuesResult {
  /** The full new `customFields`: on update, the current values with the given ones applied. */
  values: Record<string, CustomFieldValue>;
  errors: ContactFieldError[];
}

type Outcome = { ok: true; value: CustomFieldValue | null } | { ok: false; message: string };

/**
 * `input` maps keys to raw values; null (or '' / [] ) clears a value. Errors name
 * `customFields.<key>`. A rule added to a definition later does not re-check values the
 * update leaves alone: only written values are validated.
 */
export function validateCustomFieldValues(
  definitions: readonly CustomFieldDefinition[],
  input: Record<string, unknown>,
  opts: CustomFieldValuesOptions,
): CustomFieldValuesResult {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const current = opts.current ?? {};
  const values: Record<string, CustomFieldValue> = opts.mode === 'update' ? { ...current } : {};
  const errors: ContactFieldError[] = [];
  const fail = (key: string, message: string) =>
    errors.push({ field: `customFields.${key}`, message });

  for (const [key, raw] of Object.entries(input)) {
    const definition = byKey.get(key);
    if (!definition) {
      fail(key, 'is not a custom field of this record type');
      continue;
    }
    const outcome = normalizeValue(definition, raw, current[key]);
    if (!outcome.ok) {
      fail(key, outcome.message);
      continue;
    }
    if (outcome.value === null) {
      // Clearing is allowed on an archived field: it writes no new value.
      if (definition.required && !definition.archived && opts.mode === 'update') {
        fail(key, 'is required and cannot be cleared');
      }
      delete values[key];
      continue;
    }
    if (definition.archived) {
      fail(key, 'is archived and accepts no new values');
      continue;
    }
    values[key] = outcome.value;
  }

  if (opts.mode === 'create') {
    for (const d of definitions) {
      const given = errors.some((e) => e.field === `customFields.${d.key}`);
      if (d.required && !d.archived && values[d.key] === undefined && !given) {
        fail(d.key, 'is required');
      }
    }
  }
  return { values, errors };
}

function normalizeValue(
  d: CustomFieldDefinition,
  raw: unknown,
  stored: CustomFieldValue | undefined,
): Outcome {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  switch (d.type) {
    case 'text':
      return normalizeText(d, raw);
    case 'number':
      return normalizeNumber(d, raw);
    case 'date':
      return normalizeDateValue(d, raw);
    case 'boolean':
      return normalizeBoolean(raw);
    case 'single_select':
      return normalizeSingle(d, raw, stored);
    case 'multi_select':
      return normalizeMulti(d, raw, stored);
  }
}

const wrongType = (expected: string): Outcome => ({ ok: false, message: `must be ${expected}` });

function normalizeText(d: CustomFieldDefinition, raw: unknown): Outcome {
  if (typeof raw !== 'string') return wrongType('text');
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const characters = textProblem(text);
  if (characters) return { ok: false, message: characters };
  const { minLength = 0, maxLength = CUSTOM_FIELD_LIMITS.text, pattern } = d.validation;
  const length = [...text].length;
  if (length < minLength) return { ok: false, message: `must be at least ${minLength} characters` };
  if (length > maxLength) return { ok: false, message: `must be at most ${maxLength} characters` };
  if (pattern && !compilePattern(pattern).test(text)) {
    return { ok: false, message: 'does not match the required pattern' };
  }
  return { ok: true, value: text };
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function normalizeNumber(d: CustomFieldDefinition, raw: unknown): Outcome {
  // A numeric string is accepted too (form posts, CSV imports); it is stored as a number.
  const value = typeof raw === 'string' && NUMBER_TEXT.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('a number');
  const { min, max, integer } = d.validation;
  if (integer && !Number.isInteger(value)) return wrongType('a whole number');
  if (typeof min === 'number' && value < min)
    return { ok: false, message: `must be ${min} or more` };
  if (typeof max === 'number' && value > max)
    return { ok: false, message: `must be ${max} or less` };
  return { ok: true, value };
}

function normalizeDateValue(d: CustomFieldDefinition, raw: unknown): Outcome {
  if (typeof raw !== 'string') return wrongType('a date (YYYY-MM-DD)');
  if (raw.trim() === '') return { ok: true, value: null };
  const date = normalizeDate(raw);
  if (!date) return wrongType('a date (YYYY-MM-DD)');
  const { min, max } = d.validation;
  if (typeof min === 'string' && date < min)
    return { ok: false, message: `must be ${min} or later` };
  if (typeof max === 'string' && date > max)
    return { ok: false, message: `must be ${max} or earlier` };
  return { ok: true, value: date };
}

function normalizeBoolean(raw: unknown): Outcome {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
  return wrongType('true or false');
}

/** An inactive option is refused unless the contact already holds it (an unchanged resend). */
function optionProblem(
  d: CustomFieldDefinition,
  value: string,
  held: (v: string) => boolean,
): string | undefined {
  const option = d.options.find((o) => o.value === value);
  if (!option) return `${value} is not an option`;
  if (!option.active && !held(value)) return `${value} is no longer an active option`;
  return undefined;
}

function normalizeSingle(
  d: CustomFieldDefinition,
  raw: unknown,
  stored: CustomFieldValue | undefined,
): Outcome {
  if (typeof raw !== 'string') return wrongType('one option value');
  if (raw.trim() === '') return { ok: true, value: null };
  const problem = optionProblem(d, raw, (v) => stored === v);
  return problem ? { ok: false, message: problem } : { ok: true, value: raw };
}

function normalizeMulti(
  d: CustomFieldDefinition,
  raw: unknown,
  stored: CustomFieldValue | undefined,
): Outcome {
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) {
    return wrongType('a list of option values');
  }
  const chosen = new Set(raw as string[]);
  if (chosen.size === 0) return { ok: true, value: null };
  const held = (v: string) => Array.isArray(stored) && stored.includes(v);
  for (const value of chosen) {
    const problem = optionProblem(d, value, held);
    if (problem) return { ok: false, message: problem };
  }
  const { maxSelected } = d.validation;
  if (maxSelected !== undefined && chosen.size > maxSelected) {
    return { ok: false, message: `must hold at most ${maxSelected} options` };
  }
  // Option order, not input order: equal selections store (and compare) equal.
  return { ok: true, value: d.options.map((o) => o.value).filter((v) => chosen.has(v)) };
}
