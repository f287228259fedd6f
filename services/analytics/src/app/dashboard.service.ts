// A dashboard: the tenant's settings, the serving read model version, its facts and the
// merges, grouped by domain/dashboard.ts. Three reads, each an equality FerretDB pushes down;
// the facts read costs the tenant's gifts (docs/analytics.md measures it).
import { isCurrencyCode } from '@kith/contracts';
import { AnalyticsError } from '../domain/analytics-error';
import { computeDashboard, type Dashboard } from '../domain/dashboard';
import { currentFiscalYear } from '../domain/fiscal-year';
import type { AnalyticsSettingsRepository } from '../store/analytics-settings.repository';
import type { DonorMerges } from '../store/donor-merges.repository';
import type { GiftFacts } from '../store/gift-facts.repository';
import type { ReadModelStates } from '../store/read-model-state.repository';

export interface DashboardRequest {
  tenantId: string;
  /** 0: the fiscal year now. */
  fiscalYear: number;
  currency?: string;
}

/** Years a dashboard may be asked for. */
const YEARS = { min: 1900, max: 9999 } as const;

export class DashboardService {
  constructor(
    private readonly deps: {
      settings: Pick<AnalyticsSettingsRepository, 'get'>;
      states: Pick<ReadModelStates, 'current'>;
      facts: Pick<GiftFacts, 'latest'>;
      merges: Pick<DonorMerges, 'mapOf'>;
      now?: () => Date;
    },
  ) {}

  async dashboard(req: DashboardRequest): Promise<Dashboard & { readModel: number }> {
    validate(req);
    const [{ settings }, state, merges] = await Promise.all([
      this.deps.settings.get(req.tenantId),
      this.deps.states.current(req.tenantId),
      this.deps.merges.mapOf(req.tenantId),
    ]);
    const startMonth = settings.fiscalYearStartMonth;
    const now = this.deps.now?.() ?? new Date();
    const fiscalYear = req.fiscalYear || currentFiscalYear(now, startMonth);
    const facts = await this.deps.facts.latest(req.tenantId, state.active);
    const dashboard = computeDashboard(facts, merges, {
      fiscalYear,
      startMonth,
      ...(req.currency ? { currency: req.currency } : {}),
    });
    return { ...dashboard, readModel: state.active };
  }
}

function validate(req: DashboardRequest): void {
  const errors = [];
  if (req.fiscalYear !== 0 && !(req.fiscalYear >= YEARS.min && req.fiscalYear <= YEARS.max)) {
    errors.push({
      field: 'fiscalYear',
      message: `must be a year from ${YEARS.min} to ${YEARS.max}`,
    });
  }
  if (req.currency && !isCurrencyCode(req.currency)) {
    errors.push({ field: 'currency', message: 'must be an ISO 4217 currency code' });
  }
  if (errors.length > 0) throw AnalyticsError.validation(errors);
}
