// One CSV record -> an ImportRow for the contact service: cells placed into ContactFields
// by the column mapping. Only the shape is decided here (which list a value goes to, what a
// boolean cell says); the contact service validates the values with the same rules as a
// single create, so the report names fields the way the API does.
import type { contactImportV1, contactV1 } from '@kith/contracts';
import {
  ID_COLUMN,
  isConsentColumn,
  isCustomFieldColumn,
  type ColumnMapping,
  type ImportField,
} from './import-mapping';

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);
/** Tags in one cell: "donor; volunteer" or "donor|volunteer" or "donor,volunteer". */
const TAG_SEPARATOR = /[;|,]/;

const PERSON_PARTS = {
  prefix: 'prefix',
  firstName: 'firstName',
  middleName: 'middleName',
  lastName: 'lastName',
  suffix: 'suffix',
  preferredName: 'preferredName',
} as const;

const ADDRESS_PARTS = {
  addressLine1: 'line1',
  addressLine2: 'line2',
  city: 'city',
  region: 'region',
  postalCode: 'postalCode',
  countryCode: 'countryCode',
} as const;

const SCALARS = {
  birthDate: 'birthDate',
  gender: 'gender',
  pronouns: 'pronouns',
  deceasedDate: 'deceasedDate',
  source: 'source',
  ownerId: 'ownerId',
} as const;

export function toImportRow(
  rowNumber: number,
  headers: readonly string[],
  record: readonly string[],
  mapping: ColumnMapping,
  defaults: { source?: string } = {},
): contactImportV1.ImportRow {
  const fields: contactV1.ContactFields = { emails: [], phones: [], tags: [], addresses: [] };
  const mappingErrors: contactImportV1.ImportFieldError[] = [];
  const address: Record<string, string> = {};
  const cells = headers.map((column, i) => ({ column, value: record[i] ?? '' }));
  if (record.length !== headers.length) {
    mappingErrors.push({
      field: '',
      message: `the row has ${record.length} cells, the header ${headers.length}`,
    });
  }
  const customFields: Record<string, string> = {};
  // Per channel, in the order its first cell appears: the contact service judges the values.
  const consent = new Map<string, { status: string; capturedAt: string }>();
  let contactId = '';
  mapping.forEach((field, i) => {
    const value = (record[i] ?? '').trim();
    if (!field || value === '') return;
    // Custom field cells go as text; the contact service reads them by the field's type.
    if (isCustomFieldColumn(field)) customFields[field.slice('cf.'.length)] = value;
    else if (isConsentColumn(field)) {
      const [, channel = '', part] = field.split('.');
      const cells = consent.get(channel) ?? { status: '', capturedAt: '' };
      consent.set(channel, { ...cells, [part === 'status' ? 'status' : 'capturedAt']: value });
    } else if (field === ID_COLUMN) contactId = value;
    else place(field, value, fields, address, mappingErrors);
  });
  if (Object.keys(address).length > 0) fields.addresses = [address];
  if (Object.keys(customFields).length > 0) fields.customFieldsJson = JSON.stringify(customFields);
  if (!fields.source && defaults.source) fields.source = defaults.source;
  const consents = [...consent].map(([channel, cells]) => ({ channel, ...cells }));
  return { rowNumber: String(rowNumber), fields, mappingErrors, cells, contactId, consents };
}

function place(
  field: ImportField,
  value: string,
  fields: contactV1.ContactFields,
  address: Record<string, string>,
  errors: contactImportV1.ImportFieldError[],
): void {
  if (field in PERSON_PARTS) {
    fields.person = { ...fields.person, [PERSON_PARTS[field as keyof typeof PERSON_PARTS]]: value };
  } else if (field === 'organizationName') {
    fields.organization = { ...fields.organization, name: value };
  } else if (field === 'organizationType' || field === 'website') {
    fields.organization = { ...fields.organization, [field]: value };
  } else if (field === 'email' || field === 'email2') {
    fields.emails?.push({ address: value, type: 'other', primary: field === 'email' });
  } else if (field === 'phone' || field === 'phone2' || field === 'mobile') {
    const type = field === 'mobile' ? 'mobile' : 'other';
    fields.phones?.push({ number: value, type, primary: false });
  } else if (field in ADDRESS_PARTS) {
    address[ADDRESS_PARTS[field as keyof typeof ADDRESS_PARTS]] = value;
  } else if (field === 'tags') {
    fields.tags = value
      .split(TAG_SEPARATOR)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
  } else if (field === 'deceased' || field === 'doNotContact') {
    const flag = parseFlag(value);
    if (flag === undefined) errors.push({ field, message: 'must be yes/no, true/false or 1/0' });
    else fields[field] = flag;
  } else {
    fields[SCALARS[field as keyof typeof SCALARS]] = value;
  }
}

export function parseFlag(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return undefined;
}
