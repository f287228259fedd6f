// Runs the consumer group of every running rebuild of this process and switches a tenant
// over once its rebuild caught up (domain/rebuild.ts caughtUp): one insert of the next read
// model state makes the new version serve, then the rebuild is marked completed (with its
// event), its group stopped and deleted, and the old version dropped after a grace period
// (a live handler that read the state just before the switch may still be writing to it).
// Started with the service's consumers; running rebuilds resume after a restart, their group
// continuing from its committed offsets.
import type { Logger } from '@kith/logger';
import type { StartableConsumer } from '@kith/service-kit';
import { decideSwitch } from '../domain/read-model';
import { caughtUp, completed, rebuildGroupId, type Rebuild } from '../domain/rebuild';
import type { GiftFacts } from '../store/gift-facts.repository';
import type { ReadModelStates } from '../store/read-model-state.repository';
import type { RebuildRepository } from '../store/rebuild.repository';
import type { RebuildFollower } from './rebuild.service';

export interface RebuildGroups {
  /** A started consumer group that applies the rebuild's tenant's gifts to its version. */
  run(rebuild: Rebuild): Promise<StartableConsumer>;
  /** The group's committed offsets by partition (absent: nothing committed). */
  committed(groupId: string): Promise<Map<number, string>>;
  /** Forget the group in Kafka once it is done. */
  remove(groupId: string): Promise<void>;
}

export interface RebuildSupervisorOptions {
  rebuilds: Pick<RebuildRepository, 'running' | 'finish' | 'get'>;
  states: Pick<ReadModelStates, 'current' | 'insert'>;
  facts: Pick<GiftFacts, 'dropReadModel'>;
  groups: RebuildGroups;
  logger: Logger;
  /** Between looks at the groups' progress. */
  checkEveryMs?: number;
  /** After a switch, before the old version is dropped. */
  dropAfterMs?: number;
  now?: () => Date;
}

interface Followed {
  rebuild: Rebuild;
  group: StartableConsumer;
}

export class RebuildSupervisor implements StartableConsumer, RebuildFollower {
  private readonly followed = new Map<string, Followed>();
  private readonly drops = new Set<NodeJS.Timeout>();
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private readonly log: Logger;

  constructor(private readonly opts: RebuildSupervisorOptions) {
    this.log = opts.logger.child({ component: 'rebuild-supervisor' });
  }

  async start(): Promise<void> {
    for (const rebuild of await this.opts.rebuilds.running()) await this.follow(rebuild);
    this.timer = setInterval(() => void this.check(), this.opts.checkEveryMs ?? 500);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const drop of this.drops) clearTimeout(drop);
    for (const { group } of this.followed.values()) await group.stop();
    this.followed.clear();
  }

  async follow(rebuild: Rebuild): Promise<void> {
    if (this.followed.has(rebuild.id)) return;
    const group = await this.opts.groups.run(rebuild);
    this.followed.set(rebuild.id, { rebuild, group });
    this.log.info({ rebuildId: rebuild.id, tenantId: rebuild.tenantId }, 'rebuild running');
  }

  /** One look at every followed rebuild; exported for tests through `checkNow`. */
  async checkNow(): Promise<void> {
    for (const followed of [...this.followed.values()]) {
      const { rebuild } = followed;
      const committed = await this.opts.groups.committed(rebuildGroupId(rebuild.id));
      if (caughtUp(rebuild.targets, committed)) await this.switchOver(followed);
    }
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.checkNow();
    } catch (err) {
      this.log.warn({ err }, 'rebuild check failed; trying again');
    } finally {
      this.checking = false;
    }
  }

  private async switchOver({ rebuild, group }: Followed): Promise<void> {
    const state = await this.opts.states.current(rebuild.tenantId);
    const next = decideSwitch(state, rebuild.id);
    // Lost the race for the state's seq: another writer moved it; look again next time.
    if (next && !(await this.opts.states.insert(next))) return;
    const now = (this.opts.now?.() ?? new Date()).toISOString();
    // Another process following the same rebuild (after a restart) may have finished it.
    const stored = await this.opts.rebuilds.get(rebuild.tenantId, rebuild.id);
    if (stored?.status === 'running') await this.opts.rebuilds.finish(completed(stored, now));
    this.followed.delete(rebuild.id);
    await group.stop();
    await this.opts.groups.remove(rebuildGroupId(rebuild.id));
    this.log.info(
      { rebuildId: rebuild.id, tenantId: rebuild.tenantId, readModel: rebuild.toReadModel },
      'rebuild caught up; its version serves now',
    );
    const drop = setTimeout(() => {
      this.drops.delete(drop);
      this.opts.facts
        .dropReadModel(rebuild.tenantId, rebuild.fromReadModel)
        .catch((err: unknown) => this.log.warn({ err }, 'dropping the old read model failed'));
    }, this.opts.dropAfterMs ?? 5000);
    this.drops.add(drop);
  }
}
