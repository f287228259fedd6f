// The contact service reports field errors with proto paths ("fields.person.first_name",
// "emails[0].address", "organization.organization_type"). Clients sent REST JSON, so
// errors[] must name the REST field ("name.firstName", "emails[0].address", "organizationType").
import type { ResourceKind } from './contact-resource';

function camelCase(segment: string): string {
  return segment.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function restFieldPath(protoPath: string, kind: ResourceKind): string {
  // "emails.0.address" and "emails[0].address" both become "emails[0].address".
  const segments = protoPath
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  if (segments[0] === 'fields') segments.shift();
  if (kind === 'person' && segments[0] === 'person') segments[0] = 'name';
  if (kind === 'organization' && segments[0] === 'organization') segments.shift();
  // "organization" (the whole profile) of an organization is the record itself.
  const path = formatPath(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : camelCase(s))));
  return path === '' ? '(root)' : path;
}

/** ['emails', 0, 'address'] -> "emails[0].address"; the form errors[].field uses everywhere. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
