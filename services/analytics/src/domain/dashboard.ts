// The dashboard of one fiscal year, per currency, from the newest fact of every gift: total
// raised net of refunds, gifts, donors (distinct keys after merges: a merged pair is one), the
// average and largest gift, new and returning donors, and the twelve months. Never summed
// across currencies. Returning means the donor had a counted gift in an earlier fiscal year in
// any currency: a donor who moved from USD to EUR giving is the same supporter (docs/api.md).
import { counts, netMinor, resolveDonorKey, type GiftFact } from './gift-fact';
import { fiscalYearMonths, fiscalYearOf } from './fiscal-year';

export interface MonthTotals {
  month: string;
  raisedMinor: number;
  gifts: number;
  donors: number;
}

export interface CurrencyTotals {
  currency: string;
  raisedMinor: number;
  gifts: number;
  donors: number;
  averageGiftMinor: number;
  largestGiftMinor: number;
  newDonors: number;
  returningDonors: number;
  months: MonthTotals[];
}

export interface Dashboard {
  fiscalYear: number;
  fiscalYearStartMonth: number;
  firstMonth: string;
  lastMonth: string;
  currencies: CurrencyTotals[];
}

export interface DashboardQuery {
  fiscalYear: number;
  startMonth: number;
  /** Only this currency (answered even when it has no gifts). */
  currency?: string;
}

type Fact = Pick<
  GiftFact,
  'donorKey' | 'currency' | 'amountMinor' | 'refundedMinor' | 'month' | 'status'
>;

/** Half up, to a whole minor unit. */
const average = (total: number, count: number) => (count === 0 ? 0 : Math.round(total / count));

function emptyTotals(currency: string, months: string[]): CurrencyTotals {
  return {
    currency,
    raisedMinor: 0,
    gifts: 0,
    donors: 0,
    averageGiftMinor: 0,
    largestGiftMinor: 0,
    newDonors: 0,
    returningDonors: 0,
    months: months.map((month) => ({ month, raisedMinor: 0, gifts: 0, donors: 0 })),
  };
}

/**
 * `facts`: the newest fact of every gift of the tenant (any year, any currency: earlier years
 * decide who returns); `merges`: victim key → survivor key.
 */
export function computeDashboard(
  facts: Iterable<Fact>,
  merges: ReadonlyMap<string, string>,
  query: DashboardQuery,
): Dashboard {
  const { fiscalYear, startMonth } = query;
  const months = fiscalYearMonths(fiscalYear, startMonth);
  const monthIndex = new Map(months.map((month, i) => [month, i]));
  const firstYearOf = new Map<string, number>();
  const inYear: Array<{ donor: string; fact: Fact; index: number }> = [];
  for (const fact of facts) {
    if (!counts(fact)) continue;
    const donor = resolveDonorKey(fact.donorKey, merges);
    const year = fiscalYearOf(fact.month, startMonth);
    const first = firstYearOf.get(donor);
    if (first === undefined || year < first) firstYearOf.set(donor, year);
    const index = monthIndex.get(fact.month);
    if (index !== undefined && (!query.currency || fact.currency === query.currency)) {
      inYear.push({ donor, fact, index });
    }
  }
  const byCurrency = new Map<string, CurrencyTotals>();
  const donorsOf = new Map<string, { all: Set<string>; months: Array<Set<string>> }>();
  if (query.currency) byCurrency.set(query.currency, emptyTotals(query.currency, months));
  for (const { donor, fact, index } of inYear) {
    let totals = byCurrency.get(fact.currency);
    if (!totals) byCurrency.set(fact.currency, (totals = emptyTotals(fact.currency, months)));
    let donors = donorsOf.get(fact.currency);
    if (!donors) {
      donors = { all: new Set(), months: months.map(() => new Set<string>()) };
      donorsOf.set(fact.currency, donors);
    }
    const net = netMinor(fact);
    const month = totals.months[index] as MonthTotals;
    totals.raisedMinor += net;
    totals.gifts += 1;
    totals.largestGiftMinor = Math.max(totals.largestGiftMinor, net);
    month.raisedMinor += net;
    month.gifts += 1;
    donors.all.add(donor);
    donors.months[index]?.add(donor);
  }
  for (const [currency, totals] of byCurrency) {
    const donors = donorsOf.get(currency);
    totals.averageGiftMinor = average(totals.raisedMinor, totals.gifts);
    if (!donors) continue;
    totals.donors = donors.all.size;
    for (const donor of donors.all) {
      if ((firstYearOf.get(donor) ?? fiscalYear) < fiscalYear) totals.returningDonors += 1;
      else totals.newDonors += 1;
    }
    totals.months.forEach((month, i) => (month.donors = donors.months[i]?.size ?? 0));
  }
  return {
    fiscalYear,
    fiscalYearStartMonth: startMonth,
    firstMonth: months[0] as string,
    lastMonth: months[11] as string,
    currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
