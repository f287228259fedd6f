import { EXPORT_COLUMNS } from '../src/domain/contact-export';
import { IMPORT_FIELDS, parseMapSpecs, resolveMapping } from '../src/domain/import-mapping';
import { parseFlag, toImportRow } from '../src/domain/import-row';

describe('resolveMapping', () => {
  it('maps headers by field name and common aliases, ignoring case, spaces and punctuation', () => {
    const { mapping, unmapped } = resolveMapping([
      'First Name',
      'SURNAME',
      'E-mail address',
      'Zip',
      'Notes',
    ]);

    expect(mapping).toEqual(['firstName', 'lastName', 'email', 'postalCode', undefined]);
    expect(unmapped).toEqual(['Notes']);
  });

  it('lets an explicit mapping win over the default names', () => {
    const { overrides } = parseMapSpecs(['Email=email2', 'Phone=-']);

    const { mapping } = resolveMapping(['Email', 'Phone'], overrides);

    expect(mapping).toEqual(['email2', undefined]);
  });

  it('maps a field once: a second column for the same field is ignored', () => {
    const { mapping, unmapped } = resolveMapping(['Email', 'E-mail']);

    expect(mapping).toEqual(['email', undefined]);
    expect(unmapped).toEqual(['E-mail']);
  });

  it('reports an explicit mapping for a column the file does not have', () => {
    const { overrides } = parseMapSpecs(['Mail=email']);

    expect(resolveMapping(['Email'], overrides).errors).toEqual([
      { field: 'map', message: 'the file has no column "Mail"' },
    ]);
  });

  it('maps every column of the export back to the same field, so an export imports as it is', () => {
    const { mapping } = resolveMapping([...EXPORT_COLUMNS]);

    const mapped = EXPORT_COLUMNS.filter((_, i) => mapping[i] !== undefined);
    expect(mapped).toEqual(
      EXPORT_COLUMNS.filter(
        (c) => c === 'id' || c.startsWith('consent.') || IMPORT_FIELDS.includes(c as never),
      ),
    );
    mapped.forEach((column) => expect(mapping[EXPORT_COLUMNS.indexOf(column)]).toBe(column));
  });

  it("maps the export's id and consent columns, and ignores a consent column of a channel it does not know", () => {
    const { mapping } = resolveMapping([
      'ID',
      'consent.email.status',
      'consent.sms.capturedAt',
      'consent.fax.status',
    ]);

    expect(mapping).toEqual(['id', 'consent.email.status', 'consent.sms.capturedAt', undefined]);
  });
});

describe('parseMapSpecs', () => {
  it('refuses a spec without "=" and an unknown field', () => {
    expect(parseMapSpecs(['Email', 'Email=mail']).errors).toEqual([
      { field: 'map', message: '"Email" is not column=field' },
      { field: 'map', message: '"mail" is not an import field' },
    ]);
  });

  it('takes the id and the consent columns as targets', () => {
    const { overrides, errors } = parseMapSpecs(['Kith=id', 'Email opt=consent.email.status']);

    expect(errors).toEqual([]);
    expect([...overrides.values()]).toEqual(['id', 'consent.email.status']);
  });

  it('keeps "=" inside a column name (the last one separates)', () => {
    expect(parseMapSpecs(['a=b=email']).overrides.get('a=b')).toBe('email');
  });
});

describe('toImportRow', () => {
  const headers = ['First', 'Last', 'Email', 'Mobile', 'Street', 'Country', 'Tags', 'DNC'];
  const mapping = resolveMapping(headers).mapping;

  it('places names, a primary email, a mobile phone, an address and tags', () => {
    const row = toImportRow(
      7,
      headers,
      ['Ada', 'Lovelace', 'ada@example.org', '+44 20 1', '1 Way', 'GB', 'donor; gala', 'yes'],
      mapping,
    );

    expect(row.rowNumber).toBe('7');
    expect(row.fields).toEqual({
      person: { firstName: 'Ada', lastName: 'Lovelace' },
      emails: [{ address: 'ada@example.org', type: 'other', primary: true }],
      phones: [{ number: '+44 20 1', type: 'mobile', primary: false }],
      addresses: [{ line1: '1 Way', countryCode: 'GB' }],
      tags: ['donor', 'gala'],
      doNotContact: true,
    });
    expect(row.mappingErrors).toEqual([]);
  });

  it('leaves the address out when none of its cells is filled', () => {
    const row = toImportRow(1, headers, ['Ada', '', '', '', '', '', '', ''], mapping);

    expect(row.fields?.addresses).toEqual([]);
  });

  it('reports a yes/no cell it cannot read instead of guessing', () => {
    const row = toImportRow(1, headers, ['Ada', '', '', '', '', '', '', 'maybe'], mapping);

    expect(row.mappingErrors).toEqual([
      { field: 'doNotContact', message: 'must be yes/no, true/false or 1/0' },
    ]);
  });

  it('reports a row whose cell count differs from the header', () => {
    const row = toImportRow(1, headers, ['Ada'], mapping);

    expect(row.mappingErrors?.[0]?.message).toBe('the row has 1 cells, the header 8');
  });

  it('keeps every cell as read for the error report', () => {
    const row = toImportRow(
      1,
      ['First', 'Notes'],
      ['Ada', 'likes maths'],
      ['firstName', undefined],
    );

    expect(row.cells).toEqual([
      { column: 'First', value: 'Ada' },
      { column: 'Notes', value: 'likes maths' },
    ]);
  });
});

describe('toImportRow with the id and consent columns', () => {
  const headers = [
    'id',
    'First',
    'consent.email.status',
    'consent.email.capturedAt',
    'consent.sms.status',
  ];
  const mapping = resolveMapping(headers).mapping;

  it("sends the id cell as the row's contact id and one consent per channel given", () => {
    const row = toImportRow(
      1,
      headers,
      [' c-1 ', 'Ada', 'opted_in', '2026-01-05T09:00:00Z', 'opted_out'],
      mapping,
    );

    expect(row.contactId).toBe('c-1');
    expect(row.consents).toEqual([
      { channel: 'email', status: 'opted_in', capturedAt: '2026-01-05T09:00:00Z' },
      { channel: 'sms', status: 'opted_out', capturedAt: '' },
    ]);
  });

  it('sends no consent for a channel whose cells are empty', () => {
    const row = toImportRow(1, headers, ['', 'Ada', '', '', ''], mapping);

    expect(row.consents).toEqual([]);
    expect(row.contactId ?? '').toBe('');
  });
});

describe('parseFlag', () => {
  it.each([
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['no', false],
    ['0', false],
    ['perhaps', undefined],
  ])('reads %s as %s', (cell, expected) => {
    expect(parseFlag(cell)).toBe(expected);
  });
});
