import type { ContactFields } from '../src/domain/contact';
import { mergeImportedFields } from '../src/domain/contact-import-merge';

function fields(overrides: Partial<ContactFields> = {}): ContactFields {
  return {
    emails: [],
    phones: [],
    addresses: [],
    tags: [],
    deceased: false,
    doNotContact: false,
    customFields: {},
    ...overrides,
  };
}

const email = (address: string, primary = false) => ({
  address,
  type: 'other' as const,
  primary,
  valid: true,
});

describe('mergeImportedFields', () => {
  it('replaces a name part the row gives and leaves the others alone', () => {
    const update = mergeImportedFields(
      fields({ person: { firstName: 'Ada', lastName: 'Byron' } }),
      fields({ person: { lastName: 'Lovelace' } }),
    );

    expect(update.updateMask).toEqual(['person.lastName']);
    expect(update.fields.person).toEqual({ lastName: 'Lovelace' });
  });

  it('adds an email the contact lacks after the existing ones, not as primary', () => {
    const update = mergeImportedFields(
      fields({ emails: [email('ada@example.org', true)] }),
      fields({ emails: [email('ada@work.example.org', true)] }),
    );

    expect(update.fields.emails).toEqual([
      email('ada@example.org', true),
      email('ada@work.example.org', false),
    ]);
  });

  it('does not repeat an email the contact has already', () => {
    const update = mergeImportedFields(
      fields({ emails: [email('ada@example.org', true)] }),
      fields({ emails: [email('ada@example.org', true)] }),
    );

    expect(update.updateMask).not.toContain('emails');
  });

  it('adds new tags to the existing ones', () => {
    const update = mergeImportedFields(
      fields({ tags: ['donor'] }),
      fields({ tags: ['donor', 'gala'] }),
    );

    expect(update.fields.tags).toEqual(['donor', 'gala']);
  });

  it('sets do-not-contact when the row says so but never clears it', () => {
    expect(mergeImportedFields(fields(), fields({ doNotContact: true })).fields.doNotContact).toBe(
      true,
    );
    expect(mergeImportedFields(fields({ doNotContact: true }), fields()).updateMask).not.toContain(
      'doNotContact',
    );
  });

  it('answers an empty mask when the row adds nothing', () => {
    expect(
      mergeImportedFields(fields({ tags: ['a'] }), fields({ tags: ['a'] })).updateMask,
    ).toEqual([]);
  });
});

describe('mergeImportedFields: custom fields', () => {
  it('writes each custom value the row gives, one mask path per key, leaving others alone', () => {
    const update = mergeImportedFields(
      fields({ customFields: { level: 'gold', score: 3 } }),
      fields({ customFields: { score: 7 } }),
    );

    expect(update.fields.customFields).toEqual({ score: 7 });
    expect(update.updateMask).toEqual(['customFields.score']);
  });
});
