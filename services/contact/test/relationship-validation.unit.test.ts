import {
  isCalendarDate,
  validateRelationshipFields,
  validateTypeCode,
} from '../src/domain/relationship-validation';

describe('relationship dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['0063-01-01', true],
    ['0000-02-29', true],
    ['0100-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['01/02/2026', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('treats empty dates and description as absent', () => {
    expect(validateRelationshipFields({ startDate: ' ', endDate: '', description: '  ' })).toEqual({
      fields: {},
      errors: [],
    });
  });

  it('names every bad field at once', () => {
    const { errors } = validateRelationshipFields({
      startDate: '2026-02-30',
      endDate: 'soon',
      description: 'x'.repeat(501),
    });

    expect(errors.map((e) => e.field)).toEqual(['startDate', 'endDate', 'description']);
  });
});

describe('relationship type codes', () => {
  it.each(['employee-of', 'mentor', 'big-sibling-of-2'])('accepts %s', (code) => {
    expect(validateTypeCode(code)).toEqual([]);
  });

  it.each(['Employee-of', 'employee--of', '-of', 'of-', 'employee of', ''])(
    'refuses "%s"',
    (code) => {
      expect(validateTypeCode(code)).toHaveLength(1);
    },
  );
});
