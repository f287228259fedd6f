import {
  LIMITS,
  normalizePhoneNumber,
  normalizeTags,
  validateContactFields,
} from '../src/domain/contact-validation';

const jane = { person: { firstName: 'Jane', lastName: 'Smith' } };

function fieldsWithErrors(result: ReturnType<typeof validateContactFields>): string[] {
  return result.errors.map((e) => e.field);
}

describe('validateContactFields: names', () => {
  it('accepts a person with only a last name', () => {
    const result = validateContactFields('person', { person: { lastName: 'Smith' } });

    expect(result.errors).toEqual([]);
    expect(result.fields.person).toEqual({ lastName: 'Smith' });
  });

  it('rejects a person with neither first nor last name', () => {
    const result = validateContactFields('person', { person: { prefix: 'Dr', firstName: '  ' } });

    expect(fieldsWithErrors(result)).toEqual(['person']);
  });

  it('rejects an organization without a name', () => {
    const result = validateContactFields('organization', { organization: { website: 'x.org' } });

    expect(fieldsWithErrors(result)).toEqual(['organization.name']);
  });

  it('rejects an organization profile on a person', () => {
    const result = validateContactFields('person', { ...jane, organization: { name: 'Acme' } });

    expect(fieldsWithErrors(result)).toEqual(['organization']);
  });

  it('rejects a personal name on an organization', () => {
    const result = validateContactFields('organization', {
      organization: { name: 'Acme' },
      person: { firstName: 'Jane' },
    });

    expect(fieldsWithErrors(result)).toEqual(['person']);
  });

  it('treats an all-empty sub-message as absent', () => {
    const result = validateContactFields('organization', {
      organization: { name: 'Acme' },
      person: { firstName: '', lastName: '' },
    });

    expect(result.errors).toEqual([]);
    expect(result.fields.person).toBeUndefined();
  });

  it('trims names and collapses inner whitespace', () => {
    const result = validateContactFields('person', { person: { firstName: '  Mary  Ann ' } });

    expect(result.fields.person).toEqual({ firstName: 'Mary Ann' });
  });

  it('rejects a first name over the maximum length', () => {
    const result = validateContactFields('person', {
      person: { firstName: 'x'.repeat(LIMITS.name + 1) },
    });

    expect(fieldsWithErrors(result)).toEqual(['person.firstName']);
  });
});

describe('validateContactFields: emails', () => {
  it('lowercases and trims addresses', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [{ address: ' Jane@Example.ORG ', type: 'Work' }],
    });

    expect(result.fields.emails).toEqual([
      { address: 'jane@example.org', type: 'work', primary: true, valid: true },
    ]);
  });

  it('rejects an address that is not an email', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [{ address: 'jane.example.org' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails[0].address']);
  });

  it('rejects the same address twice, whatever its case', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [{ address: 'jane@example.org' }, { address: 'JANE@example.org' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails[1].address']);
  });

  it('makes the first address primary when none is', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [{ address: 'a@example.org' }, { address: 'b@example.org' }],
    });

    expect(result.fields.emails.map((e) => e.primary)).toEqual([true, false]);
  });

  it('keeps the primary the caller chose', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [{ address: 'a@example.org' }, { address: 'b@example.org', primary: true }],
    });

    expect(result.fields.emails.map((e) => e.primary)).toEqual([false, true]);
  });

  it('rejects two primary addresses', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [
        { address: 'a@example.org', primary: true },
        { address: 'b@example.org', primary: true },
      ],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails']);
  });

  it('rejects an unknown email type and defaults an empty one to other', () => {
    const result = validateContactFields('person', {
      ...jane,
      emails: [{ address: 'a@example.org', type: 'pager' }, { address: 'b@example.org' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['emails[0].type']);
    expect(result.fields.emails[1]?.type).toBe('other');
  });
});

describe('validateContactFields: phones', () => {
  it('keeps the number as entered and stores a digits-only form', () => {
    const result = validateContactFields('person', {
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
    const result = validateContactFields('person', { ...jane, phones: [{ number: '555-CALL' }] });

    expect(fieldsWithErrors(result)).toEqual(['phones[0].number']);
  });

  it('rejects the same number written two ways', () => {
    const result = validateContactFields('person', {
      ...jane,
      phones: [{ number: '555 0102' }, { number: '555-0102' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['phones[1].number']);
  });

  it('rejects two primary numbers', () => {
    const result = validateContactFields('person', {
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
    const result = validateContactFields('person', {
      ...jane,
      tags: [' Donor ', 'donor', 'Major  Gift', ''],
    });

    expect(result.fields.tags).toEqual(['donor', 'major gift']);
  });

  it('rejects a tag over the maximum length', () => {
    const result = validateContactFields('person', { ...jane, tags: ['x'.repeat(LIMITS.tag + 1)] });

    expect(fieldsWithErrors(result)).toEqual(['tags[0]']);
  });

  it('reports every problem at once', () => {
    const result = validateContactFields('person', {
      person: {},
      emails: [{ address: 'nope' }],
      phones: [{ number: 'abc' }],
    });

    expect(fieldsWithErrors(result)).toEqual(['person', 'emails[0].address', 'phones[0].number']);
  });

  it('drops an empty source and owner', () => {
    const result = validateContactFields('person', { ...jane, source: ' ', ownerId: '' });

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
    const result = validateContactFields('person', {
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
    const deceased = validateContactFields('person', { ...jane, deceasedDate: '2020-01-01' });
    const impossible = validateContactFields('person', {
      ...jane,
      birthDate: '1990-01-01',
      deceasedDate: '1980-01-01',
    });
    const contradiction = validateContactFields('person', {
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
    const result = validateContactFields('organization', {
      organization: { name: 'Acme' },
      birthDate: '1990-01-01',
      deceased: true,
    });

    expect(fieldsWithErrors(result)).toEqual(['birthDate', 'deceased']);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(
      fieldsWithErrors(validateContactFields('person', { ...jane, birthDate: '1990-13-01' })),
    ).toEqual(['birthDate']);
  });

  it('validates addresses and keeps the invalid flags of emails and phones', () => {
    const result = validateContactFields('person', {
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
