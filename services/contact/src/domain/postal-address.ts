// Postal addresses, shared by contacts (persons and organizations) and households. One
// shape everywhere, so a member can inherit the household's address as it is.
import { COUNTRY_CODE_MESSAGE, isCountryCode, POSTAL_ADDRESS_LIMITS } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import { checkFreeText } from './free-text';

export const ADDRESS_TYPES = ['home', 'work', 'other'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

export interface PostalAddress {
  type: AddressType;
  primary: boolean;
  line1: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
  /** False once mail came back undeliverable: outreach by mail skips it. */
  valid: boolean;
  /** Seasonal addresses: the dates (YYYY-MM-DD) between which it is used. */
  validFrom?: string;
  validTo?: string;
}

/** What a caller sends, before cleaning. */
export interface PostalAddressInput {
  type?: string;
  primary?: boolean;
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  countryCode?: string;
  valid?: boolean;
  validFrom?: string;
  validTo?: string;
}

/** Shared with the gateway's zod schemas (@kith/contracts field-limits.ts). */
export const ADDRESS_LIMITS = POSTAL_ADDRESS_LIMITS;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function clean(value: string | undefined): string | undefined {
  const cleaned = value?.trim().replace(/\s+/g, ' ');
  return cleaned ? cleaned : undefined;
}

/** Upper case, single spaces: "sw1a  1aa" -> "SW1A 1AA". The form used for matching. */
export function normalizePostalCode(code: string): string {
  return code.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** A real calendar date in YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Whether the address is in use on `day` (YYYY-MM-DD): valid and inside its period. */
export function isAddressUsableOn(address: PostalAddress, day: string): boolean {
  if (!address.valid) return false;
  if (address.validFrom && day < address.validFrom) return false;
  if (address.validTo && day > address.validTo) return false;
  return true;
}

/**
 * Cleans a list of addresses, pushing every problem onto `errors` under `path` (e.g.
 * "addresses"). At most one may be primary; when none is, the first becomes primary.
 */
export function validatePostalAddresses(
  input: readonly PostalAddressInput[],
  path: string,
  errors: ContactFieldError[],
): PostalAddress[] {
  if (input.length > ADDRESS_LIMITS.count) {
    errors.push({ field: path, message: `at most ${ADDRESS_LIMITS.count} addresses` });
  }
  const addresses = input.map((address, i) =>
    validatePostalAddress(address, `${path}[${i}]`, errors),
  );
  const primaries = addresses.filter((a) => a.primary).length;
  if (primaries > 1) errors.push({ field: path, message: 'at most one entry may be primary' });
  else if (primaries === 0 && addresses[0]) addresses[0].primary = true;
  return addresses;
}

/** Cleans one address; problems go onto `errors` under `path` (e.g. "mailingAddress"). */
export function validatePostalAddress(
  input: PostalAddressInput,
  path: string,
  errors: ContactFieldError[],
): PostalAddress {
  const type = (clean(input.type)?.toLowerCase() ?? 'home') as AddressType;
  const line1 = clean(input.line1) ?? '';
  const countryCode = (clean(input.countryCode) ?? '').toUpperCase();
  if (!ADDRESS_TYPES.includes(type)) {
    errors.push({ field: `${path}.type`, message: `must be one of ${ADDRESS_TYPES.join(', ')}` });
  }
  if (!line1) errors.push({ field: `${path}.line1`, message: 'is required' });
  if (!isCountryCode(countryCode)) {
    errors.push({ field: `${path}.countryCode`, message: COUNTRY_CODE_MESSAGE });
  }
  const address: PostalAddress = {
    type,
    primary: input.primary === true,
    line1,
    countryCode,
    valid: input.valid !== false,
  };
  const text = (part: 'line1' | 'line2' | 'city' | 'region', max: number): string | undefined => {
    const value = clean(input[part]);
    checkFreeText(errors, `${path}.${part}`, value, max);
    return value;
  };
  text('line1', ADDRESS_LIMITS.line);
  const line2 = text('line2', ADDRESS_LIMITS.line);
  const city = text('city', ADDRESS_LIMITS.city);
  const region = text('region', ADDRESS_LIMITS.region);
  if (line2) address.line2 = line2;
  if (city) address.city = city;
  if (region) address.region = region;
  const postalCode = clean(input.postalCode);
  if (postalCode !== undefined) {
    checkFreeText(errors, `${path}.postalCode`, postalCode, ADDRESS_LIMITS.postalCode);
    address.postalCode = normalizePostalCode(postalCode);
  }
  let datesValid = true;
  for (const part of ['validFrom', 'validTo'] as const) {
    const value = clean(input[part]);
    if (value === undefined) continue;
    if (!isIsoDate(value)) {
      errors.push({ field: `${path}.${part}`, message: 'must be a date, YYYY-MM-DD' });
      datesValid = false;
    }
    address[part] = value;
  }
  if (datesValid && address.validFrom && address.validTo && address.validFrom > address.validTo) {
    errors.push({ field: `${path}.validTo`, message: 'must not be before validFrom' });
  }
  return address;
}
