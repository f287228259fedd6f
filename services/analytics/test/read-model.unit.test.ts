import { AnalyticsError } from '../src/domain/analytics-error';
import { decideSettingsUpdate, defaultSettings } from '../src/domain/analytics-settings';
import {
  decideAbandon,
  decideStartRebuild,
  decideSwitch,
  initialReadModelState,
  writeVersions,
} from '../src/domain/read-model';
import { caughtUp } from '../src/domain/rebuild';

const now = '2026-05-01T00:00:00.000Z';

describe('read model states', () => {
  it('writes live events to the serving version, and to the rebuilt one while it builds', () => {
    const start = initialReadModelState('t');
    const building = decideStartRebuild(start, 'r-1', now);

    expect(writeVersions(start)).toEqual([1]);
    expect(building).toMatchObject({
      seq: 1,
      active: 1,
      building: { readModel: 2, rebuildId: 'r-1' },
    });
    expect(writeVersions(building)).toEqual([1, 2]);
  });

  it('refuses a second rebuild while one builds', () => {
    const building = decideStartRebuild(initialReadModelState('t'), 'r-1', now);
    expect(() => decideStartRebuild(building, 'r-2', now)).toThrow(AnalyticsError);
  });

  it('switches to the rebuilt version in one state, only for the rebuild that builds', () => {
    const building = decideStartRebuild(initialReadModelState('t'), 'r-1', now);

    expect(decideSwitch(building, 'r-1')).toEqual({ tenantId: 't', seq: 2, active: 2 });
    expect(decideSwitch(building, 'r-other')).toBeUndefined();
    expect(decideAbandon(building, 'r-1')).toEqual({ tenantId: 't', seq: 2, active: 1 });
  });
});

describe('a rebuild catching up', () => {
  const targets = [
    { partition: 0, low: '0', high: '10' },
    { partition: 1, low: '4', high: '4' },
  ];

  it('has caught up when every partition with events is committed up to its target', () => {
    expect(caughtUp(targets, new Map([[0, '10']]))).toBe(true);
    expect(caughtUp(targets, new Map([[0, '12']]))).toBe(true);
  });

  it('has not while a partition is behind or has nothing committed', () => {
    expect(caughtUp(targets, new Map([[0, '9']]))).toBe(false);
    expect(caughtUp(targets, new Map([[0, '-1']]))).toBe(false);
    expect(caughtUp(targets, new Map())).toBe(false);
  });
});

describe('analytics settings', () => {
  it('change the start month from the version they were read at', () => {
    const next = decideSettingsUpdate(
      defaultSettings('t'),
      { fiscalYearStartMonth: 7, expectedVersion: 1 },
      now,
    );
    expect(next).toEqual({ tenantId: 't', fiscalYearStartMonth: 7, version: 2, updatedAt: now });
  });

  it('refuse a stale version and a month outside 1-12', () => {
    const current = { ...defaultSettings('t'), version: 2 };
    expect(() =>
      decideSettingsUpdate(current, { fiscalYearStartMonth: 7, expectedVersion: 1 }, now),
    ).toThrow(expect.objectContaining({ code: 'VERSION_CONFLICT' }));
    expect(() =>
      decideSettingsUpdate(current, { fiscalYearStartMonth: 13, expectedVersion: 2 }, now),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
