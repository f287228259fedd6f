// What the analytics service publishes on kith.analytics.v1, keyed by tenant (a tenant's
// settings and rebuilds stay in order): settings and rebuild states, never anything about a
// person.
import { outboxItems, type OutboxItem } from '@kith/bus';
import { ANALYTICS_SOURCE, EVENT_TYPES, TOPICS } from '@kith/events';
import type { AnalyticsSettings } from '../domain/analytics-settings';
import type { Rebuild } from '../domain/rebuild';

export function settingsChangedItems(settings: AnalyticsSettings & { updatedAt: string }) {
  const { tenantId, version, fiscalYearStartMonth, updatedAt } = settings;
  return outboxItems(TOPICS.analytics, ANALYTICS_SOURCE, [
    {
      type: EVENT_TYPES.analyticsSettingsChanged,
      key: tenantId,
      tenantId,
      time: updatedAt,
      data: { settings: { tenantId, version, fiscalYearStartMonth, updatedAt } },
    },
  ]);
}

export function rebuildItems(rebuild: Rebuild): OutboxItem[] {
  const { targets: _targets, ...snapshot } = rebuild;
  const type =
    rebuild.status === 'running'
      ? EVENT_TYPES.analyticsRebuildStarted
      : EVENT_TYPES.analyticsRebuildCompleted;
  return outboxItems(TOPICS.analytics, ANALYTICS_SOURCE, [
    {
      type,
      key: rebuild.tenantId,
      tenantId: rebuild.tenantId,
      time: rebuild.completedAt ?? rebuild.startedAt,
      data: { rebuild: snapshot },
    },
  ]);
}
