// A tenant's analytics settings: the month its fiscal year starts in (1-12, January until
// changed). The defaults are version 1, never stored (an ETag is a positive version, so a
// first change sends If-Match "1"); an update names the version it was decided from, as every
// other update does.
import { AnalyticsError } from './analytics-error';
import { isStartMonth } from './fiscal-year';

export interface AnalyticsSettings {
  tenantId: string;
  fiscalYearStartMonth: number;
  version: number;
  /** Absent until first changed. */
  updatedAt?: string;
}

export const DEFAULT_FISCAL_YEAR_START_MONTH = 1;

export function defaultSettings(tenantId: string): AnalyticsSettings {
  return { tenantId, fiscalYearStartMonth: DEFAULT_FISCAL_YEAR_START_MONTH, version: 1 };
}

export interface SettingsUpdate {
  fiscalYearStartMonth: number;
  expectedVersion: number;
}

/** The settings after the update, or why not. */
export function decideSettingsUpdate(
  current: AnalyticsSettings,
  update: SettingsUpdate,
  now: string,
): AnalyticsSettings & { updatedAt: string } {
  if (!isStartMonth(update.fiscalYearStartMonth)) {
    throw AnalyticsError.validation([
      { field: 'fiscalYearStartMonth', message: 'must be a whole month from 1 to 12' },
    ]);
  }
  if (update.expectedVersion !== current.version) {
    throw AnalyticsError.settingsConflict(update.expectedVersion, current.version);
  }
  return {
    tenantId: current.tenantId,
    fiscalYearStartMonth: update.fiscalYearStartMonth,
    version: current.version + 1,
    updatedAt: now,
  };
}
