// A contact -> one CSV record of the export. The column names are the import's field names
// (import-mapping.ts), so an exported file imports again as it is; the columns only the
// export has (id, kind, displayName, version, times) are ignored by the import. Lossy by
// design: the primary address, two emails and three phones (one of them the first mobile).
// Custom fields follow as `cf.<key>` columns, one per definition, written the way the
// contact service reads import cells (services/contact/src/domain/custom-field-cells.ts).
import type { contactV1 } from '@kith/contracts';
import { IMPORT_FIELDS } from './import-mapping';

export const EXPORT_COLUMNS = [
  'id',
  'kind',
  'displayName',
  // The import's own field names, in its order: the one list both sides read.
  ...IMPORT_FIELDS,
  'version',
  'createdAt',
  'updatedAt',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Tags joined with "; " (the import splits on ; | and ,). */
export const TAG_JOIN = '; ';

/** What the export needs of a custom field definition. */
export interface ExportedCustomField {
  key: string;
  /** The definition's type; one the gateway does not know yet is written by value shape. */
  type: string;
}

/**
 * The header: the fixed columns, then one `cf.<key>` per definition in the given order.
 * After the fixed ones, so a reader that goes by position is not shifted by a tenant's fields.
 */
export function exportHeader(customFields: readonly ExportedCustomField[]): string[] {
  return [...EXPORT_COLUMNS, ...customFields.map((f) => `cf.${f.key}`)];
}

type CellWriter = (value: unknown) => string;

const plain: CellWriter = (value) => {
  if (Array.isArray(value)) return value.map(String).join(TAG_JOIN);
  return typeof value === 'string' ? value : String(value);
};

// Stored values are normalized by type (custom-field-values.ts), so each writer only has to
// produce text the import reads back to the same value. One entry per type of FIELD_TYPES
// (http/schemas/custom-field.schema.ts); a type added there but not here is written by shape.
const CELL_WRITERS: Record<
  'text' | 'number' | 'date' | 'boolean' | 'single_select' | 'multi_select',
  CellWriter
> = {
  text: plain,
  // String(n) is a form the import's number reader accepts, exponents included ("1e+21").
  number: plain,
  // Stored as YYYY-MM-DD.
  date: plain,
  // true/false like the deceased and doNotContact columns; the import also reads yes/no.
  boolean: (value) => (typeof value === 'boolean' ? (value ? 'true' : 'false') : plain(value)),
  single_select: plain,
  // Option values joined like tags; the import splits a multi-select cell on ; and |.
  multi_select: plain,
};

/** One custom field value as its CSV cell; '' when the record has none. */
export function customFieldCell(type: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  const write = Object.hasOwn(CELL_WRITERS, type)
    ? CELL_WRITERS[type as keyof typeof CELL_WRITERS]
    : plain;
  return write(value);
}

function primaryFirst<T extends { primary: boolean }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Number(b.primary) - Number(a.primary));
}

export function toExportRecord(
  contact: contactV1.Contact__Output,
  customFields: readonly ExportedCustomField[] = [],
): string[] {
  const f = contact.fields;
  const person = f?.person;
  const organization = f?.organization;
  const emails = primaryFirst(f?.emails ?? []);
  const phones = primaryFirst(f?.phones ?? []);
  const mobile = phones.find((p) => p.type === 'mobile');
  const others = phones.filter((p) => p !== mobile);
  const address = primaryFirst(f?.addresses ?? [])[0];
  const isPerson = contact.kind === 'CONTACT_KIND_PERSON';
  const values: Record<ExportColumn, string> = {
    id: contact.id,
    kind: isPerson ? 'person' : 'organization',
    displayName: contact.displayName,
    prefix: person?.prefix ?? '',
    firstName: person?.firstName ?? '',
    middleName: person?.middleName ?? '',
    lastName: person?.lastName ?? '',
    suffix: person?.suffix ?? '',
    preferredName: person?.preferredName ?? '',
    organizationName: organization?.name ?? '',
    organizationType: organization?.organizationType ?? '',
    website: organization?.website ?? '',
    email: emails[0]?.address ?? '',
    email2: emails[1]?.address ?? '',
    phone: others[0]?.number ?? '',
    phone2: others[1]?.number ?? '',
    mobile: mobile?.number ?? '',
    addressLine1: address?.line1 ?? '',
    addressLine2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postalCode: address?.postalCode ?? '',
    countryCode: address?.countryCode ?? '',
    birthDate: f?.birthDate ?? '',
    gender: f?.gender ?? '',
    pronouns: f?.pronouns ?? '',
    deceased: isPerson ? String(f?.deceased ?? false) : '',
    deceasedDate: f?.deceasedDate ?? '',
    doNotContact: String(f?.doNotContact ?? false),
    tags: (f?.tags ?? []).join(TAG_JOIN),
    source: f?.source ?? '',
    ownerId: f?.ownerId ?? '',
    version: contact.version,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
  const stored = parseCustomFields(f?.customFieldsJson);
  return [
    ...EXPORT_COLUMNS.map((column) => values[column]),
    ...customFields.map((field) => customFieldCell(field.type, stored[field.key])),
  ];
}

function parseCustomFields(json: string | undefined): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}
