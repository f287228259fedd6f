import { deriveSearchKeys, searchForms } from '../src/domain/contact-search';

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
