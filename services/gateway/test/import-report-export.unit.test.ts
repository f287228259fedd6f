import { EXPORT_COLUMNS, toExportRecord } from '../src/domain/contact-export';
import { describeErrors, reportHeader, reportRecord } from '../src/domain/import-error-report';
import { protoContact } from './support/proto-contact';

const failedRow = {
  rowNumber: '3',
  errors: [
    { field: 'emails[0].address', message: 'is not a valid email address' },
    { field: '', message: 'could not be stored; import the row again' },
  ],
  cells: [
    { column: 'First', value: 'Ada' },
    { column: 'Email', value: 'ada.example.org' },
  ],
};

describe('the import error report', () => {
  it('starts with row and errors, then the columns of the file', () => {
    expect(reportHeader(failedRow)).toEqual(['row', 'errors', 'First', 'Email']);
  });

  it('names each problem with its field and joins them', () => {
    expect(describeErrors(failedRow.errors)).toBe(
      'emails[0].address: is not a valid email address; could not be stored; import the row again',
    );
  });

  it('puts the cells under their columns by name', () => {
    const header = ['row', 'errors', 'Email', 'First', 'Phone'];

    expect(reportRecord(failedRow, header)).toEqual([
      '3',
      expect.any(String),
      'ada.example.org',
      'Ada',
      '',
    ]);
  });
});

describe('toExportRecord', () => {
  const contact = protoContact(
    { tenantId: 't-1', version: '2' },
    {
      emails: [
        { address: 'second@example.org', type: 'work', primary: false, valid: true },
        { address: 'ada@example.org', type: 'home', primary: true, valid: true },
      ],
      phones: [
        { number: '+44 1', type: 'home', primary: true, valid: true },
        { number: '+44 7', type: 'mobile', primary: false, valid: true },
      ],
      tags: ['donor', 'gala'],
      source: 'web',
      birthDate: '1815-12-10',
      deceased: true,
      deceasedDate: '1852-11-27',
    },
  );
  const record = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, toExportRecord(contact)[i]]));

  it('puts the primary email first and the mobile in its own column', () => {
    expect(record).toMatchObject({
      email: 'ada@example.org',
      email2: 'second@example.org',
      phone: '+44 1',
      mobile: '+44 7',
    });
  });

  it('joins tags with "; " and writes flags as true/false', () => {
    expect(record).toMatchObject({ tags: 'donor; gala', deceased: 'true', doNotContact: 'false' });
  });
});
