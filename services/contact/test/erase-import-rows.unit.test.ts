import {
  ERASED_ROW_MESSAGE,
  decideEraseReportRows,
  erasedIdentifiersOf,
  rowNamesPerson,
  type ReportRow,
} from '../src/domain/erase-import-rows';

const ada = erasedIdentifiersOf({
  kind: 'person',
  person: { firstName: 'Ada', lastName: 'Lovelace' },
  emails: [{ address: 'Ada@Example.org' }],
  phones: [{ number: '+44 20 7946 0321' }],
  addresses: [],
});

const row = (...values: string[]): ReportRow => ({
  rowNumber: 3,
  errors: [{ field: 'birthDate', message: 'must be a date, YYYY-MM-DD' }],
  cells: values.map((value, i) => ({ column: `c${i}`, value })),
});

describe('a refused import row names the erased person', () => {
  it.each([
    ['her email, in another case', row(' ADA@example.org ')],
    ['her phone, written another way', row('020 7946 0321')],
    ['her first and last name in two cells', row('Ada', 'LOVELACE', 'not-a-date')],
    ['her full name in one cell', row('Ada Lovelace')],
  ])('when a cell holds %s', (_what, candidate) => {
    expect(rowNamesPerson(candidate, ada)).toBe(true);
  });

  it.each([
    ['only her first name', row('Ada', 'Byron')],
    ['her names inside longer words', row('Adam', 'Lovelaces')],
    ['another email and phone', row('ada@example.net', '020 7946 0999')],
  ])('not when the cells hold %s', (_what, candidate) => {
    expect(rowNamesPerson(candidate, ada)).toBe(false);
  });
});

describe('scrubbing an import error report', () => {
  it("empties her row's values and error messages, keeps its number, columns and fields", () => {
    const other = row('Bob', 'Byron');

    const scrubbed = decideEraseReportRows([row('ada@example.org'), other], ada);

    expect(scrubbed).toEqual([
      {
        rowNumber: 3,
        errors: [{ field: 'birthDate', message: ERASED_ROW_MESSAGE }],
        cells: [{ column: 'c0', value: '' }],
      },
      other,
    ]);
  });

  it('answers no change for a report already scrubbed or naming someone else', () => {
    const once = decideEraseReportRows([row('ada@example.org')], ada) ?? [];

    expect(decideEraseReportRows(once, ada)).toBeUndefined();
    expect(decideEraseReportRows([row('Bob', 'Byron')], ada)).toBeUndefined();
  });

  it('changes nothing when nothing identifies the person (a retry after the erasure)', () => {
    expect(
      decideEraseReportRows([row('ada@example.org')], { emails: [], phones: [] }),
    ).toBeUndefined();
  });
});
