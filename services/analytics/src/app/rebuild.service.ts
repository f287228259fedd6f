// Starting and reading rebuilds. Starting registers the new version in the read model state
// FIRST (one insert: from then on the live group writes it too), THEN reads the topic's end
// offsets as the rebuild's targets: an event past them is handled by the live group after the
// state was stored, so it reaches the new version; one before them is read by the rebuild's
// own group from offset 0. The supervisor (rebuild-supervisor.ts) then follows the group and
// switches over once it reached every target.
import { AnalyticsError } from '../domain/analytics-error';
import { decideAbandon, decideStartRebuild } from '../domain/read-model';
import type { PartitionTarget, Rebuild } from '../domain/rebuild';
import type { GiftFacts } from '../store/gift-facts.repository';
import type { ReadModelStates } from '../store/read-model-state.repository';
import type { RebuildRepository } from '../store/rebuild.repository';

/** A registered rebuild whose record never followed (its process died between the two). */
const ORPHAN_AFTER_MS = 60_000;

export interface RebuildFollower {
  follow(rebuild: Rebuild): Promise<void>;
}

export interface RebuildServiceDeps {
  rebuilds: Pick<RebuildRepository, 'get' | 'insert'>;
  states: Pick<ReadModelStates, 'current' | 'insert'>;
  facts: Pick<GiftFacts, 'dropReadModel'>;
  /** The transaction topic's partitions with their low and high offsets now. */
  topicEnds(): Promise<PartitionTarget[]>;
  supervisor: RebuildFollower;
  newId(): string;
  now?: () => Date;
}

export class RebuildService {
  constructor(private readonly deps: RebuildServiceDeps) {}

  async start(tenantId: string): Promise<Rebuild> {
    const now = this.deps.now?.() ?? new Date();
    let state = await this.deps.states.current(tenantId);
    if (state.building && (await this.orphaned(tenantId, state.building, now))) {
      const without = decideAbandon(state, state.building.rebuildId);
      if (without && (await this.deps.states.insert(without))) {
        await this.deps.facts.dropReadModel(tenantId, state.building.readModel);
        state = without;
      }
    }
    const id = this.deps.newId();
    const next = decideStartRebuild(state, id, now.toISOString());
    const toReadModel = next.building?.readModel ?? state.active + 1;
    // Before the version is registered (the live group writes it from then on): whatever an
    // abandoned rebuild of the same number left behind goes, so the new version starts empty.
    await this.deps.facts.dropReadModel(tenantId, toReadModel);
    if (!(await this.deps.states.insert(next))) {
      throw AnalyticsError.refused('another rebuild of this tenant started at the same moment');
    }
    const rebuild: Rebuild = {
      id,
      tenantId,
      version: 1,
      status: 'running',
      fromReadModel: state.active,
      toReadModel,
      startedAt: now.toISOString(),
      targets: await this.deps.topicEnds(),
    };
    await this.deps.rebuilds.insert(rebuild);
    await this.deps.supervisor.follow(rebuild);
    return rebuild;
  }

  async get(tenantId: string, id: string): Promise<Rebuild> {
    const rebuild = await this.deps.rebuilds.get(tenantId, id);
    if (!rebuild) throw AnalyticsError.rebuildNotFound(id);
    return rebuild;
  }

  private async orphaned(
    tenantId: string,
    building: { rebuildId: string; since: string },
    now: Date,
  ): Promise<boolean> {
    if (now.getTime() - new Date(building.since).getTime() < ORPHAN_AFTER_MS) return false;
    return (await this.deps.rebuilds.get(tenantId, building.rebuildId)) === undefined;
  }
}
