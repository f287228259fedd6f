import {
  COUNTRY_CODE_DOCUMENT_PATTERN,
  COUNTRY_CODE_PATTERN,
  EMAIL_ADDRESS_DOCUMENT_PATTERN,
  EMAIL_ADDRESS_PATTERN,
  isCountryCode,
  CONTACT_FIELD_LIMITS,
  NON_BLANK_TEXT_PATTERN,
  PHONE_NUMBER_CHARACTERS,
  PHONE_NUMBER_DOCUMENT_PATTERN,
  TEXT_PATTERN,
  textProblem,
} from '../src';

describe('isCountryCode', () => {
  it.each(['US', 'GB', 'DE', 'XK'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['JJ', 'XX', 'UK', 'us', 'USA', ''])('refuses %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});

describe('COUNTRY_CODE_PATTERN', () => {
  it('matches every pair of letters isCountryCode knows, in any case, and no other', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const pairs = [...letters].flatMap((a) => [...letters].map((b) => a + b));
    const disagreeing = pairs.filter(
      (pair) => COUNTRY_CODE_PATTERN.test(pair) !== isCountryCode(pair.toUpperCase()),
    );
    expect(disagreeing).toEqual([]);
    expect(['', 'U', 'USA', ' US', 'U1'].filter((t) => COUNTRY_CODE_PATTERN.test(t))).toEqual([]);
    const documented = new RegExp(COUNTRY_CODE_DOCUMENT_PATTERN, 'u');
    expect(['US', ' us\u00a0', 'gB\n'].filter((t) => !documented.test(t))).toEqual([]);
    expect(['UK', ' U S', 'USA', '\u0000US'].filter((t) => documented.test(t))).toEqual([]);
  });
});

describe('textProblem', () => {
  it.each(['Jane', 'Zoë O’Brien', 'Dr. Müller-Lüdenscheidt', '李小龍', 'family 👨‍👩‍👧'])(
    'finds nothing wrong with %j',
    (text) => {
      expect(textProblem(text)).toBeUndefined();
    },
  );

  it('leaves whitespace controls alone, since cleaning turns them into spaces', () => {
    expect(textProblem('Mary\tAnn\r\nSmith')).toBeUndefined();
  });

  it.each([
    ['NUL', 'Ja\u0000ne'],
    ['escape', '\u001b[31mJane'],
    ['delete', 'Jane\u007f'],
    ['a C1 control', 'Jane\u0085'],
  ])('refuses %s', (_what, text) => {
    expect(textProblem(text)).toBe('must not contain control characters');
  });

  it.each([
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', 'Jane\uDC00'],
    ['a reversed pair', '\uDC00\uD800'],
  ])('refuses %s', (_what, text) => {
    expect(textProblem(text)).toBe('must be valid Unicode text (no lone surrogates)');
  });
});

describe('the document patterns of free text', () => {
  const text = new RegExp(TEXT_PATTERN, 'u');
  const nonBlank = new RegExp(NON_BLANK_TEXT_PATTERN, 'u');
  // Every character of the Basic Multilingual Plane but the surrogates, alone and in a text.
  const characters = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code))
    .filter((c) => !/\p{Surrogate}/u.test(c))
    .concat(['😀', '\u{10FFFF}']);

  it('TEXT_PATTERN matches exactly the texts textProblem finds nothing wrong with', () => {
    const disagreeing = characters
      .flatMap((c) => [c, `a${c}b`, `${c}${c}`])
      .filter((t) => text.test(t) !== (textProblem(t) === undefined));
    expect(disagreeing).toEqual([]);
  });

  it('NON_BLANK_TEXT_PATTERN also needs a character that trimming leaves', () => {
    const disagreeing = characters
      .flatMap((c) => [c, ` ${c} `, `${c}\t${c}`])
      .filter((t) => nonBlank.test(t) !== (textProblem(t) === undefined && t.trim() !== ''));
    expect(disagreeing).toEqual([]);
    expect(['', ' ', '\t\n', '\u00a0\ufeff'].filter((t) => nonBlank.test(t))).toEqual([]);
  });

  it('EMAIL_ADDRESS_DOCUMENT_PATTERN is the email rule and the character rule together', () => {
    const email = new RegExp(EMAIL_ADDRESS_DOCUMENT_PATTERN, 'u');
    const disagreeing = characters
      .flatMap((c) => [`a${c}@b.org`, `ada@exa${c}mple.org`, `ada@example.o${c}`])
      .filter(
        (t) =>
          email.test(t) !==
          (EMAIL_ADDRESS_PATTERN.test(t.trim()) && textProblem(t.trim()) === undefined),
      );
    expect(disagreeing).toEqual([]);
  });
});

describe('PHONE_NUMBER_DOCUMENT_PATTERN', () => {
  const documented = new RegExp(PHONE_NUMBER_DOCUMENT_PATTERN, 'u');
  const taken = (number: string) => {
    const trimmed = number.trim();
    const digits = trimmed.replace(/\D/g, '').length;
    return (
      PHONE_NUMBER_CHARACTERS.test(trimmed) &&
      digits >= CONTACT_FIELD_LIMITS.phoneDigitsMin &&
      digits <= CONTACT_FIELD_LIMITS.phoneDigitsMax
    );
  };

  it('matches exactly the numbers both edges take', () => {
    const numbers = [
      '+1 (555) 010-2030',
      '  555  ',
      '12',
      '123',
      '1'.repeat(20),
      '1'.repeat(21),
      '+',
      '++123',
      '12+3',
      '---',
      '1-2-3',
      '\u00a0+44 20 7946 0000\ufeff',
      '555 0102 x12',
      '\u0660\u0661\u0662',
    ];
    expect(numbers.filter((n) => documented.test(n) !== taken(n))).toEqual([]);
  });
});
