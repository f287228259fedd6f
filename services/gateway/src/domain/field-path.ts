// The contact service reports field errors with proto paths ("fields.person.first_name",
// "emails[0].address", "organization.organization_type"). Clients sent REST JSON, so
// errors[] must name the REST field ("name.firstName", "emails[0].address", "organizationType").
import type { ResourceKind } from '../modules/contact/contact.mapper';

/** A field the service reported, named as the caller sent it. */
export interface RestFieldName {
  field: string;
  in: 'body' | 'query';
  /** Replaces the service's message when the REST name needs other words. */
  message?: string;
}

/** Set per route: how its service's field paths read in REST terms (undefined: the default). */
export type RestFieldNames = (servicePath: string) => RestFieldName | undefined;

/**
 * A listing's request is its query string: every field the service names is a query
 * parameter, under its REST name (`pageToken` is `cursor`, `pageSize` is `limit`; the others,
 * e.g. `recordType`, `search`, `cf.<key>.gte`, are spelled alike). `listing` names the list
 * in the cursor's message ("the custom field list"), since a cursor only fits the list it
 * came from.
 */
export function listingFieldNames(
  listing: string,
  /** Service field -> query parameter, where they differ (`occurredFrom` is `from`). */
  renamed: Readonly<Record<string, string>> = {},
): RestFieldNames {
  return (servicePath) => {
    if (servicePath === 'pageToken') {
      return {
        field: 'cursor',
        in: 'query',
        message: `is not a cursor of ${listing}: send the nextCursor of one of its pages, or none to start`,
      };
    }
    if (servicePath === 'pageSize') return { field: 'limit', in: 'query' };
    return { field: renamed[servicePath] ?? servicePath, in: 'query' };
  };
}

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
