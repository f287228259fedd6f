import {
  LIMITS,
  normalizePhoneNumber,
  normalizeTags,
  validateContactFields,
} from '../src/domain/contact-validation';
import type { ContactFieldsInput, ContactKind } from '../src/domain/contact';

const jane = { person: { firstName: 'Jane', lastName: 'Smith' } };
const NOW = '2026-03-10T12:00:00.000Z';

function validate(kind: ContactKind, input: ContactFieldsInput) {
  return validateContactFields(kind, input, { now: NOW });
}

function fieldsWithErrors(result: ReturnType<typeof validateContactFields>): string[] {
  return result.errors.map((e) => e.field);
}

describe('validateContactFields: names', () => {
  it('accepts a person with only a last name', () => {
    const result = validate('person', { person: { lastName: 'Smith' } });

    expect(result.errors).toEqual([]);
    expect(result.fields.person).toEqual({ lastName: 'Smith' });
  });

  it('rejects a person with neither first nor last name', () => {
    const result = validate('person', { person: { prefix: 'Dr', firstName: '  ' } });

    expect(fieldsWithErrors(result)).toEqual(['person']);
  });

  it('rejects an organization without a name', () => {
    const result = validate('organization', { organization: { website: 'x.org' } });

    expect(fieldsWithErrors(result)).toEqual(['organization.name']);
  });

  it('rejects an organization profile on a person', () => {
    const result = validate('person', { ...jane, organization: { name: 'Acme' } });

    expect(fieldsWithErrors(result)).toEqual(['organization']);
  });

  it('rejects a personal name on an organization', () => {
    const result = validate('organization', {
      organization: { name: 'Acme' },
      person: { firstName: 'Jane' },
    });

    expect(fieldsWithErrors(result)).toEqual(['person']);
  });

  it('treats an all-empty sub-message as absent', () => {
    const result = validate('organization', {
      organization: { name: 'Acme' },
      person: { firstName: '', lastName: '' },
    });

    expect(result.errors).toEqual([]);
    expect(result.fields.person).toBeUndefined();
  });

  it('trims names and collapses inner whitespace', () => {
    const result = validate('person', { person: { firstName: '  Mary  Ann ' } });

    expect(result.fields.person).toEqual({ firstName: 'Mary Ann' });
  });

  it('rejects a first name over the maximum length', () => {
    const result = validate('person', {
      person: { firstName: 'x'.repeat(LIMITS.name + 1) },
    });

    expect(fieldsWithErrors(result)).toEqual(['person.firstName']);
  });
});

describe('validateContactFields: emails', () => {
  it('lowercases and trims addresses', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: ' Jane@Example.ORG ', type: 'Work' }],
    });

    expect(result.fields.emails).toEqual([
      { address: 'jane@example.org', type: 'work', primary: true, valid: true },
    ]);
  });

  it('rejects an address that is not an email', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: 'jane.example.org' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails[0].address']);
  });

  it('rejects the same address twice, whatever its case', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: 'jane@example.org' }, { address: 'JANE@example.org' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails[1].address']);
  });

  it('makes the first address primary when none is', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: 'a@example.org' }, { address: 'b@example.org' }],
    });

    expect(result.fields.emails.map((e) => e.primary)).toEqual([true, false]);
  });

  it('keeps the primary the caller chose', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: 'a@example.org' }, { address: 'b@example.org', primary: true }],
    });

    expect(result.fields.emails.map((e) => e.primary)).toEqual([false, true]);
  });

  it('rejects two primary addresses', () => {
    const result = validate('person', {
      ...jane,
      emails: [
        { address: 'a@example.org', primary: true },
        { address: 'b@example.org', primary: true },
      ],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails']);
  });

  it('rejects an unknown email type and defaults an empty one to other', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: 'a@example.org', type: 'pager' }, { address: 'b@example.org' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails[0].type']);
    expect(result.fields.emails[1]?.type).toBe('other');
  });
});

describe('validateContactFields: phones', () => {
  it('keeps the number as entered and stores a digits-only form', () => {
    const result = validate('person', {
      ...jane,
      phones: [{ number: ' +1 (555) 010-2030 ', type: 'mobile' }],
    });

    expect(result.fields.phones).toEqual([
      {
        number: '+1 (555) 010-2030',
        normalized: '+15550102030',
        type: 'mobile',
        primary: true,
        valid: true,
      },
    ]);
  });

  it('rejects letters in a phone number', () => {
    const result = validate('person', { ...jane, phones: [{ number: '555-CALL' }] });

    expect(fieldsWithErrors(result)).toEqual(['phones[0].number']);
  });

  it('rejects the same number written two ways', () => {
    const result = validate('person', {
      ...jane,
      phones: [{ number: '555 0102' }, { number: '555-0102' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['phones[1].number']);
  });

  it('rejects two primary numbers', () => {
    const result = validate('person', {
      ...jane,
      phones: [
        { number: '5550101', primary: true },
        { number: '5550102', primary: true },
      ],
    });

    expect(fieldsWithErrors(result)).toEqual(['phones']);
  });
});

describe('validateContactFields: tags and the rest', () => {
  it('trims, lowercases and de-duplicates tags', () => {
    const result = validate('person', {
      ...jane,
      tags: [' Donor ', 'donor', 'Major  Gift', ''],
    });

    expect(result.fields.tags).toEqual(['donor', 'major gift']);
  });

  it('rejects a tag over the maximum length', () => {
    const result = validate('person', { ...jane, tags: ['x'.repeat(LIMITS.tag + 1)] });

    expect(fieldsWithErrors(result)).toEqual(['tags[0]']);
  });

  it('reports every problem at once', () => {
    const result = validate('person', {
      person: {},
      emails: [{ address: 'nope' }],
      phones: [{ number: 'abc' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['person', 'emails[0].address', 'phones[0].number']);
  });

  it('drops an empty source and owner', () => {
    const result = validate('person', { ...jane, source: ' ', ownerId: '' });

    expect(result.fields).toEqual({
      person: jane.person,
      emails: [],
      phones: [],
      addresses: [],
      tags: [],
      deceased: false,
      doNotContact: false,
      customFields: {},
    });
  });
});

describe('normalizePhoneNumber', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['(555) 010-2030', '5550102030'],
    ['555.010.2030', '5550102030'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizePhoneNumber(input)).toBe(expected);
  });
});

describe('normalizeTags', () => {
  it('keeps the first occurrence order', () => {
    expect(normalizeTags(['b', 'A', 'a', 'B'])).toEqual(['b', 'a']);
  });
});

describe('validateContactFields: personal fields, addresses and flags', () => {
  it('keeps a person’s birth date, gender, pronouns and do-not-contact', () => {
    const result = validate('person', {
      ...jane,
      birthDate: '1990-04-21',
      gender: ' woman ',
      pronouns: 'she/her',
      doNotContact: true,
    });

    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      birthDate: '1990-04-21',
      gender: 'woman',
      pronouns: 'she/her',
      deceased: false,
      doNotContact: true,
    });
  });

  it('reads a death date as deceased even when deceased says false, and refuses one before birth', () => {
    const deceased = validate('person', { ...jane, deceasedDate: '2020-01-01' });
    const impossible = validate('person', {
      ...jane,
      birthDate: '1990-01-01',
      deceasedDate: '1980-01-01',
    });
    const contradiction = validate('person', {
      ...jane,
      deceased: false,
      deceasedDate: '2020-01-01',
    });

    expect(deceased.fields.deceased).toBe(true);
    expect(fieldsWithErrors(impossible)).toEqual(['deceasedDate']);
    expect(contradiction.errors).toEqual([]);
    expect(contradiction.fields.deceased).toBe(true);
  });

  it('refuses personal fields on an organization, naming each', () => {
    const result = validate('organization', {
      organization: { name: 'Acme' },
      birthDate: '1990-01-01',
      deceased: true,
    });

    expect(fieldsWithErrors(result)).toEqual(['birthDate', 'deceased']);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(fieldsWithErrors(validate('person', { ...jane, birthDate: '1990-13-01' }))).toEqual([
      'birthDate',
    ]);
  });

  it('validates addresses and keeps the invalid flags of emails and phones', () => {
    const result = validate('person', {
      ...jane,
      emails: [{ address: 'jane@example.org', valid: false }],
      phones: [{ number: '555 0101', valid: false }],
      addresses: [
        { line1: '1 Main St', countryCode: 'us' },
        { line1: '', countryCode: 'US' },
      ],
    });

    expect(fieldsWithErrors(result)).toEqual(['addresses[1].line1']);
    expect(result.fields.emails[0]?.valid).toBe(false);
    expect(result.fields.phones[0]?.valid).toBe(false);
    expect(result.fields.addresses[0]).toMatchObject({
      countryCode: 'US',
      primary: true,
      valid: true,
    });
  });
});

describe('validateContactFields: dates against the clock', () => {
  it('refuses a birth date after today, naming the field', () => {
    const result = validate('person', { ...jane, birthDate: '2026-03-12' });

    expect(result.errors).toEqual([{ field: 'birthDate', message: 'must not be in the future' }]);
  });

  it('accepts a birth date of today where it is already tomorrow in UTC+14', () => {
    expect(validate('person', { ...jane, birthDate: '2026-03-11' }).errors).toEqual([]);
  });

  it('refuses a death date in the future', () => {
    expect(fieldsWithErrors(validate('person', { ...jane, deceasedDate: '2999-01-01' }))).toEqual([
      'deceasedDate',
    ]);
  });
});

describe('validateContactFields: characters in free text', () => {
  it('refuses NUL and other control characters in names, naming each field', () => {
    const result = validate('person', {
      person: { firstName: 'Ja\u0000ne', lastName: 'Smith\u001b[0m', preferredName: 'J\u0007' },
    });

    expect(result.errors).toEqual([
      { field: 'person.firstName', message: 'must not contain control characters' },
      { field: 'person.lastName', message: 'must not contain control characters' },
      { field: 'person.preferredName', message: 'must not contain control characters' },
    ]);
  });

  it('refuses a lone surrogate in an organization name', () => {
    const result = validate('organization', { organization: { name: 'Acme \uD800' } });

    expect(result.errors).toEqual([
      { field: 'organization.name', message: 'must be valid Unicode text (no lone surrogates)' },
    ]);
  });

  it('checks the other free texts too: tags, source, gender, pronouns, emails', () => {
    const result = validate('person', {
      ...jane,
      tags: ['ok', 'b\u0000d'],
      source: 'web\u0000',
      gender: '\uDC00',
      pronouns: 'she\u0008her',
      emails: [{ address: 'ja\u0000ne@example.org' }],
    });

    expect(fieldsWithErrors(result).sort()).toEqual([
      'emails[0].address',
      'gender',
      'pronouns',
      'source',
      'tags[1]',
    ]);
  });

  it('still turns tabs and line breaks in a name into single spaces', () => {
    const result = validate('person', {
      person: { firstName: 'Mary\tAnn', lastName: 'Smith\r\n' },
    });

    expect(result.errors).toEqual([]);
    expect(result.fields.person).toEqual({ firstName: 'Mary Ann', lastName: 'Smith' });
  });
});
