// kith.analytics.v1 ⇄ REST: int64 strings to JSON integers (sums of bounded gifts stay far
// below 2^53), empty strings to null.
import type { analyticsV1 } from '@kith/contracts';
import type { z } from 'zod';
import type {
  DashboardQuerySchema,
  DashboardSchema,
  RebuildSchema,
  SettingsSchema,
} from './analytics.schema';

type Dashboard = z.output<typeof DashboardSchema>;

export function dashboardRequest(
  query: z.output<typeof DashboardQuerySchema>,
): analyticsV1.GetDashboardRequest {
  return { fiscalYear: query.fiscalYear ?? 0, currency: query.currency ?? '' };
}

export function toDashboardResource(res: analyticsV1.GetDashboardResponse__Output): Dashboard {
  return {
    fiscalYear: res.fiscalYear,
    fiscalYearStartMonth: res.fiscalYearStartMonth,
    firstMonth: res.firstMonth,
    lastMonth: res.lastMonth,
    currencies: res.currencies.map((c) => ({
      currency: c.currency,
      raisedMinor: Number(c.raisedMinor),
      gifts: c.gifts,
      donors: c.donors,
      averageGiftMinor: Number(c.averageGiftMinor),
      largestGiftMinor: Number(c.largestGiftMinor),
      newDonors: c.newDonors,
      returningDonors: c.returningDonors,
      months: c.months.map((m) => ({
        month: m.month,
        raisedMinor: Number(m.raisedMinor),
        gifts: m.gifts,
        donors: m.donors,
      })),
    })),
    readModel: res.readModel,
  };
}

export function toSettingsResource(
  settings: analyticsV1.Settings__Output | null,
): z.output<typeof SettingsSchema> {
  return {
    fiscalYearStartMonth: settings?.fiscalYearStartMonth ?? 1,
    version: settings?.version ?? 1,
    updatedAt: settings?.updatedAt || null,
  };
}

export function toRebuildResource(
  rebuild: analyticsV1.Rebuild__Output,
): z.output<typeof RebuildSchema> {
  return {
    id: rebuild.id,
    status: rebuild.status as z.output<typeof RebuildSchema>['status'],
    fromReadModel: rebuild.fromReadModel,
    toReadModel: rebuild.toReadModel,
    startedAt: rebuild.startedAt,
    completedAt: rebuild.completedAt || null,
  };
}
