// Read and change a tenant's analytics settings: load, decide (domain/), store with its event.
import {
  decideSettingsUpdate,
  type AnalyticsSettings,
  type SettingsUpdate,
} from '../domain/analytics-settings';
import type { AnalyticsSettingsRepository } from '../store/analytics-settings.repository';

export class AnalyticsSettingsService {
  constructor(
    private readonly settings: Pick<AnalyticsSettingsRepository, 'get' | 'save'>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async get(tenantId: string): Promise<AnalyticsSettings> {
    return (await this.settings.get(tenantId)).settings;
  }

  async update(tenantId: string, update: SettingsUpdate): Promise<AnalyticsSettings> {
    const stored = await this.settings.get(tenantId);
    const next = decideSettingsUpdate(stored.settings, update, this.now());
    await this.settings.save(next, stored);
    return next;
  }
}
