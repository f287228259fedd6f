import {
  EXPORT_COLUMNS,
  customFieldCell,
  exportHeader,
  toExportRecord,
} from '../src/domain/contact-export';
import { resolveMapping } from '../src/domain/import-mapping';
import { toImportRow } from '../src/domain/import-row';
import { FIELD_TYPES } from '../src/modules/contact/custom-field.schema';
import { protoContact } from './support/proto-contact';

// One of each type: a boolean, a multi-select, a date, a single select, a text, a number.
const FIELDS = ['gift_aid', 'interests', 'joined', 'level', 'notes', 'score'];

function person(customFields: Record<string, unknown>) {
  return protoContact({}, { customFieldsJson: JSON.stringify(customFields) });
}

const CELLS: Array<[string, unknown, string]> = [
  ['text', 'Met at the gala; "VIP"', 'Met at the gala; "VIP"'],
  ['number', 12.5, '12.5'],
  ['number', -3, '-3'],
  ['number', 1e21, '1e+21'],
  ['date', '2026-01-31', '2026-01-31'],
  ['boolean', true, 'true'],
  ['boolean', false, 'false'],
  ['single_select', 'gold', 'gold'],
  ['multi_select', ['art', 'music'], 'art; music'],
];

describe('customFieldCell', () => {
  it.each(CELLS)('writes a %s value %j as %j', (_type, value, cell) => {
    expect(customFieldCell(value)).toBe(cell);
  });

  it('has a case above for every type the API defines', () => {
    expect(new Set(CELLS.map(([type]) => type))).toEqual(new Set(FIELD_TYPES));
  });

  it('writes an empty cell when the record has no value', () => {
    expect(customFieldCell(undefined)).toBe('');
  });

  it('writes a value of a type it does not know by its shape', () => {
    expect(customFieldCell(['a', 'b'])).toBe('a; b');
  });
});

describe('exportHeader', () => {
  it('puts one cf.<key> column per definition after the fixed columns', () => {
    expect(exportHeader(FIELDS)).toEqual([
      ...EXPORT_COLUMNS,
      'cf.gift_aid',
      'cf.interests',
      'cf.joined',
      'cf.level',
      'cf.notes',
      'cf.score',
    ]);
  });
});

describe('toExportRecord with custom fields', () => {
  it('fills each cf column from the stored value and leaves the missing ones empty', () => {
    const record = toExportRecord(
      person({ gift_aid: false, interests: ['art', 'music'], score: 7, retired: 'x' }),
      FIELDS,
    );

    expect(record.slice(EXPORT_COLUMNS.length)).toEqual(['false', 'art; music', '', '', '', '7']);
  });

  it('imports again as the same cells: each cf column maps to its field', () => {
    const header = exportHeader(FIELDS);
    const values = {
      gift_aid: true,
      interests: ['art', 'music'],
      joined: '2026-01-31',
      level: 'gold',
      notes: 'line one\nline two',
      score: 12.5,
    };
    const { mapping, unmapped } = resolveMapping(header);

    const row = toImportRow(1, header, toExportRecord(person(values), FIELDS), mapping);

    expect(unmapped).toEqual(['kind', 'displayName', 'version', 'createdAt', 'updatedAt']);
    expect(JSON.parse(row.fields?.customFieldsJson ?? '{}')).toEqual({
      gift_aid: 'true',
      interests: 'art; music',
      joined: '2026-01-31',
      level: 'gold',
      notes: 'line one\nline two',
      score: '12.5',
    });
  });
});

describe('toExportRecord with consent', () => {
  const optedOut = {
    id: '',
    channel: 'email',
    status: 'opted_out',
    source: 'unsubscribe-link',
    capturedAt: '2026-02-01T00:00:00.000Z',
    statement: '',
    campaignId: '',
    recordedAt: '2026-02-01T00:00:01.000Z',
    recordedBy: '',
  };
  const cell = (record: string[], column: string) => record[exportHeader([]).indexOf(column)];

  it('writes the current status and capture time of each channel, empty for a channel without one', () => {
    const record = toExportRecord(protoContact({ communication: [optedOut] }));

    expect(
      ['email', 'sms', 'phone', 'mail'].flatMap((channel) => [
        cell(record, `consent.${channel}.status`),
        cell(record, `consent.${channel}.capturedAt`),
      ]),
    ).toEqual(['opted_out', '2026-02-01T00:00:00.000Z', '', '', '', '', '', '']);
  });

  it("imports again with the contact's id and its consent", () => {
    const header = exportHeader([]);
    const { mapping } = resolveMapping(header);

    const row = toImportRow(
      1,
      header,
      toExportRecord(protoContact({ communication: [optedOut] })),
      mapping,
    );

    expect(row.contactId).toBe('c-1');
    expect(row.consents).toEqual([
      { channel: 'email', status: 'opted_out', capturedAt: '2026-02-01T00:00:00.000Z' },
    ]);
  });
});
