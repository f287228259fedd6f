// The pure list-filter builder: `cf.<key>[.<op>]=<value>` query parameters become a MongoDB
// filter fragment on `customFields.<key>`, with values parsed the way stored values are
// normalized, so `cf.score.gte=10` compares numbers and `cf.joined.lt=2026-01-01` dates.
import { CUSTOM_FIELD_LIMITS } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import type { CustomFieldDefinition, CustomFieldType } from './custom-field';
import { normalizeDate } from './custom-field-date.util';

export const CUSTOM_FIELD_QUERY_PREFIX = 'cf.';
/**
 * Bounds the work one list request can ask for (each filter is evaluated on every row).
 * Shared with the gateway's zod schemas (@kith/contracts field-limits.ts).
 */
export const MAX_CUSTOM_FIELD_FILTERS = CUSTOM_FIELD_LIMITS.filtersPerQuery;

const RANGE_OPS = { gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' } as const;
type Op = 'eq' | 'exists' | keyof typeof RANGE_OPS;

const OPS_BY_TYPE: Record<CustomFieldType, readonly Op[]> = {
  text: ['eq', 'exists'],
  number: ['eq', 'exists', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'exists', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'exists'],
  single_select: ['eq', 'exists'],
  // eq on a list means "contains": MongoDB matches an array holding the value.
  multi_select: ['eq', 'exists'],
};

export interface CustomFieldFilterResult {
  /** Merge into the list query's filter; empty when no `cf.` parameter was given. */
  filter: Record<string, unknown>;
  /** Named after the query parameter, e.g. `cf.score.gte`. */
  errors: ContactFieldError[];
}

/**
 * Parameters that do not start with `cf.` are ignored, so the whole query string can be
 * passed. Archived fields stay filterable: their stored values are kept.
 */
export function customFieldFilter(
  definitions: readonly CustomFieldDefinition[],
  query: Record<string, string>,
): CustomFieldFilterResult {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const conditions = new Map<string, Record<string, unknown>>();
  const errors: ContactFieldError[] = [];
  const params = Object.entries(query).filter(([name]) =>
    name.startsWith(CUSTOM_FIELD_QUERY_PREFIX),
  );
  if (params.length > MAX_CUSTOM_FIELD_FILTERS) {
    errors.push({
      field: 'cf',
      message: `at most ${MAX_CUSTOM_FIELD_FILTERS} custom field filters`,
    });
    return { filter: {}, errors };
  }
  for (const [name, raw] of params) {
    const [key = '', op = 'eq', ...rest] = name.slice(CUSTOM_FIELD_QUERY_PREFIX.length).split('.');
    const definition = byKey.get(key);
    if (!definition) {
      errors.push({ field: name, message: 'is not a custom field of this record type' });
      continue;
    }
    if (rest.length > 0 || !(OPS_BY_TYPE[definition.type] as readonly string[]).includes(op)) {
      const ops = OPS_BY_TYPE[definition.type].join(', ');
      errors.push({ field: name, message: `${definition.type} fields filter with: ${ops}` });
      continue;
    }
    const value = op === 'exists' ? parseBoolean(raw) : parseValue(definition, raw);
    if (value === undefined) {
      errors.push({
        field: name,
        message: `is not a valid ${op === 'exists' ? 'boolean' : definition.type} value`,
      });
      continue;
    }
    const condition = conditions.get(key) ?? {};
    const mongoOp =
      op === 'eq' ? '$eq' : op === 'exists' ? '$exists' : RANGE_OPS[op as keyof typeof RANGE_OPS];
    condition[mongoOp] = value;
    conditions.set(key, condition);
  }
  const filter: Record<string, unknown> = {};
  for (const [key, condition] of conditions) {
    const ops = Object.keys(condition);
    // A lone equality is written plainly: the form every server matches against arrays too.
    filter[`customFields.${key}`] =
      ops.length === 1 && ops[0] === '$eq' ? condition.$eq : condition;
  }
  return { filter, errors };
}

function parseValue(d: CustomFieldDefinition, raw: string): string | number | boolean | undefined {
  const text = raw.trim();
  switch (d.type) {
    case 'text':
      return text === '' ? undefined : text;
    case 'number': {
      const n = text === '' ? NaN : Number(text);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return normalizeDate(text);
    case 'boolean':
      return parseBoolean(text);
    case 'single_select':
    case 'multi_select':
      // Inactive options are still stored on records, so they are still filterable.
      return d.options.some((o) => o.value === text) ? text : undefined;
  }
}

function parseBoolean(raw: string): boolean | undefined {
  const text = raw.trim();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}
