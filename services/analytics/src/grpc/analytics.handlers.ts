// kith.analytics.v1.AnalyticsService: translate proto <-> domain, call the use case, nothing
// else. The tenant always comes from call metadata (CallContext), never from the request.
import type { analyticsV1 } from '@kith/contracts';
import { unaryHandlers } from '@kith/grpc-kit';
import type { Logger } from '@kith/logger';
import type { AnalyticsSettingsService } from '../app/analytics-settings.service';
import type { DashboardService } from '../app/dashboard.service';
import type { RebuildService } from '../app/rebuild.service';
import { mapAnalyticsError } from './analytics-error.mapper';
import { dashboardToProto, rebuildToProto, settingsToProto } from './analytics-proto.mapper';

export interface AnalyticsUseCases {
  dashboards: Pick<DashboardService, 'dashboard'>;
  settings: Pick<AnalyticsSettingsService, 'get' | 'update'>;
  rebuilds: Pick<RebuildService, 'start' | 'get'>;
}

export function analyticsHandlers(
  uses: AnalyticsUseCases,
  logger: Logger,
): analyticsV1.AnalyticsServiceHandlers {
  return unaryHandlers<analyticsV1.AnalyticsServiceHandlers>(
    {
      GetDashboard: async (req, ctx) =>
        dashboardToProto(
          await uses.dashboards.dashboard({
            tenantId: ctx.tenantId,
            fiscalYear: req.fiscalYear,
            ...(req.currency ? { currency: req.currency } : {}),
          }),
        ),
      GetSettings: async (_req, ctx) => ({
        settings: settingsToProto(await uses.settings.get(ctx.tenantId)),
      }),
      UpdateSettings: async (req, ctx) => ({
        settings: settingsToProto(
          await uses.settings.update(ctx.tenantId, {
            fiscalYearStartMonth: req.fiscalYearStartMonth,
            expectedVersion: req.expectedVersion,
          }),
        ),
      }),
      StartRebuild: async (_req, ctx) => ({
        rebuild: rebuildToProto(await uses.rebuilds.start(ctx.tenantId)),
      }),
      GetRebuild: async (req, ctx) => ({
        rebuild: rebuildToProto(await uses.rebuilds.get(ctx.tenantId, req.id)),
      }),
    },
    { logger, mapError: mapAnalyticsError },
  );
}
