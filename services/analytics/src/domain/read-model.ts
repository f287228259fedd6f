// Which version of a tenant's read model serves, and which one a rebuild is filling. One
// document per state (`seq` 1, 2, ...), each a unique insert: starting a rebuild and switching
// to its version are each ONE document write, and of two writers racing for a state only one
// can insert it (FerretDB's updates are a read and a write-back, so a filter cannot be a
// compare-and-set). Live events are written to every version in `writeVersions` (the active
// one, and the one being rebuilt), so nothing the live consumer sees while a rebuild runs is
// missing from the new version when it takes over.
import { AnalyticsError } from './analytics-error';

export interface ReadModelState {
  tenantId: string;
  seq: number;
  /** The version that answers dashboards. */
  active: number;
  building?: { readModel: number; rebuildId: string; since: string };
}

export function initialReadModelState(tenantId: string): ReadModelState {
  return { tenantId, seq: 0, active: 1 };
}

/** The versions a live event is applied to. */
export function writeVersions(state: ReadModelState): number[] {
  return state.building ? [state.active, state.building.readModel] : [state.active];
}

export function decideStartRebuild(
  state: ReadModelState,
  rebuildId: string,
  now: string,
): ReadModelState {
  if (state.building) {
    throw AnalyticsError.refused(
      `rebuild ${state.building.rebuildId} of this tenant is still running`,
    );
  }
  return {
    tenantId: state.tenantId,
    seq: state.seq + 1,
    active: state.active,
    building: { readModel: state.active + 1, rebuildId, since: now },
  };
}

/** The state once the rebuild's version serves; undefined when it is not the one building. */
export function decideSwitch(state: ReadModelState, rebuildId: string): ReadModelState | undefined {
  if (state.building?.rebuildId !== rebuildId) return undefined;
  return { tenantId: state.tenantId, seq: state.seq + 1, active: state.building.readModel };
}

/** The state without the rebuild (it lost its record or was given up); undefined if not it. */
export function decideAbandon(
  state: ReadModelState,
  rebuildId: string,
): ReadModelState | undefined {
  if (state.building?.rebuildId !== rebuildId) return undefined;
  return { tenantId: state.tenantId, seq: state.seq + 1, active: state.active };
}
