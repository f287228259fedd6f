// Turns what a caller sent into clean ContactFields, or lists every rule it breaks.
// All problems are collected (not just the first) so a form can show them at once.
import {
  EMAIL_TYPES,
  PERSON_NAME_PARTS,
  PHONE_TYPES,
  type ContactFields,
  type ContactFieldsInput,
  type ContactKind,
  type EmailAddress,
  type EmailType,
  type OrganizationProfile,
  type PersonName,
  type PhoneNumber,
  type PhoneType,
} from './contact';
import {
  CONTACT_FIELD_LIMITS,
  EMAIL_ADDRESS_PATTERN,
  PHONE_NUMBER_CHARACTERS,
  textProblem,
} from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import { checkFreeText, isFutureDay } from './free-text';
import { isIsoDate, validatePostalAddresses } from './postal-address';

/** Shared with the gateway's zod schemas (@kith/contracts field-limits.ts). */
export const LIMITS = CONTACT_FIELD_LIMITS;

export interface ValidationResult {
  fields: ContactFields;
  errors: ContactFieldError[];
}

/** The clock the rules need: birth and death dates may not lie in the future. */
export interface ValidationContext {
  /** ISO-8601 time of the change. */
  now: string;
}

// Emails and phone numbers: the patterns of @kith/contracts, which the gateway documents.
// Loose on purpose: deliverability is the mail system's business; they only catch typos like
// "jane.example.com".

/** Trims and collapses inner whitespace; an empty result is "not given". */
export function cleanText(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const cleaned = value.trim().replace(/\s+/g, ' ');
  return cleaned.length > 0 ? cleaned : undefined;
}

/** Digits only, keeping a leading `+`: "+1 (555) 010-2030" -> "+15550102030". */
export function normalizePhoneNumber(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** Trimmed, whitespace-collapsed, lowercased, empty ones dropped, duplicates dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const cleaned = tags
    .map((tag) => cleanText(tag)?.toLowerCase())
    .filter((tag): tag is string => tag !== undefined);
  return [...new Set(cleaned)];
}

export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

export function validateContactFields(
  kind: ContactKind,
  input: ContactFieldsInput,
  context: ValidationContext,
): ValidationResult {
  const errors: ContactFieldError[] = [];
  const checkLength = (field: string, value: string | undefined, max: number): void =>
    checkFreeText(errors, field, value, max);

  const person = cleanPerson(input.person);
  const organization = cleanOrganization(input.organization);
  if (kind === 'person') {
    if (!person?.firstName && !person?.lastName) {
      errors.push({ field: 'person', message: 'a person needs a first or last name' });
    }
    if (organization) {
      errors.push({ field: 'organization', message: 'only an organization has this profile' });
    }
  } else {
    if (!organization?.name) {
      errors.push({ field: 'organization.name', message: 'an organization needs a name' });
    }
    if (person) {
      errors.push({ field: 'person', message: 'only a person has a personal name' });
    }
  }
  checkLength('person.prefix', person?.prefix, LIMITS.namePart);
  checkLength('person.suffix', person?.suffix, LIMITS.namePart);
  for (const part of ['firstName', 'middleName', 'lastName', 'preferredName'] as const) {
    checkLength(`person.${part}`, person?.[part], LIMITS.name);
  }
  checkLength('organization.name', organization?.name, LIMITS.organizationName);
  checkLength(
    'organization.organizationType',
    organization?.organizationType,
    LIMITS.organizationType,
  );
  checkLength('organization.website', organization?.website, LIMITS.website);

  const emails = validateEmails(input.emails ?? [], errors);
  const phones = validatePhones(input.phones ?? [], errors);
  const addresses = validatePostalAddresses(input.addresses ?? [], 'addresses', errors);
  const personal = validatePersonalFields(kind, input, context, errors);

  const tags = normalizeTags(input.tags ?? []);
  if (tags.length > LIMITS.tags) {
    errors.push({ field: 'tags', message: `at most ${LIMITS.tags} tags` });
  }
  tags.forEach((tag, i) => checkLength(`tags[${i}]`, tag, LIMITS.tag));

  const source = cleanText(input.source);
  const ownerId = cleanText(input.ownerId);
  checkLength('source', source, LIMITS.source);
  checkLength('ownerId', ownerId, LIMITS.ownerId);

  const fields: ContactFields = {
    emails,
    phones,
    addresses,
    tags,
    deceased: personal.deceased,
    doNotContact: input.doNotContact === true,
    // Checked against the tenant's definitions by the decisions (custom-field-values.ts).
    customFields: {},
  };
  if (personal.birthDate) fields.birthDate = personal.birthDate;
  if (personal.gender) fields.gender = personal.gender;
  if (personal.pronouns) fields.pronouns = personal.pronouns;
  if (personal.deceasedDate) fields.deceasedDate = personal.deceasedDate;
  if (person) fields.person = person;
  if (organization) fields.organization = organization as OrganizationProfile;
  if (source) fields.source = source;
  if (ownerId) fields.ownerId = ownerId;
  return { fields, errors };
}

/**
 * Birth date, gender, pronouns and death belong to persons. A death date implies deceased
 * (the date is the stronger statement: clearing `deceased` needs the date cleared too);
 * a person cannot die before being born, and neither date lies in the future.
 */
function validatePersonalFields(
  kind: ContactKind,
  input: ContactFieldsInput,
  context: ValidationContext,
  errors: ContactFieldError[],
): Pick<ContactFields, 'birthDate' | 'gender' | 'pronouns' | 'deceased' | 'deceasedDate'> {
  const birthDate = cleanText(input.birthDate);
  const gender = cleanText(input.gender);
  const pronouns = cleanText(input.pronouns);
  const deceasedDate = cleanText(input.deceasedDate);
  const deceased = input.deceased === true || deceasedDate !== undefined;
  if (kind === 'organization') {
    const given = {
      birthDate,
      gender,
      pronouns,
      deceasedDate,
      deceased: input.deceased || undefined,
    };
    for (const [field, value] of Object.entries(given)) {
      if (value !== undefined) errors.push({ field, message: 'only a person has this field' });
    }
    return { deceased: false };
  }
  for (const [field, value] of [
    ['birthDate', birthDate],
    ['deceasedDate', deceasedDate],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      errors.push({ field, message: 'must be a date, YYYY-MM-DD' });
    } else if (value !== undefined && isFutureDay(value, context.now)) {
      errors.push({ field, message: 'must not be in the future' });
    }
  }
  if (birthDate && deceasedDate && isIsoDate(birthDate) && isIsoDate(deceasedDate)) {
    if (deceasedDate < birthDate) {
      errors.push({ field: 'deceasedDate', message: 'must not be before birthDate' });
    }
  }
  checkFreeText(errors, 'gender', gender, LIMITS.gender);
  checkFreeText(errors, 'pronouns', pronouns, LIMITS.pronouns);
  return { birthDate, gender, pronouns, deceased, deceasedDate };
}

function cleanPerson(person: PersonName | undefined): PersonName | undefined {
  if (!person) return undefined;
  const cleaned: PersonName = {};
  for (const part of PERSON_NAME_PARTS) {
    const value = cleanText(person[part]);
    if (value) cleaned[part] = value;
  }
  return Object.keys(cleaned).length > 0 ? cleaned : undefined;
}

function cleanOrganization(
  organization: Partial<OrganizationProfile> | undefined,
): Partial<OrganizationProfile> | undefined {
  if (!organization) return undefined;
  const cleaned: Partial<OrganizationProfile> = {};
  for (const part of ['name', 'organizationType', 'website'] as const) {
    const value = cleanText(organization[part]);
    if (value) cleaned[part] = value;
  }
  return Object.keys(cleaned).length > 0 ? cleaned : undefined;
}

function validateEmails(
  input: NonNullable<ContactFieldsInput['emails']>,
  errors: ContactFieldError[],
): EmailAddress[] {
  if (input.length > LIMITS.emails) {
    errors.push({ field: 'emails', message: `at most ${LIMITS.emails} email addresses` });
  }
  const seen = new Set<string>();
  const emails = input.map((email, i): EmailAddress => {
    const address = normalizeEmail(email.address ?? '');
    const type = (cleanText(email.type)?.toLowerCase() ?? 'other') as EmailType;
    if (address.length === 0) {
      errors.push({ field: `emails[${i}].address`, message: 'is required' });
    } else if (address.length > LIMITS.email) {
      errors.push({
        field: `emails[${i}].address`,
        message: `must be at most ${LIMITS.email} characters`,
      });
    } else if (!EMAIL_ADDRESS_PATTERN.test(address) || textProblem(address)) {
      errors.push({ field: `emails[${i}].address`, message: 'is not a valid email address' });
    } else if (seen.has(address)) {
      errors.push({ field: `emails[${i}].address`, message: 'is listed twice' });
    }
    seen.add(address);
    if (!EMAIL_TYPES.includes(type)) {
      errors.push({
        field: `emails[${i}].type`,
        message: `must be one of ${EMAIL_TYPES.join(', ')}`,
      });
    }
    return { address, type, primary: email.primary === true, valid: email.valid !== false };
  });
  checkPrimaries('emails', emails, errors);
  return emails;
}

function validatePhones(
  input: NonNullable<ContactFieldsInput['phones']>,
  errors: ContactFieldError[],
): PhoneNumber[] {
  if (input.length > LIMITS.phones) {
    errors.push({ field: 'phones', message: `at most ${LIMITS.phones} phone numbers` });
  }
  const seen = new Set<string>();
  const phones = input.map((phone, i): PhoneNumber => {
    const number = cleanText(phone.number) ?? '';
    const normalized = normalizePhoneNumber(number);
    const digitCount = normalized.replace('+', '').length;
    const type = (cleanText(phone.type)?.toLowerCase() ?? 'other') as PhoneType;
    if (number.length === 0) {
      errors.push({ field: `phones[${i}].number`, message: 'is required' });
    } else if (number.length > LIMITS.phone) {
      errors.push({
        field: `phones[${i}].number`,
        message: `must be at most ${LIMITS.phone} characters`,
      });
    } else if (!PHONE_NUMBER_CHARACTERS.test(number)) {
      errors.push({
        field: `phones[${i}].number`,
        message: 'may hold only digits, spaces, + - ( ) . /',
      });
    } else if (digitCount < LIMITS.phoneDigitsMin || digitCount > LIMITS.phoneDigitsMax) {
      errors.push({
        field: `phones[${i}].number`,
        message: `must have ${LIMITS.phoneDigitsMin} to ${LIMITS.phoneDigitsMax} digits`,
      });
    } else if (seen.has(normalized)) {
      errors.push({ field: `phones[${i}].number`, message: 'is listed twice' });
    }
    seen.add(normalized);
    if (!PHONE_TYPES.includes(type)) {
      errors.push({
        field: `phones[${i}].type`,
        message: `must be one of ${PHONE_TYPES.join(', ')}`,
      });
    }
    return {
      number,
      normalized,
      type,
      primary: phone.primary === true,
      valid: phone.valid !== false,
    };
  });
  checkPrimaries('phones', phones, errors);
  return phones;
}

/** At most one primary; when none is marked, the first entry becomes primary (mutates). */
function checkPrimaries(
  field: string,
  entries: Array<{ primary: boolean }>,
  errors: ContactFieldError[],
): void {
  const primaries = entries.filter((entry) => entry.primary).length;
  if (primaries > 1) {
    errors.push({ field, message: 'at most one entry may be primary' });
  } else if (primaries === 0 && entries[0]) {
    entries[0].primary = true;
  }
}
