import { z } from 'zod';

export interface ConfigVarDescription {
  name: string;
  description: string;
  required: boolean;
  default?: unknown;
  sensitive: boolean;
}

interface JsonSchemaProperty {
  description?: string;
  default?: unknown;
  sensitive?: boolean;
}

/**
 * One entry per variable, for generated docs. Reads the *input* JSON Schema: that is what an
 * operator sets (a comma list, not the parsed array), and zod has already merged descriptions,
 * defaults and metadata through optional/default/transform wrappers there.
 */
export function describeConfig(schema: z.ZodObject): ConfigVarDescription[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    description: prop.description ?? '',
    required: required.has(name),
    ...(prop.default !== undefined ? { default: prop.default } : {}),
    sensitive: prop.sensitive === true,
  }));
}

/** The config with every sensitive value replaced, safe to log at start-up. */
export function redactConfig<T extends Record<string, unknown>>(
  schema: z.ZodObject,
  config: T,
): Record<keyof T, unknown> {
  const secret = new Set(
    describeConfig(schema)
      .filter((v) => v.sensitive)
      .map((v) => v.name),
  );
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      secret.has(k) && v !== undefined ? '[redacted]' : v,
    ]),
  ) as Record<keyof T, unknown>;
}
