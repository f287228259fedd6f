// A contact -> one CSV record of the export. The column names are the import's field names
// (import-mapping.ts), so an exported file imports again as it is; the columns only the
// export has (id, kind, displayName, version, times) are ignored by the import. Lossy by
// design: the primary address, two emails and three phones (one of them the first mobile).
// The current consent per channel follows (status and capture time), so a file re-imported
// keeps every opt-out; then custom fields as `cf.<key>` columns, one per definition, written
// the way the contact service reads import cells (services/contact/src/domain/custom-field-cells.ts).
import type { contactV1 } from '@kith/contracts';
import { parseCustomFields } from '../modules/contact/contact.mapper';
import { CONSENT_COLUMNS, IMPORT_FIELDS, type ConsentColumn } from './import-mapping';

export const EXPORT_COLUMNS = [
  'id',
  'kind',
  'displayName',
  // The import's own field names, in its order: the one list both sides read.
  ...IMPORT_FIELDS,
  'version',
  'createdAt',
  'updatedAt',
  // Fixed too (one pair per channel), so they come before the tenant's cf.<key> columns.
  ...CONSENT_COLUMNS,
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Tags joined with "; " (the import splits on ; | and ,). */
export const TAG_JOIN = '; ';

/**
 * The header: the fixed columns, then one `cf.<key>` per custom field key in the given order.
 * After the fixed ones, so a reader that goes by position is not shifted by a tenant's fields.
 */
export function exportHeader(customFieldKeys: readonly string[]): string[] {
  return [...EXPORT_COLUMNS, ...customFieldKeys.map((key) => `cf.${key}`)];
}

/**
 * One custom field value as its CSV cell; '' when the record has none. Stored values are
 * normalized by type (custom-field-values.ts), so the plain text form of each is what the
 * import reads back to the same value: true/false for booleans (as the deceased and
 * doNotContact columns), String(n) for numbers (exponents included), YYYY-MM-DD dates, and
 * multi-select options joined like tags (the import splits on ; and |).
 */
export function customFieldCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(TAG_JOIN);
  return typeof value === 'string' ? value : String(value);
}

/** The current record per channel as its two cells; '' for a channel without one. */
function consentCells(
  communication: readonly contactV1.ConsentRecord__Output[],
): Record<ConsentColumn, string> {
  const cells = Object.fromEntries(CONSENT_COLUMNS.map((column) => [column, ''])) as Record<
    ConsentColumn,
    string
  >;
  for (const record of communication) {
    const status = `consent.${record.channel}.status`;
    if (!(status in cells)) continue;
    cells[status as ConsentColumn] = record.status;
    cells[`consent.${record.channel}.capturedAt` as ConsentColumn] = record.capturedAt;
  }
  return cells;
}

function primaryFirst<T extends { primary: boolean }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Number(b.primary) - Number(a.primary));
}

export function toExportRecord(
  contact: contactV1.Contact__Output,
  customFieldKeys: readonly string[] = [],
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
  const consent = consentCells(contact.communication);
  const values: Record<ExportColumn, string> = {
    ...consent,
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
    ...customFieldKeys.map((key) => customFieldCell(stored[key])),
  ];
}
