// CSV columns -> contact fields. A mapping names, per column, the field it fills; columns
// mapped to nothing are ignored (and reported, so a typo in a header is noticed). Without an
// explicit mapping a header is matched against the documented names and aliases below
// (case, spaces, `_` and `-` ignored), so a file exported by /v1/contacts/export.csv
// imports as it is: its `id` column names the record, its `consent.<channel>.status` and
// `.capturedAt` columns the consent. Pure: no I/O; the router streams rows through toImportRow.
import { TRIMMED_SPACE } from '@kith/contracts';
import { CHANNELS, type Channel } from '../modules/contact/consent.schema';

export const IMPORT_FIELDS = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'preferredName',
  'organizationName',
  'organizationType',
  'website',
  'email',
  'email2',
  'phone',
  'phone2',
  'mobile',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'countryCode',
  'birthDate',
  'gender',
  'pronouns',
  'deceased',
  'deceasedDate',
  'doNotContact',
  'tags',
  'source',
  'ownerId',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header spellings (normalized: lower case, letters and digits only) beyond the field names. */
const ALIASES: Record<string, ImportField> = {
  title: 'prefix',
  givenname: 'firstName',
  first: 'firstName',
  surname: 'lastName',
  familyname: 'lastName',
  last: 'lastName',
  nickname: 'preferredName',
  organization: 'organizationName',
  organisation: 'organizationName',
  organisationname: 'organizationName',
  company: 'organizationName',
  companyname: 'organizationName',
  name: 'organizationName',
  emailaddress: 'email',
  email1: 'email',
  primaryemail: 'email',
  phonenumber: 'phone',
  telephone: 'phone',
  phone1: 'phone',
  primaryphone: 'phone',
  cell: 'mobile',
  mobilephone: 'mobile',
  address: 'addressLine1',
  street: 'addressLine1',
  streetaddress: 'addressLine1',
  line1: 'addressLine1',
  address1: 'addressLine1',
  line2: 'addressLine2',
  address2: 'addressLine2',
  town: 'city',
  state: 'region',
  province: 'region',
  county: 'region',
  zip: 'postalCode',
  zipcode: 'postalCode',
  postcode: 'postalCode',
  country: 'countryCode',
  dateofbirth: 'birthDate',
  dob: 'birthDate',
  birthday: 'birthDate',
  tag: 'tags',
  donotcontact: 'doNotContact',
  dnc: 'doNotContact',
};

/** The export's id column: the row is that contact (see docs/api.md, "Imports and exports"). */
export const ID_COLUMN = 'id';

const BY_NORMALIZED = new Map<string, ImportField | typeof ID_COLUMN>([
  ...IMPORT_FIELDS.map((field) => [normalizeHeader(field), field] as const),
  ...Object.entries(ALIASES),
  [ID_COLUMN, ID_COLUMN],
]);

/** A custom field's value: `cf.<key>` as a column header or a --map target. */
export type CustomFieldColumn = `cf.${string}`;
const CUSTOM_FIELD_COLUMN = /^cf\.[a-z][a-z0-9_]{0,39}$/;

export function isCustomFieldColumn(name: string): name is CustomFieldColumn {
  return CUSTOM_FIELD_COLUMN.test(name);
}

/** A channel's current consent: `consent.<channel>.status` and `consent.<channel>.capturedAt`. */
export const CONSENT_PARTS = ['status', 'capturedAt'] as const;
export type ConsentPart = (typeof CONSENT_PARTS)[number];
export type ConsentColumn = `consent.${Channel}.${ConsentPart}`;
export const CONSENT_COLUMNS: readonly ConsentColumn[] = CHANNELS.flatMap((channel) =>
  CONSENT_PARTS.map((part) => `consent.${channel}.${part}` as const),
);

export function isConsentColumn(name: string): name is ConsentColumn {
  return (CONSENT_COLUMNS as readonly string[]).includes(name);
}

export type ColumnTarget = ImportField | typeof ID_COLUMN | CustomFieldColumn | ConsentColumn;

/**
 * What parseMapSpecs reads as one `column=field`, as a pattern for the API document: a column
 * that is not blank, then a field it knows, `-` or nothing (both ignore the column).
 */
export const MAP_SPEC_PATTERN = (() => {
  const space = `[${TRIMMED_SPACE}]*`;
  const targets = [
    '-',
    ...IMPORT_FIELDS,
    ID_COLUMN,
    CUSTOM_FIELD_COLUMN.source.slice(1, -1),
    ...CONSENT_COLUMNS.map((column) => column.replaceAll('.', '\\.')),
  ];
  return `^[^=]*[^=${TRIMMED_SPACE}][^=]*=${space}(?:${targets.join('|')})?${space}$`;
})();
/** Per column index: the field it fills, or undefined when ignored. */
export type ColumnMapping = Array<ColumnTarget | undefined>;

export interface MappingResult {
  mapping: ColumnMapping;
  /** Headers that map to nothing (ignored). */
  unmapped: string[];
  /** Explicit mapping entries that are wrong: unknown column or field. */
  errors: Array<{ field: string; message: string }>;
}

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Parses `column=field` pairs (the CLI's --map, the API's `map` query parameter). A field
 * of `-` or empty ignores the column.
 */
export function parseMapSpecs(specs: readonly string[]): {
  overrides: Map<string, ColumnTarget | undefined>;
  errors: Array<{ field: string; message: string }>;
} {
  const overrides = new Map<string, ColumnTarget | undefined>();
  const errors: Array<{ field: string; message: string }> = [];
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const column = (at < 0 ? spec : spec.slice(0, at)).trim();
    const target = at < 0 ? '' : spec.slice(at + 1).trim();
    if (at < 0 || column === '') {
      errors.push({ field: 'map', message: `"${spec}" is not column=field` });
      continue;
    }
    if (target === '' || target === '-') {
      overrides.set(column, undefined);
      continue;
    }
    const field =
      (IMPORT_FIELDS as readonly string[]).includes(target) ||
      target === ID_COLUMN ||
      isCustomFieldColumn(target) ||
      isConsentColumn(target)
        ? (target as ColumnTarget)
        : undefined;
    if (!field) {
      errors.push({ field: 'map', message: `"${target}" is not an import field` });
      continue;
    }
    overrides.set(column, field);
  }
  return { overrides, errors };
}

/** The mapping for a header row: explicit overrides first, then the default names. */
export function resolveMapping(
  headers: readonly string[],
  overrides: ReadonlyMap<string, ColumnTarget | undefined> = new Map(),
): MappingResult {
  const errors: Array<{ field: string; message: string }> = [];
  for (const column of overrides.keys()) {
    if (!headers.includes(column)) {
      errors.push({ field: 'map', message: `the file has no column "${column}"` });
    }
  }
  const taken = new Set<ColumnTarget>();
  const unmapped: string[] = [];
  const mapping = headers.map((header) => {
    const trimmed = header.trim();
    const field = overrides.has(header)
      ? overrides.get(header)
      : isCustomFieldColumn(trimmed) || isConsentColumn(trimmed)
        ? trimmed
        : BY_NORMALIZED.get(normalizeHeader(header));
    if (!field || taken.has(field)) {
      unmapped.push(header);
      return undefined;
    }
    taken.add(field);
    return field;
  });
  return { mapping, unmapped, errors };
}
