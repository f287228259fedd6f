// `analytics_settings`: one document per tenant (`_id` = tenant id), written through the
// outbox with kith.analytics.settings-changed.v1 (@kith/aggregate-store: the intent claims the
// version, so two updates from the same version cannot both pass on FerretDB). Nothing stored
// means the defaults at version 1 (domain/analytics-settings.ts); the first change inserts.
import { findOwned, insertVersioned, updateVersioned } from '@kith/aggregate-store';
import type { Outbox, OutboxLogRecord } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import { AnalyticsError } from '../domain/analytics-error';
import { defaultSettings, type AnalyticsSettings } from '../domain/analytics-settings';
import { settingsChangedItems } from '../events/analytics-events';

export const SETTINGS_COLLECTION = 'analytics_settings';

interface SettingsDocument {
  _id: string;
  tenantId: string;
  version: number;
  fiscalYearStartMonth: number;
  updatedAt: string;
  _outboxLog?: OutboxLogRecord[];
}

export interface StoredSettings {
  settings: AnalyticsSettings;
  outboxLog: OutboxLogRecord[];
  /** False for the defaults (nothing stored yet). */
  stored: boolean;
}

export class AnalyticsSettingsRepository {
  private readonly collection: Collection<SettingsDocument>;

  constructor(
    db: Db,
    private readonly outbox: Outbox,
  ) {
    this.collection = db.collection<SettingsDocument>(SETTINGS_COLLECTION);
  }

  async get(tenantId: string): Promise<StoredSettings> {
    const doc = await findOwned(this.collection, tenantId, tenantId);
    if (!doc) return { settings: defaultSettings(tenantId), outboxLog: [], stored: false };
    const { _id, _outboxLog, ...settings } = doc;
    return { settings, outboxLog: _outboxLog ?? [], stored: true };
  }

  /** Stores `next` (version = the version read + 1) with its event. */
  async save(
    next: AnalyticsSettings & { updatedAt: string },
    read: Pick<StoredSettings, 'outboxLog' | 'stored'>,
  ) {
    const store = { collection: this.collection, outbox: this.outbox };
    const expected = next.version - 1;
    const state = { _id: next.tenantId, ...next };
    const write = {
      items: settingsChangedItems(next),
      conflict: () => AnalyticsError.settingsConflict(expected),
    };
    if (!read.stored) {
      await insertVersioned(store, state, { ...write, duplicate: write.conflict });
    } else {
      await updateVersioned(store, state, {
        ...write,
        expectedVersion: expected,
        outboxLog: read.outboxLog,
      });
    }
  }
}
