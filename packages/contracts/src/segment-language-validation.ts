// Validation of segment definitions with field errors that point into the definition
// (`definition.and[1].currency: required for total`), on the schema of segment-definition.ts.
// Pure.
import { z } from 'zod';
import {
  ActivityConditionSchema,
  ConsentConditionSchema,
  CustomFieldConditionSchema,
  FieldConditionSchema,
  GivingConditionSchema,
  ReachableConditionSchema,
  SEGMENT_LIMITS,
  SegmentConditionSchema,
  TagConditionSchema,
  type SegmentCondition,
} from './segment-language';

/** The keys that say which kind of condition an object is, in the order the union tries. */
const KIND_KEYS = [
  'and',
  'or',
  'not',
  'field',
  'tag',
  'customField',
  'reachable',
  'consent',
  'giving',
  'activity',
] as const;

export interface SegmentFieldError {
  /** Path into the definition, e.g. `definition.and[1].currency`. */
  field: string;
  message: string;
}

const pathOf = (root: string, path: PropertyKey[]) =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    root,
  );

/**
 * The problems of the condition at `path`: a union failure is reported for the branch the
 * object names by its kind key (so `{"giving": "total"}` says "currency: required", not
 * "no union member matched").
 */
function conditionProblems(value: unknown, path: string): SegmentFieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: path, message: 'expected a condition object' }];
  }
  const kinds = KIND_KEYS.filter((k) => k in value);
  if (kinds.length !== 1) {
    return [
      {
        field: path,
        message:
          kinds.length === 0
            ? `a condition names one of ${KIND_KEYS.join(', ')}`
            : `a condition names one kind, not ${kinds.join(' and ')}`,
      },
    ];
  }
  const kind = kinds[0] as (typeof KIND_KEYS)[number];
  const record = value as Record<string, unknown>;
  if (kind === 'and' || kind === 'or') {
    const list = record[kind];
    const shape = z.object({ [kind]: z.array(z.unknown()).min(1).max(50) }).strict();
    const parsed = shape.safeParse(value);
    if (!parsed.success) return issuesAt(parsed.error.issues, path);
    return (list as unknown[]).flatMap((c, i) => conditionProblems(c, `${path}.${kind}[${i}]`));
  }
  if (kind === 'not') {
    if (Object.keys(record).length !== 1)
      return [{ field: path, message: 'not takes one condition only' }];
    return conditionProblems(record.not, `${path}.not`);
  }
  const schema = {
    field: FieldConditionSchema,
    tag: TagConditionSchema,
    customField: CustomFieldConditionSchema,
    reachable: ReachableConditionSchema,
    consent: ConsentConditionSchema,
    giving: GivingConditionSchema,
    activity: ActivityConditionSchema,
  }[kind];
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : issuesAt(parsed.error.issues, path);
}

function issuesAt(issues: z.core.$ZodIssue[], root: string): SegmentFieldError[] {
  return issues.map((issue) => ({
    field: pathOf(root, issue.path),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.join(', ')}`
        : issue.message,
  }));
}

function shapeProblems(condition: SegmentCondition, path: string): SegmentFieldError[] {
  let count = 0;
  let deepest = 0;
  const walk = (c: SegmentCondition, depth: number) => {
    count += 1;
    deepest = Math.max(deepest, depth);
    if ('and' in c) c.and.forEach((x) => walk(x, depth + 1));
    else if ('or' in c) c.or.forEach((x) => walk(x, depth + 1));
    else if ('not' in c) walk(c.not, depth + 1);
  };
  walk(condition, 0);
  const problems: SegmentFieldError[] = [];
  if (count > SEGMENT_LIMITS.maxConditions) {
    problems.push({ field: path, message: `at most ${SEGMENT_LIMITS.maxConditions} conditions` });
  }
  if (deepest > SEGMENT_LIMITS.maxDepth) {
    problems.push({ field: path, message: `nested at most ${SEGMENT_LIMITS.maxDepth} deep` });
  }
  return problems;
}

export type ParsedDefinition =
  { ok: true; definition: SegmentCondition } | { ok: false; errors: SegmentFieldError[] };

/** A definition from its JSON text (as the API and gRPC carry it), or what is wrong with it. */
export function parseSegmentDefinition(json: string, field = 'definition'): ParsedDefinition {
  if (Buffer.byteLength(json, 'utf8') > SEGMENT_LIMITS.maxDefinitionBytes) {
    return {
      ok: false,
      errors: [{ field, message: `at most ${SEGMENT_LIMITS.maxDefinitionBytes} bytes of JSON` }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, errors: [{ field, message: 'is not valid JSON' }] };
  }
  return validateSegmentDefinition(value, field);
}

export function validateSegmentDefinition(value: unknown, field = 'definition'): ParsedDefinition {
  const parsed = SegmentConditionSchema.safeParse(value);
  if (!parsed.success) {
    const errors = conditionProblems(value, field);
    return { ok: false, errors: errors.length > 0 ? errors : issuesAt(parsed.error.issues, field) };
  }
  const errors = shapeProblems(parsed.data, field);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, definition: parsed.data };
}
