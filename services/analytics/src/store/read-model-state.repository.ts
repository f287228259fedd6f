// `read_model_states`: which read model version serves a tenant and which one a rebuild
// fills (domain/read-model.ts). Each state is its own document, `<tenant>:<seq>`, inserted
// once: the insert is the claim (a racing writer of the same seq gets a duplicate key), and a
// switch is that one insert. The current state is the highest seq; older ones are deleted.
import { ensureTenantIndexes } from '@kith/aggregate-store';
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, FindOptions } from 'mongodb';
import { initialReadModelState, type ReadModelState } from '../domain/read-model';

export const READ_MODEL_STATES_COLLECTION = 'read_model_states';

interface ReadModelStateDocument extends ReadModelState {
  _id: string;
}

/** States kept behind the current one (a reader may still be acting on one of them). */
const KEPT_STATES = 4;

const stateId = (tenantId: string, seq: number) => `${encodeURIComponent(tenantId)}:${seq}`;

export class ReadModelStates {
  private readonly states: Collection<ReadModelStateDocument>;

  constructor(db: Db) {
    this.states = db.collection<ReadModelStateDocument>(READ_MODEL_STATES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.states, [{ seq: -1 }]);
  }

  /** The tenant's current state (version 1 serving, nothing building, until first changed). */
  async current(tenantId: string): Promise<ReadModelState> {
    const docs = await retryTransient(() =>
      this.states
        .find({ tenantId }, withMaxTime<FindOptions>({ projection: { _id: 0 } }))
        .toArray(),
    );
    let current: ReadModelState = initialReadModelState(tenantId);
    for (const doc of docs) if (doc.seq > current.seq) current = doc;
    return current;
  }

  /** Inserts the next state; false when another writer stored that seq first. */
  async insert(state: ReadModelState): Promise<boolean> {
    try {
      await retryTransient(() =>
        this.states.insertOne({ ...state, _id: stateId(state.tenantId, state.seq) }),
      );
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    // Seqs grow by one, so deleting the one KEPT_STATES behind each insert deletes them all.
    const stale = state.seq - KEPT_STATES;
    if (stale > 0) {
      await retryTransient(() => this.states.deleteOne({ _id: stateId(state.tenantId, stale) }));
    }
    return true;
  }
}
