// Proto3 shapes every resource's mapper meets: int64 versions that proto-loader hands over as
// strings (`longs: String`), and update masks whose paths arrive in snake_case from proto
// clients and in lowerCamelCase from JSON ones (grpcurl, proto-loader's field names).

/** An int64 version as a number; absent or '' is 0, anything unparsable NaN (validation refuses it). */
export function versionFromProto(version: string | undefined): number {
  return version === undefined || version === '' ? 0 : Number(version);
}

/** `mailingAddress` → `mailing_address`. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The fields an update mask names, out of `allowed` (lowerCamelCase), each path accepted in
 * either spelling; paths that name no allowed field come back in `unknown`, as sent.
 */
export function maskedFields<F extends string>(
  paths: readonly string[],
  allowed: readonly F[],
): { fields: F[]; unknown: string[] } {
  const bySpelling = new Map<string, F>();
  for (const field of allowed) {
    bySpelling.set(field, field);
    bySpelling.set(snakeCase(field), field);
  }
  const fields: F[] = [];
  const unknown: string[] = [];
  for (const path of paths) {
    const field = bySpelling.get(path);
    if (field === undefined) unknown.push(path);
    else if (!fields.includes(field)) fields.push(field);
  }
  return { fields, unknown };
}
