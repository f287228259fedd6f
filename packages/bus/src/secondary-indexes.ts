// Whether a secondary index earns its keep on the server at hand. FerretDB 1.x answers every
// filter but an exact `{_id}` by reading the whole collection (measured on 1.24.2 + SQLite:
// a query on an indexed field plans as `SCAN`, and takes as long as without the index), yet
// updates each index on every insert: +32–46 % of its CPU per contact insert with the contact
// service's eight indexes (docs/architecture.md). There, indexes are only a cost; MongoDB (and
// FerretDB 2, which plans with them) gets every index.
import type { Db, Document } from 'mongodb';

/** From the server's `buildInfo`: false on FerretDB 1.x, true anywhere else. */
export function secondaryIndexesUsed(buildInfo: Document): boolean {
  const ferretdb = buildInfo.ferretdbVersion;
  return !(typeof ferretdb === 'string' && /^v?1\./.test(ferretdb));
}

export async function serverUsesSecondaryIndexes(db: Db): Promise<boolean> {
  return secondaryIndexesUsed(await db.admin().command({ buildInfo: 1 }));
}
