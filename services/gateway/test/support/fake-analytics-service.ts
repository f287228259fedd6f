// An in-memory AnalyticsService with the real one's observable rules the gateway relies on:
// settings at version 1 until changed, ABORTED on a stale expected version, one rebuild at a
// time per tenant (FAILED_PRECONDITION), NOT_FOUND for another tenant's rebuild, and a
// dashboard that echoes what it was asked for with one USD entry.
import * as grpc from '@grpc/grpc-js';
import type { analyticsV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { AnalyticsServiceDefinition } from '../../src/modules/analytics/analytics.client';
import { fakeUpstream, type FakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

class AnalyticsRules {
  private readonly settings = new Map<string, analyticsV1.Settings>();
  private readonly rebuilds = new Map<string, analyticsV1.Rebuild & { tenantId: string }>();
  private seq = 0;

  async GetDashboard(req: analyticsV1.GetDashboardRequest, ctx: RequestContext) {
    const start = this.settings.get(ctx.tenantId)?.fiscalYearStartMonth ?? 1;
    return {
      fiscalYear: req.fiscalYear || 2026,
      fiscalYearStartMonth: start,
      firstMonth: '2026-01',
      lastMonth: '2026-12',
      readModel: 1,
      currencies: [
        {
          currency: req.currency || 'USD',
          raisedMinor: '30000',
          gifts: 2,
          donors: 2,
          averageGiftMinor: '15000',
          largestGiftMinor: '15000',
          newDonors: 2,
          returningDonors: 0,
          months: [{ month: '2026-03', raisedMinor: '30000', gifts: 2, donors: 2 }],
        },
      ],
    };
  }

  async GetSettings(_req: analyticsV1.GetSettingsRequest, ctx: RequestContext) {
    return {
      settings: this.settings.get(ctx.tenantId) ?? {
        fiscalYearStartMonth: 1,
        version: 1,
        updatedAt: '',
      },
    };
  }

  async UpdateSettings(req: analyticsV1.UpdateSettingsRequest, ctx: RequestContext) {
    const current = (await this.GetSettings({}, ctx)).settings;
    if (req.expectedVersion !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'analytics settings have changed');
    }
    const next = {
      fiscalYearStartMonth: req.fiscalYearStartMonth ?? 1,
      version: (current.version ?? 0) + 1,
      updatedAt: '2026-05-01T00:00:00.000Z',
    };
    this.settings.set(ctx.tenantId, next);
    return { settings: next };
  }

  async StartRebuild(_req: analyticsV1.StartRebuildRequest, ctx: RequestContext) {
    for (const r of this.rebuilds.values()) {
      if (r.tenantId === ctx.tenantId && r.status === 'running') {
        throw grpcError(grpc.status.FAILED_PRECONDITION, `rebuild ${r.id} is still running`);
      }
    }
    const id = `0193a1b2-0000-7000-9000-${String(++this.seq).padStart(12, '0')}`;
    const rebuild = {
      id,
      tenantId: ctx.tenantId,
      status: 'running',
      fromReadModel: 1,
      toReadModel: 2,
      startedAt: '2026-05-01T00:00:00.000Z',
      completedAt: '',
    };
    this.rebuilds.set(id, rebuild);
    return { rebuild };
  }

  async GetRebuild(req: analyticsV1.GetRebuildRequest, ctx: RequestContext) {
    const rebuild = this.rebuilds.get(req.id ?? '');
    if (!rebuild || rebuild.tenantId !== ctx.tenantId) {
      throw grpcError(grpc.status.NOT_FOUND, `rebuild ${req.id} not found`);
    }
    return { rebuild };
  }
}

export function fakeAnalytics(): FakeUpstream<AnalyticsServiceDefinition, AnalyticsRules> {
  return fakeUpstream<AnalyticsServiceDefinition, AnalyticsRules>(new AnalyticsRules());
}
