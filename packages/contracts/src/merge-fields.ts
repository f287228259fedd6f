// The merge fields campaign templates may name, and the whole grammar of a template as one
// pattern both edges apply (the gateway's request bodies and their OpenAPI document, the
// marketing service's renderer): text without braces, and `{{ field }}` or
// `{{ field | default }}` tags, a custom field as `custom.<key>`. Nothing else is a template.
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'displayName',
  'email',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const FIELD = `(?:${MERGE_FIELDS.join('|')}|custom\\.[a-z][a-z0-9_]{0,63})`;

const tag = (group: '(' | '(?:') => `\\{\\{\\s*${group}${FIELD})\\s*(?:\\|${group}[^{}]*))?\\}\\}`;

/** One tag, capturing its field and its default: `{{ name }}` or `{{ name | default }}`. */
export const MERGE_TAG_SOURCE = tag('(');

/** A whole template (also the OpenAPI `pattern` of subject and body templates). */
export const TEMPLATE_PATTERN = `^(?:[^{}]|${tag('(?:')})*$`;
