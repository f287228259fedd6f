import type { z } from 'zod';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/**
 * Parses the variables named by `schema` from `env`. Fails with a ConfigError naming every
 * missing or invalid variable, so one restart fixes them all. An empty value counts as unset
 * (`FOO=` in a shell or manifest means "not configured", and then the default applies).
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.infer<S> {
  const input: Env = {};
  for (const name of Object.keys(schema.shape)) {
    const value = env[name];
    if (value !== undefined && value !== '') input[name] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(schema, issue)));
}

function describeIssue(schema: z.ZodObject, issue: z.core.$ZodIssue): string {
  const name = issue.path.map(String).join('.') || '(root)';
  const field = schema.shape[String(issue.path[0])] as z.ZodType | undefined;
  const hint = field?.description ? ` (${field.description})` : '';
  // Never echo the offending value: it may be a secret.
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${name} is required${hint}`;
  }
  return `${name}: ${issue.message}${hint}`;
}
