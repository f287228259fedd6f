// Request and response schemas of /v1/analytics: the dashboard of a fiscal year per currency,
// the tenant's settings and rebuilds of the read model. Amounts are integers of the currency's
// minor unit, one entry per currency, never summed across currencies.
import { CURRENCY_CODE_LIST, CURRENCY_CODE_MESSAGE, isCurrencyCode } from '@kith/contracts';
import { z } from '../../http/schemas/zod';

export const DashboardQuerySchema = z.strictObject({
  fiscalYear: z.coerce
    .number()
    .int('A whole year, e.g. 2026.')
    .min(1900)
    .max(9999)
    .optional()
    .openapi({
      description:
        'The fiscal year, named by the calendar year it ends in (start month 7: 2026 is July ' +
        '2025 to June 2026). Default: the fiscal year now.',
      example: 2026,
    }),
  currency: z
    .string()
    .refine(isCurrencyCode, { message: CURRENCY_CODE_MESSAGE })
    .optional()
    .openapi({
      description: 'Only this currency (ISO 4217). Default: every currency given in that year.',
      enum: [...CURRENCY_CODE_LIST],
      example: 'USD',
    }),
});

const MonthSchema = z.object({
  month: z.string().openapi({ example: '2026-03', description: 'UTC, by the received date.' }),
  raisedMinor: z.number().int(),
  gifts: z.number().int(),
  donors: z.number().int(),
});

const CurrencyTotalsSchema = z
  .object({
    currency: z.string(),
    raisedMinor: z.number().int().openapi({ description: 'Paid gifts, net of refunds.' }),
    gifts: z
      .number()
      .int()
      .openapi({ description: 'Paid gifts with something left after refunds.' }),
    donors: z.number().int().openapi({
      description: 'Distinct donors: a merged pair is one, an erased donor still one.',
    }),
    averageGiftMinor: z.number().int().openapi({ description: 'Rounded half up.' }),
    largestGiftMinor: z.number().int().openapi({ description: 'Net of refunds.' }),
    newDonors: z
      .number()
      .int()
      .openapi({ description: 'First gift (in any currency) in this fiscal year.' }),
    returningDonors: z
      .number()
      .int()
      .openapi({ description: 'Also gave, in any currency, in an earlier fiscal year.' }),
    months: z
      .array(MonthSchema)
      .openapi({ description: 'The twelve months of the year, in order.' }),
  })
  .openapi('AnalyticsCurrencyTotals');

export const DashboardSchema = z
  .object({
    fiscalYear: z.number().int(),
    fiscalYearStartMonth: z.number().int(),
    firstMonth: z.string(),
    lastMonth: z.string(),
    currencies: z.array(CurrencyTotalsSchema).openapi({ description: 'By currency code.' }),
    readModel: z
      .number()
      .int()
      .openapi({ description: 'The read model version that answered (a rebuild moves it on).' }),
  })
  .openapi('AnalyticsDashboard');

export const SettingsBodySchema = z
  .strictObject({
    fiscalYearStartMonth: z
      .number()
      .int('A whole month, 1 (January) to 12.')
      .min(1)
      .max(12)
      .openapi({ example: 7, description: 'The month a fiscal year starts in (1 = January).' }),
  })
  .openapi('AnalyticsSettingsChange');

export const SettingsSchema = z
  .object({
    fiscalYearStartMonth: z.number().int(),
    version: z.number().int().openapi({ description: '1 until first changed (the defaults).' }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('AnalyticsSettings');

export const RebuildSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'completed', 'abandoned']),
    fromReadModel: z.number().int(),
    toReadModel: z.number().int(),
    startedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .openapi('AnalyticsRebuild');
