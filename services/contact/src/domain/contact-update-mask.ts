// Update masks: which paths of ContactFields an update replaces. Accepts the proto
// (snake_case) and JSON (camelCase) spellings and answers with one canonical camelCase form.
import { CUSTOM_FIELD_KEY_SYNTAX } from '@kith/contracts';
import {
  PERSON_NAME_PARTS,
  type ContactFields,
  type ContactFieldsInput,
  type ContactKind,
  type PersonName,
} from './contact';
import { ContactError, type ContactFieldError } from './contact-error';

const ORGANIZATION_PARTS = ['name', 'organizationType', 'website'] as const;
const TOP_LEVEL = [
  'emails',
  'phones',
  'addresses',
  'tags',
  'source',
  'ownerId',
  'doNotContact',
] as const;
const LIST_FIELDS: ReadonlySet<string> = new Set(['emails', 'phones', 'addresses', 'tags']);
/** Top-level fields only a person has. */
const PERSON_ONLY = ['birthDate', 'gender', 'pronouns', 'deceased', 'deceasedDate'] as const;

type PersonPart = (typeof PERSON_NAME_PARTS)[number];
type OrganizationPart = (typeof ORGANIZATION_PARTS)[number];

/** The smallest paths a mask can name. */
export const LEAF_PATHS = [
  ...PERSON_NAME_PARTS.map((part) => `person.${part}` as const),
  ...ORGANIZATION_PARTS.map((part) => `organization.${part}` as const),
  ...TOP_LEVEL,
  ...PERSON_ONLY,
];
export type LeafPath = (typeof LEAF_PATHS)[number];
/** One custom field's value: `customFields.<key>` (the key kept as defined, not camel-cased). */
export type CustomFieldPath = `customFields.${string}`;
export type UpdatePath = LeafPath | 'person' | 'organization' | CustomFieldPath;

const CUSTOM_FIELD_PATH = new RegExp(
  `^(?:customFields|custom_fields)\\.(${CUSTOM_FIELD_KEY_SYNTAX})$`,
);

export function isCustomFieldPath(path: UpdatePath): path is CustomFieldPath {
  return path.startsWith('customFields.');
}

const KNOWN_PATHS: ReadonlySet<string> = new Set<string>([...LEAF_PATHS, 'person', 'organization']);

function toCamelCase(path: string): string {
  return path
    .split('.')
    .map((segment) =>
      segment.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
    )
    .join('.');
}

/**
 * Canonical, de-duplicated paths; throws VALIDATION_FAILED (field `updateMask`) for an empty
 * mask, an unknown path, or a path that belongs to the other kind of contact.
 */
export function parseUpdateMask(paths: readonly string[], kind: ContactKind): UpdatePath[] {
  const errors: ContactFieldError[] = [];
  if (paths.length === 0) {
    errors.push({ field: 'updateMask', message: 'name at least one field to update' });
  }
  const parsed = new Set<UpdatePath>();
  for (const raw of paths) {
    const customKey = CUSTOM_FIELD_PATH.exec(raw.trim())?.[1];
    if (customKey) {
      parsed.add(`customFields.${customKey}`);
      continue;
    }
    const path = toCamelCase(raw.trim());
    if (!KNOWN_PATHS.has(path)) {
      errors.push({ field: 'updateMask', message: `unknown field "${raw}"` });
      continue;
    }
    const root = path.split('.')[0] ?? '';
    if (kind === 'organization' && (PERSON_ONLY as readonly string[]).includes(root)) {
      errors.push({ field: 'updateMask', message: `"${raw}" does not apply to an organization` });
      continue;
    }
    if (kind === 'person' && root === 'organization') {
      errors.push({ field: 'updateMask', message: `"${raw}" does not apply to a person` });
      continue;
    }
    if (kind === 'organization' && root === 'person') {
      errors.push({ field: 'updateMask', message: `"${raw}" does not apply to an organization` });
      continue;
    }
    parsed.add(path as UpdatePath);
  }
  if (errors.length > 0) throw ContactError.validation(errors);
  return [...parsed];
}

/**
 * The current fields with the masked paths taken from `patch` (absent in patch = cleared).
 * Custom field paths are the decision's (they need the definitions) and are skipped here.
 */
export function applyUpdateMask(
  current: ContactFields,
  patch: ContactFieldsInput,
  paths: readonly UpdatePath[],
): ContactFieldsInput {
  const next: ContactFieldsInput = {
    person: current.person ? { ...current.person } : undefined,
    organization: current.organization ? { ...current.organization } : undefined,
    emails: current.emails.map(({ address, type, primary, valid }) => ({
      address,
      type,
      primary,
      valid,
    })),
    phones: current.phones.map(({ number, type, primary, valid }) => ({
      number,
      type,
      primary,
      valid,
    })),
    addresses: current.addresses.map((address) => ({ ...address })),
    tags: [...current.tags],
    source: current.source,
    ownerId: current.ownerId,
    birthDate: current.birthDate,
    gender: current.gender,
    pronouns: current.pronouns,
    deceased: current.deceased,
    deceasedDate: current.deceasedDate,
    doNotContact: current.doNotContact,
  };
  for (const path of paths) {
    if (isCustomFieldPath(path)) continue;
    const [root, part] = path.split('.') as [string, string | undefined];
    if (root === 'person') {
      next.person = part
        ? { ...next.person, [part as PersonPart]: patch.person?.[part as PersonPart] }
        : clonePerson(patch.person);
    } else if (root === 'organization') {
      next.organization = part
        ? {
            ...next.organization,
            [part as OrganizationPart]: patch.organization?.[part as OrganizationPart],
          }
        : patch.organization && { ...patch.organization };
    } else {
      // Top-level fields: replaced whole; absent in the patch means cleared (lists: empty).
      const field = root as keyof ContactFieldsInput;
      const value = patch[field];
      (next as Record<string, unknown>)[field] = LIST_FIELDS.has(field)
        ? [...((value as unknown[] | undefined) ?? [])]
        : value;
    }
  }
  return next;
}

function clonePerson(person: PersonName | undefined): PersonName | undefined {
  return person && { ...person };
}
