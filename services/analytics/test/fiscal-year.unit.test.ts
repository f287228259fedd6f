import {
  currentFiscalYear,
  fiscalYearMonths,
  fiscalYearOf,
  isStartMonth,
  monthOf,
} from '../src/domain/fiscal-year';

describe('fiscal years', () => {
  it.each([
    ['2026-01', 1, 2026],
    ['2026-12', 1, 2026],
    ['2025-07', 7, 2026],
    ['2026-06', 7, 2026],
    ['2026-07', 7, 2027],
    ['2025-12', 12, 2026],
    ['2025-11', 12, 2025],
    ['2026-02', 2, 2027],
    ['2026-01', 2, 2026],
  ])('puts %s with start month %i in fiscal year %i', (month, start, year) => {
    expect(fiscalYearOf(month, start)).toBe(year);
  });

  it('lists the twelve months of a year that starts in July, from the July before', () => {
    const months = fiscalYearMonths(2026, 7);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-07');
    expect(months[5]).toBe('2025-12');
    expect(months[6]).toBe('2026-01');
    expect(months[11]).toBe('2026-06');
  });

  it('lists the calendar year for a January start', () => {
    expect(fiscalYearMonths(2026, 1)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('names every month of a fiscal year by that year, for every start month', () => {
    for (let start = 1; start <= 12; start += 1) {
      for (const month of fiscalYearMonths(2030, start))
        expect(fiscalYearOf(month, start)).toBe(2030);
    }
  });

  it('takes the UTC month of a time with an offset', () => {
    expect(monthOf('2026-01-31T23:30:00-02:00')).toBe('2026-02');
    expect(currentFiscalYear(new Date('2026-08-01T00:00:00Z'), 7)).toBe(2027);
  });

  it('accepts only whole months 1 to 12 as a start', () => {
    expect([0, 1, 12, 13, 1.5, Number.NaN].map(isStartMonth)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
