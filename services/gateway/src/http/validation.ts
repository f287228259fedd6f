// Runs a zod schema over one part of the request and turns every issue into an
// errors[] entry naming the field in REST terms, so a client can fix all of them at once.
import type { z, ZodError } from 'zod';
import { formatPath } from '../domain/field-path';
import { GatewayError } from './problem';
import type { FieldLocation, FieldProblem } from './problem';

export function fieldProblemsFromZod(error: ZodError, location: FieldLocation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown key, so the client sees each field it must remove.
      for (const key of issue.keys) {
        const isVersion = location === 'body' && issue.path.length === 0 && key === 'version';
        problems.push({
          field: formatPath([...issue.path, key]),
          // The one field people expect here: versions travel in If-Match instead.
          message: isVersion
            ? 'Unknown field. Send the version as If-Match: "<version>".'
            : 'Unknown field.',
          in: location,
        });
      }
      continue;
    }
    const field = formatPath(issue.path);
    problems.push({ field: field === '' ? '(root)' : field, message: issue.message, in: location });
  }
  return problems;
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: FieldLocation,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const where = location === 'body' ? 'request body' : `${location} parameters`;
  throw new GatewayError(
    'validation-failed',
    `The ${where} did not pass validation.`,
    fieldProblemsFromZod(result.error, location),
  );
}

/**
 * The query parameters of a GET that carry a value. An empty one (`?tag=`, what an HTML form
 * sends for a field left blank) is taken as left out, not as an invalid value: the rule the
 * OpenAPI document states on every GET query parameter (openapi.ts).
 */
export function givenQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

/** parseOrThrow over a GET's query, empty values left out (givenQuery). */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, unknown>,
): z.output<S> {
  return parseOrThrow(schema, givenQuery(query), 'query');
}
