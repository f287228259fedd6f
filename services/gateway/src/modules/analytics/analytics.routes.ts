// /v1/analytics: the dashboard of a fiscal year (per currency, with its months), the tenant's
// settings (the fiscal-year start, changed with If-Match) and rebuilds of the read model (an
// admin's; 202, then poll the rebuild). Each operation declared once for Express and OpenAPI.
import { required } from '../../grpc/upstream-client';
import { defineOperation, type Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import { readOperation, versionedOperation } from '../../http/resource-operations';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { AnalyticsClient } from './analytics.client';
import {
  dashboardRequest,
  toDashboardResource,
  toRebuildResource,
  toSettingsResource,
} from './analytics.mapper';
import {
  DashboardQuerySchema,
  DashboardSchema,
  RebuildSchema,
  SettingsBodySchema,
  SettingsSchema,
} from './analytics.schema';

export const ANALYTICS_PATH = '/analytics';

const tags = ['Analytics'];

export function analyticsOperations(analytics: AnalyticsClient): Operation[] {
  return [
    defineOperation({
      method: 'get',
      path: `${ANALYTICS_PATH}/dashboard`,
      operationId: 'getAnalyticsDashboard',
      summary: 'Fundraising totals of a fiscal year, per currency',
      description:
        'Total raised net of refunds, gifts, donors (a merged pair counts once, an erased donor ' +
        'still once), average and largest gift, new and returning donors and the twelve months, ' +
        'per currency and never summed across currencies. Built from events: a gift shows a ' +
        'moment after it is recorded.',
      tags,
      permission: 'analytics:read',
      query: DashboardQuerySchema,
      responses: { 200: json(DashboardSchema, 'The dashboard.'), ...problems(400, 403) },
      async handle({ query, ctx, res }) {
        res.json(toDashboardResource(await analytics.GetDashboard(dashboardRequest(query), ctx)));
      },
    }),
    readOperation({
      path: `${ANALYTICS_PATH}/settings`,
      operationId: 'getAnalyticsSettings',
      summary: "The tenant's analytics settings",
      description: 'The fiscal-year start month (January, version 1, until first changed).',
      tags,
      permission: 'analytics:read',
      answer: { schema: SettingsSchema, description: 'The settings.' },
      problems: [403],
      async read({ ctx }) {
        return toSettingsResource(
          required((await analytics.GetSettings({}, ctx)).settings, 'the settings'),
        );
      },
    }),
    versionedOperation({
      method: 'put',
      path: `${ANALYTICS_PATH}/settings`,
      operationId: 'updateAnalyticsSettings',
      summary: "Change the tenant's analytics settings",
      description:
        'Guarded by If-Match (the ETag of GET; "1" before the first change). Dashboards group ' +
        'by the new fiscal year at once, without a replay.',
      tags,
      permission: 'analytics:admin',
      body: SettingsBodySchema,
      answer: { schema: SettingsSchema, description: 'The changed settings.' },
      problems: [400, 403, 409, 413, 415, 428],
      async write({ body, version, ctx }) {
        const res = await analytics.UpdateSettings(
          { fiscalYearStartMonth: body.fiscalYearStartMonth, expectedVersion: version },
          ctx,
        );
        return toSettingsResource(required(res.settings, 'the settings'));
      },
    }),
    defineOperation({
      method: 'post',
      path: `${ANALYTICS_PATH}/rebuilds`,
      operationId: 'startAnalyticsRebuild',
      summary: "Rebuild the tenant's read model from the event history",
      description:
        'Reads every gift event from offset 0 into a new read model version while the current ' +
        'one keeps serving, then switches over with no gap and no double count. 202 with the ' +
        'rebuild; poll its Location. 422 while another rebuild of the tenant runs.',
      tags,
      permission: 'analytics:admin',
      responses: {
        202: json(RebuildSchema, 'Started.'),
        ...problems(403, 422),
      },
      async handle({ ctx, res }) {
        const rebuild = toRebuildResource(
          required((await analytics.StartRebuild({}, ctx)).rebuild, 'the rebuild'),
        );
        res.setHeader(
          'Location',
          `/v1${ANALYTICS_PATH}/rebuilds/${encodeURIComponent(rebuild.id)}`,
        );
        res.status(202).json(rebuild);
      },
    }),
    defineOperation({
      method: 'get',
      path: `${ANALYTICS_PATH}/rebuilds/{id}`,
      operationId: 'getAnalyticsRebuild',
      summary: 'A rebuild of the read model',
      description: 'running until the new version serves, then completed.',
      tags,
      permission: 'analytics:admin',
      params: IdParamsSchema,
      responses: { 200: json(RebuildSchema, 'The rebuild.'), ...problems(400, 403, 404) },
      async handle({ params, ctx, res }) {
        res.json(
          toRebuildResource(
            required((await analytics.GetRebuild({ id: params.id }, ctx)).rebuild, 'the rebuild'),
          ),
        );
      },
    }),
  ];
}
