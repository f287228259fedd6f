import {
  MONEY_LIMITS,
  amountMinorFromInt64,
  amountMinorProblem,
  currencyExponent,
  isCurrencyCode,
} from '../src/money-rules';

describe('money rules', () => {
  it.each([
    ['USD', true],
    ['JPY', true],
    ['EUR', true],
    ['usd', false],
    ['XXX', false],
    ['DEM', false],
    ['US', false],
  ])('knows whether %s is a currency code in use (%s)', (code, known) => {
    expect(isCurrencyCode(code)).toBe(known);
  });

  it.each([
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['ISK', 0],
    ['KWD', 3],
  ])("gives %s's minor unit %i digits", (code, digits) => {
    expect(currencyExponent(code)).toBe(digits);
  });

  it('refuses an exponent for a code that is not a currency', () => {
    expect(() => currencyExponent('XXX')).toThrow(RangeError);
  });

  it.each([
    [1, undefined],
    [MONEY_LIMITS.maxAmountMinor, undefined],
    [0, 'must be greater than zero'],
    [-1, 'must be greater than zero'],
    [1.5, 'must be a whole number of minor units'],
    [Number.NaN, 'must be a whole number of minor units'],
    [MONEY_LIMITS.maxAmountMinor + 1, `must be at most ${MONEY_LIMITS.maxAmountMinor} minor units`],
  ])('says what is wrong with the amount %d: %s', (amount, problem) => {
    expect(amountMinorProblem(amount)).toBe(problem);
  });

  it('allows a zero balance when asked, never a negative one', () => {
    expect(amountMinorProblem(0, { allowZero: true })).toBeUndefined();
    expect(amountMinorProblem(-1, { allowZero: true })).toBe('must not be negative');
  });

  it('keeps the largest amount exact when many are summed', () => {
    expect(Number.isSafeInteger(MONEY_LIMITS.maxAmountMinor * 9000)).toBe(true);
  });

  it.each([
    ['15000', 15000],
    ['-250', -250],
    ['0', 0],
    [15000, 15000],
  ])('reads the int64 %p as %d minor units', (wire, amount) => {
    expect(amountMinorFromInt64(wire)).toBe(amount);
  });

  it.each([['1.5'], ['1e3'], [''], [' 12'], ['12abc'], [1.5], [undefined]])(
    'reads %p as no whole number, which the amount rule refuses',
    (wire) => {
      const amount = amountMinorFromInt64(wire);
      expect(amount).toBeNaN();
      expect(amountMinorProblem(amount)).toBe('must be a whole number of minor units');
    },
  );

  it('refuses an int64 past the limit, also where a number would round it', () => {
    const past = amountMinorFromInt64('9007199254740993');
    expect(amountMinorProblem(past)).toBeDefined();
    expect(amountMinorProblem(amountMinorFromInt64(String(MONEY_LIMITS.maxAmountMinor + 1)))).toBe(
      `must be at most ${MONEY_LIMITS.maxAmountMinor} minor units`,
    );
  });
});
