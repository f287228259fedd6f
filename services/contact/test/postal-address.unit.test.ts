import type { ContactFieldError } from '../src/domain/contact-error';
import {
  isAddressUsableOn,
  isIsoDate,
  normalizePostalCode,
  validatePostalAddress,
  validatePostalAddresses,
  type PostalAddress,
} from '../src/domain/postal-address';

function validateOne(input: Parameters<typeof validatePostalAddress>[0]) {
  const errors: ContactFieldError[] = [];
  const address = validatePostalAddress(input, 'address', errors);
  return { address, errors };
}

describe('validatePostalAddress', () => {
  it('cleans whitespace, upper-cases the country and normalizes the postal code', () => {
    const { address, errors } = validateOne({
      line1: '  10  Downing Street ',
      city: ' London ',
      postalCode: 'sw1a  2aa',
      countryCode: 'gb',
    });

    expect(errors).toEqual([]);
    expect(address).toEqual({
      type: 'home',
      primary: false,
      line1: '10 Downing Street',
      city: 'London',
      postalCode: 'SW1A 2AA',
      countryCode: 'GB',
      valid: true,
    });
  });

  it('requires the first line and a two-letter country code', () => {
    const { errors } = validateOne({ line1: ' ', countryCode: 'Germany' });

    expect(errors.map((e) => e.field)).toEqual(['address.line1', 'address.countryCode']);
  });

  it('refuses an unknown type, an impossible date and a period that ends before it starts', () => {
    const { errors } = validateOne({
      type: 'holiday',
      line1: 'x',
      countryCode: 'US',
      validFrom: '2026-02-30',
      validTo: '2026-01-01',
    });

    expect(errors.map((e) => e.field)).toEqual(['address.type', 'address.validFrom']);
    const period = validateOne({
      line1: 'x',
      countryCode: 'US',
      validFrom: '2026-06-01',
      validTo: '2026-01-01',
    });
    expect(period.errors).toEqual([
      { field: 'address.validTo', message: 'must not be before validFrom' },
    ]);
  });

  it('keeps the invalid-address flag when mail came back', () => {
    expect(validateOne({ line1: 'x', countryCode: 'US', valid: false }).address.valid).toBe(false);
  });

  it('names an over-long part', () => {
    const { errors } = validateOne({ line1: 'x', city: 'c'.repeat(101), countryCode: 'US' });

    expect(errors).toEqual([{ field: 'address.city', message: 'must be at most 100 characters' }]);
  });
});

describe('validatePostalAddresses', () => {
  it('makes the first address primary when none is marked', () => {
    const errors: ContactFieldError[] = [];
    const addresses = validatePostalAddresses(
      [
        { line1: 'a', countryCode: 'US' },
        { line1: 'b', countryCode: 'US' },
      ],
      'addresses',
      errors,
    );

    expect(addresses.map((a) => a.primary)).toEqual([true, false]);
  });

  it('refuses two primaries and reports under the list path', () => {
    const errors: ContactFieldError[] = [];
    validatePostalAddresses(
      [
        { line1: 'a', countryCode: 'US', primary: true },
        { line1: 'b', countryCode: 'US', primary: true },
        { line1: '', countryCode: 'US' },
      ],
      'addresses',
      errors,
    );

    expect(errors.map((e) => e.field)).toEqual(['addresses[2].line1', 'addresses']);
  });
});

describe('address helpers', () => {
  const base: PostalAddress = {
    type: 'home',
    primary: true,
    line1: 'x',
    countryCode: 'US',
    valid: true,
  };

  it.each([
    ['2026-07-01', true],
    ['2026-05-31', false],
    ['2026-09-01', false],
  ])('a summer address is usable on %s: %s', (day, usable) => {
    expect(
      isAddressUsableOn({ ...base, validFrom: '2026-06-01', validTo: '2026-08-31' }, day),
    ).toBe(usable);
  });

  it('never uses an address marked invalid', () => {
    expect(isAddressUsableOn({ ...base, valid: false }, '2026-01-01')).toBe(false);
  });

  it('normalizes postal codes and checks calendar dates', () => {
    expect(normalizePostalCode(' 94107 ')).toBe('94107');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });
});

describe('validatePostalAddress: the country and the characters', () => {
  it.each(['JJ', 'XX', 'uk'])('refuses %s, which has the format but is no country', (code) => {
    const { errors } = validateOne({ line1: '1 Main St', countryCode: code });

    expect(errors).toEqual([
      {
        field: 'address.countryCode',
        message: 'must be an ISO 3166-1 alpha-2 country code, e.g. US',
      },
    ]);
  });

  it('accepts an assigned code in any case', () => {
    expect(validateOne({ line1: '1 Main St', countryCode: 'de' }).errors).toEqual([]);
  });

  it('refuses control characters and lone surrogates in the address lines', () => {
    const { errors } = validateOne({
      line1: '1 Main\u0000 St',
      line2: 'Flat \uD800',
      city: 'Spring\u0085field',
      region: 'IL',
      postalCode: '627\u000001',
      countryCode: 'US',
    });

    expect(errors.map((e) => e.field)).toEqual([
      'address.line1',
      'address.line2',
      'address.city',
      'address.postalCode',
    ]);
  });
});
