// A read model's "store this version unless a newer one is stored": the upsert of a projection
// fed by an event stream that carries each record's full state and version (a donation, an
// interaction, a contact). A redelivered, replayed or late older event then stores nothing: the
// filter `{_id, version: {$lt: v}}` matches no stored newer document, and the upsert collides
// with its `_id` (a duplicate key, answered false). FerretDB's updates are a read and a
// write-back, so this is safe only where one writer handles a record at a time (one consumer
// group, the record's events on one partition); the filter alone is no compare-and-set.
import { isDuplicateKeyError, retryTransient } from '@kith/bus';

export interface PutNewerTarget {
  updateOne(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
    options: { upsert: true },
  ): Promise<{ modifiedCount: number; upsertedCount: number }>;
}

/**
 * Stores `state` (which carries `version`) under `_id` unless that version or a newer one is
 * stored; `optionalFields` the state lacks are `$unset`. True when it was stored.
 */
export async function putNewerVersion(
  collection: PutNewerTarget,
  _id: string,
  state: { version: number } & Record<string, unknown>,
  optionalFields: readonly string[] = [],
): Promise<boolean> {
  const unset = optionalFields.filter((f) => state[f] === undefined);
  const set = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
  try {
    const result = await retryTransient(() =>
      collection.updateOne(
        { _id, version: { $lt: state.version } },
        {
          $set: set,
          ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((f) => [f, ''])) } : {}),
        },
        { upsert: true },
      ),
    );
    return result.modifiedCount + result.upsertedCount > 0;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
