// One aggregate of one tenant. The filter is `{_id}` alone: it is the one every FerretDB 1.24
// backend pushes down (and on PostgreSQL serves from its GIN index in milliseconds at any
// size), while `{_id, tenantId}` was measured bimodal there (p95 ~400 ms). The tenant is
// checked here instead, and a foreign tenant's record answers exactly like a missing one.
import { retryTransient } from '@kith/bus';
import {
  keepingTenant,
  type FindOneTarget,
  type OwnedDocument,
  type Projection,
  type ReadCollection,
} from './store-collection';

export async function findOwned<D extends OwnedDocument>(
  collection: ReadCollection<D>,
  tenantId: string,
  id: string,
  projection?: Projection,
): Promise<D | undefined> {
  const target = collection as FindOneTarget<D>;
  const keep = keepingTenant(projection);
  const doc = await retryTransient(() =>
    target.findOne({ _id: id }, keep ? { projection: keep } : {}),
  );
  return doc && doc.tenantId === tenantId ? doc : undefined;
}
