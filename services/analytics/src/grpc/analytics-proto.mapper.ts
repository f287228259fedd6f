// Domain → kith.analytics.v1 messages. Amounts go out as int64 decimal strings (the generated
// types' longs), exact at any size a sum of bounded gifts reaches.
import type { analyticsV1 } from '@kith/contracts';
import type { AnalyticsSettings } from '../domain/analytics-settings';
import type { CurrencyTotals, Dashboard } from '../domain/dashboard';
import type { Rebuild } from '../domain/rebuild';

const int64 = (value: number): string => String(value);

function currencyToProto(totals: CurrencyTotals): analyticsV1.CurrencyTotals {
  return {
    currency: totals.currency,
    raisedMinor: int64(totals.raisedMinor),
    gifts: totals.gifts,
    donors: totals.donors,
    averageGiftMinor: int64(totals.averageGiftMinor),
    largestGiftMinor: int64(totals.largestGiftMinor),
    newDonors: totals.newDonors,
    returningDonors: totals.returningDonors,
    months: totals.months.map((m) => ({
      month: m.month,
      raisedMinor: int64(m.raisedMinor),
      gifts: m.gifts,
      donors: m.donors,
    })),
  };
}

export function dashboardToProto(
  dashboard: Dashboard & { readModel: number },
): analyticsV1.GetDashboardResponse {
  return {
    fiscalYear: dashboard.fiscalYear,
    fiscalYearStartMonth: dashboard.fiscalYearStartMonth,
    firstMonth: dashboard.firstMonth,
    lastMonth: dashboard.lastMonth,
    currencies: dashboard.currencies.map(currencyToProto),
    readModel: dashboard.readModel,
  };
}

export function settingsToProto(settings: AnalyticsSettings): analyticsV1.Settings {
  return {
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    version: settings.version,
    updatedAt: settings.updatedAt ?? '',
  };
}

export function rebuildToProto(rebuild: Rebuild): analyticsV1.Rebuild {
  return {
    id: rebuild.id,
    status: rebuild.status,
    fromReadModel: rebuild.fromReadModel,
    toReadModel: rebuild.toReadModel,
    startedAt: rebuild.startedAt,
    completedAt: rebuild.completedAt ?? '',
  };
}
