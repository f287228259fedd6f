// Money rules both edges apply (the gateway's zod schemas and each service's domain): an
// amount is a whole number of the currency's minor unit, the currency an ISO 4217 code in
// use. The list of codes and their exponents come from the runtime's ICU data (ECMA-402
// takes the digits from ISO 4217), so no hand-typed table can go stale or disagree.

const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** The codes isCurrencyCode takes, sorted: the API document's enum of a currency. */
export const CURRENCY_CODE_LIST: readonly string[] = [...CURRENCY_CODES].sort();

export const CURRENCY_CODE_MESSAGE = 'must be an ISO 4217 currency code in use, e.g. USD';

export const MONEY_LIMITS = {
  /**
   * The largest amount one record may carry, in minor units: 10^12 (ten billion dollars).
   * Far inside 2^53: a sum of 9,000 such amounts is still exact as a JavaScript number.
   */
  maxAmountMinor: 1_000_000_000_000,
} as const;

/** An ISO 4217 alphabetic code in use, upper case: "USD" yes, "usd", "XXX", "DEM" no. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

/** Digits after the decimal point of the currency's minor unit: USD 2, JPY 0, BHD 3. */
export function currencyExponent(code: string): number {
  if (!isCurrencyCode(code)) throw new RangeError(`not a currency code: ${code}`);
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits as number;
}

/** What is wrong with an amount in minor units, or undefined; `allowZero` for balances. */
export function amountMinorProblem(
  amount: number,
  opts: { allowZero?: boolean } = {},
): string | undefined {
  if (!Number.isSafeInteger(amount)) return 'must be a whole number of minor units';
  if (amount < 0 || (amount === 0 && !opts.allowZero)) {
    return opts.allowZero ? 'must not be negative' : 'must be greater than zero';
  }
  if (amount > MONEY_LIMITS.maxAmountMinor) {
    return `must be at most ${MONEY_LIMITS.maxAmountMinor} minor units`;
  }
  return undefined;
}

/**
 * An int64 of minor units as the generated types carry it (proto-loader's `longs: String`: a
 * decimal string) as a number, or NaN when it is not a whole decimal number. Pass the result
 * to amountMinorProblem: past MONEY_LIMITS (and so past 2^53, where a number stops being
 * exact) it is refused there, so no rounded amount is ever stored.
 */
export function amountMinorFromInt64(value: string | number | undefined): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number.NaN;
  if (value === undefined || !/^-?\d{1,19}$/.test(value)) return Number.NaN;
  return Number(value);
}
