// Starting and finishing rebuilds with in-memory stores: the state is registered before the
// targets are read, a second start is refused, an orphaned registration is abandoned, and the
// supervisor switches (one state insert), marks the rebuild completed, stops and removes its
// group and drops the old version, but only once the group committed every target.
import { createLogger } from '@kith/logger';
import type { StartableConsumer } from '@kith/service-kit';
import { RebuildSupervisor } from '../src/app/rebuild-supervisor';
import { RebuildService } from '../src/app/rebuild.service';
import { initialReadModelState, type ReadModelState } from '../src/domain/read-model';
import type { PartitionTarget, Rebuild } from '../src/domain/rebuild';

function stores() {
  const states: ReadModelState[] = [];
  const rebuilds = new Map<string, Rebuild>();
  const dropped: Array<[string, number]> = [];
  const order: string[] = [];
  return {
    states,
    rebuilds,
    dropped,
    order,
    stateStore: {
      current: async (tenantId: string) =>
        states.filter((s) => s.tenantId === tenantId).at(-1) ?? initialReadModelState(tenantId),
      insert: async (state: ReadModelState) => {
        if (states.some((s) => s.tenantId === state.tenantId && s.seq === state.seq)) return false;
        order.push(`state ${state.seq}`);
        states.push(state);
        return true;
      },
    },
    rebuildStore: {
      get: async (_tenantId: string, id: string) => rebuilds.get(id),
      insert: async (rebuild: Rebuild) => void rebuilds.set(rebuild.id, rebuild),
      finish: async (rebuild: Rebuild) => void rebuilds.set(rebuild.id, rebuild),
      running: async () => [...rebuilds.values()].filter((r) => r.status === 'running'),
    },
    facts: {
      dropReadModel: async (tenantId: string, readModel: number) => {
        dropped.push([tenantId, readModel]);
        return 0;
      },
    },
  };
}

const targets: PartitionTarget[] = [{ partition: 0, low: '0', high: '5' }];
const logger = createLogger({ service: 'test', level: 'silent' });

function setUp(now = new Date('2026-05-01T00:00:00Z')) {
  const s = stores();
  const followed: Rebuild[] = [];
  let ids = 0;
  const service = new RebuildService({
    rebuilds: s.rebuildStore,
    states: s.stateStore,
    facts: s.facts,
    topicEnds: async () => {
      s.order.push('targets');
      return targets;
    },
    supervisor: { follow: async (r) => void followed.push(r) },
    newId: () => `r-${++ids}`,
    now: () => now,
  });
  return { ...s, service, followed };
}

describe('starting a rebuild', () => {
  it('registers the next version before reading its targets, then follows it', async () => {
    const t = setUp();

    const rebuild = await t.service.start('tenant');

    expect(t.order).toEqual(['state 1', 'targets']);
    expect(rebuild).toMatchObject({
      id: 'r-1',
      status: 'running',
      fromReadModel: 1,
      toReadModel: 2,
      targets,
    });
    expect(t.followed.map((r) => r.id)).toEqual(['r-1']);
    expect(t.dropped).toEqual([['tenant', 2]]);
  });

  it('refuses a second start while one builds', async () => {
    const t = setUp();
    await t.service.start('tenant');
    await expect(t.service.start('tenant')).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('abandons a registration whose rebuild record never followed, after a minute', async () => {
    const t = setUp(new Date('2026-05-01T00:05:00Z'));
    t.states.push({
      tenantId: 'tenant',
      seq: 1,
      active: 1,
      building: { readModel: 2, rebuildId: 'lost', since: '2026-05-01T00:00:00Z' },
    });

    const rebuild = await t.service.start('tenant');

    expect(t.states.map((s) => [s.seq, s.building?.rebuildId])).toEqual([
      [1, 'lost'],
      [2, undefined],
      [3, rebuild.id],
    ]);
  });
});

describe('the rebuild supervisor', () => {
  function supervised(committed: Map<number, string>) {
    const t = setUp();
    const group = { started: true, stopped: false };
    const removed: string[] = [];
    const supervisor = new RebuildSupervisor({
      rebuilds: t.rebuildStore,
      states: t.stateStore,
      facts: t.facts,
      logger,
      dropAfterMs: 0,
      groups: {
        run: async (): Promise<StartableConsumer> => ({
          start: async () => undefined,
          stop: async () => void (group.stopped = true),
        }),
        committed: async () => committed,
        remove: async (groupId) => void removed.push(groupId),
      },
    });
    return { t, supervisor, group, removed };
  }

  it('keeps the old version serving until the group committed every target', async () => {
    const { t, supervisor, group } = supervised(new Map([[0, '4']]));
    const rebuild = await t.service.start('tenant');
    await supervisor.follow(rebuild);

    await supervisor.checkNow();

    expect((await t.stateStore.current('tenant')).active).toBe(1);
    expect(t.rebuilds.get(rebuild.id)?.status).toBe('running');
    expect(group.stopped).toBe(false);
  });

  it('switches in one state, completes the rebuild, removes its group and drops the old version', async () => {
    const { t, supervisor, group, removed } = supervised(new Map([[0, '5']]));
    const rebuild = await t.service.start('tenant');
    await supervisor.follow(rebuild);

    await supervisor.checkNow();
    await new Promise((r) => setTimeout(r, 10));

    expect(await t.stateStore.current('tenant')).toEqual({ tenantId: 'tenant', seq: 2, active: 2 });
    expect(t.rebuilds.get(rebuild.id)).toMatchObject({ status: 'completed', version: 2 });
    expect(group.stopped).toBe(true);
    expect(removed).toEqual([`analytics-rebuild-${rebuild.id}`]);
    expect(t.dropped).toContainEqual(['tenant', 1]);
    await supervisor.stop();
  });
});
