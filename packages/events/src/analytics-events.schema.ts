// Schemas of the analytics service's own events (on kith.analytics.v1): a tenant's settings
// changed, a rebuild of its read model started or completed. They carry settings and counts,
// never anything about a person.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const AnalyticsSettingsSnapshotSchema = z
  .object({
    tenantId: z.string().min(1),
    version: z.number().int().positive(),
    fiscalYearStartMonth: z
      .number()
      .int()
      .min(1)
      .max(12)
      .describe('the month (1 = January) a fiscal year starts in'),
    updatedAt: isoTime,
  })
  .describe("A tenant's analytics settings after the change");

export const AnalyticsRebuildSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int().positive(),
    status: z.enum(['running', 'completed', 'abandoned']),
    fromReadModel: z.number().int().positive().describe('the read model version serving before'),
    toReadModel: z.number().int().positive().describe('the read model version being built'),
    startedAt: isoTime,
    completedAt: isoTime.optional(),
  })
  .describe('A rebuild of the read model from offset 0, after the change');

export const AnalyticsSettingsChangedDataSchema = z.object({
  settings: AnalyticsSettingsSnapshotSchema,
});
export const AnalyticsRebuildStartedDataSchema = z.object({
  rebuild: AnalyticsRebuildSnapshotSchema,
});
export const AnalyticsRebuildCompletedDataSchema = z.object({
  rebuild: AnalyticsRebuildSnapshotSchema,
});

export type AnalyticsSettingsSnapshot = z.infer<typeof AnalyticsSettingsSnapshotSchema>;
export type AnalyticsRebuildSnapshot = z.infer<typeof AnalyticsRebuildSnapshotSchema>;
