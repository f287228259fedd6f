import { isCountryCode, textProblem } from '../src';

describe('isCountryCode', () => {
  it.each(['US', 'GB', 'DE', 'XK'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['JJ', 'XX', 'UK', 'us', 'USA', ''])('refuses %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
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
