import {
  MAX_PREFIX_LENGTH,
  deriveSearchKeys,
  deriveSearchPrefixes,
  prefixProbe,
  searchForms,
} from '../src/domain/contact-search';

describe('deriveSearchKeys', () => {
  it('holds normalized names, lowercased emails and phone digits with their national part', () => {
    const keys = deriveSearchKeys({
      searchNames: ['zoe obrien', 'zoe'],
      emails: [{ address: 'zoe@example.org', type: 'home', primary: true, valid: true }],
      phones: [
        {
          number: '+1 (555) 010-2030',
          normalized: '+15550102030',
          type: 'mobile',
          primary: true,
          valid: true,
        },
      ],
    });

    expect(keys).toEqual(['zoe obrien', 'zoe', 'zoe@example.org', '15550102030', '5550102030']);
  });
});

describe('searchForms', () => {
  it.each([
    ['Zoë O’B', ['zoe ob', 'zoë o’b']],
    ['JANE@Ex', ['jane@ex']],
    ['555 01', ['555 01', '55501']],
    ['+1 555', ['+1 555', '1555']],
    ['Room 12', ['room 12']],
    ['  ', []],
  ])('looks up %p as %p', (text, forms) => {
    expect(searchForms(text)).toEqual(forms);
  });
});

describe('deriveSearchPrefixes', () => {
  it('holds every prefix of every key once', () => {
    expect(deriveSearchPrefixes(['ann', 'an'])).toEqual(['a', 'an', 'ann']);
  });

  it('stops at the longest stored prefix, which is what a longer search looks up', () => {
    const key = 'jane.smith.longaddress@example.org';
    const prefixes = deriveSearchPrefixes([key]);

    expect(prefixes).toHaveLength(MAX_PREFIX_LENGTH);
    expect(prefixes).toContain(prefixProbe(key));
    expect(prefixProbe(key)).toBe(key.slice(0, MAX_PREFIX_LENGTH));
  });

  it('never splits a character outside the basic plane', () => {
    const key = '😀'.repeat(MAX_PREFIX_LENGTH + 2);

    expect(prefixProbe(key)).toBe('😀'.repeat(MAX_PREFIX_LENGTH));
    expect(deriveSearchPrefixes([key]).at(-1)).toBe(prefixProbe(key));
  });
});
