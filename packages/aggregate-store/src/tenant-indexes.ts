// Indexes for MongoDB deployments (and FerretDB on PostgreSQL, which plans pushed-down equality
// with them): every query filters by tenant, so every index leads with `tenantId`. None
// enforces uniqueness: FerretDB has no partial indexes, so every unique rule is an `_id`
// insert (unique-claim.ts). One index per command: FerretDB 1.24 panics (and closes the
// connection) on a `createIndexes` naming several indexes that already exist, which is what a
// second replica starting, or any restart, sends.

export type IndexKey = Record<string, 1 | -1>;

export interface CreateIndexesTarget {
  createIndexes(indexes: Array<{ key: IndexKey }>): Promise<unknown>;
}

/** Creates `{ tenantId: 1, ...key }` for each key (`{ _id: 1 }`: the tenant's records in id order). */
export async function ensureTenantIndexes(
  collection: CreateIndexesTarget,
  keys: readonly IndexKey[],
): Promise<void> {
  for (const key of keys) await collection.createIndexes([{ key: { tenantId: 1, ...key } }]);
}
