import type { ContactFields } from '../src/domain/contact';
import { ExactKeyMatcher, exactMatchKeys } from '../src/domain/import-matcher';

function fields(emails: string[], phones: string[] = []): ContactFields {
  return {
    emails: emails.map((address) => ({ address, type: 'other', primary: false, valid: true })),
    phones: phones.map((normalized) => ({
      number: normalized,
      normalized,
      type: 'other',
      primary: false,
      valid: true,
    })),
    addresses: [],
    tags: [],
    customFields: {},
    deceased: false,
    doNotContact: false,
  };
}

describe('exactMatchKeys', () => {
  it('gives one key per email and per phone of seven digits or more', () => {
    expect(exactMatchKeys(fields(['ada@example.org'], ['+442012345678', '1234']))).toEqual([
      'email:ada@example.org',
      'phone:+442012345678',
    ]);
  });

  it('compares emails without regard to case or surrounding spaces', () => {
    expect(exactMatchKeys(fields([' Ada@Example.org ']))).toEqual(['email:ada@example.org']);
  });
});

describe('ExactKeyMatcher', () => {
  it('matches a row sharing an email with an existing contact', () => {
    const matcher = new ExactKeyMatcher([{ id: 'c-1', fields: fields(['ada@example.org']) }]);

    expect(matcher.match(fields(['ada@example.org']))).toEqual({ existingId: 'c-1', score: 1 });
  });

  it('matches a row sharing only a phone number', () => {
    const matcher = new ExactKeyMatcher([{ id: 'c-1', fields: fields([], ['+442012345678']) }]);

    expect(matcher.match(fields(['other@example.org'], ['+442012345678']))?.existingId).toBe('c-1');
  });

  it('does not match on a short phone number shared by strangers', () => {
    const matcher = new ExactKeyMatcher([{ id: 'c-1', fields: fields([], ['12345']) }]);

    expect(matcher.match(fields([], ['12345']))).toBeUndefined();
  });

  it('finds a row created earlier in the same file once remembered', () => {
    const matcher = new ExactKeyMatcher();
    matcher.remember('row-1', fields(['ada@example.org']));

    expect(matcher.match(fields(['ada@example.org']))?.existingId).toBe('row-1');
  });

  it('keeps the first owner of a key when a later contact has it too', () => {
    const matcher = new ExactKeyMatcher([
      { id: 'c-1', fields: fields(['ada@example.org']) },
      { id: 'c-2', fields: fields(['ada@example.org']) },
    ]);

    expect(matcher.match(fields(['ada@example.org']))?.existingId).toBe('c-1');
  });

  it('answers nothing for a row without emails or phones', () => {
    const matcher = new ExactKeyMatcher([{ id: 'c-1', fields: fields(['ada@example.org']) }]);

    expect(matcher.match(fields([]))).toBeUndefined();
  });
});
