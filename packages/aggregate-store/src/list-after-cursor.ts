// One page of a tenant's aggregates in `_id` order after a cursor: a `limit + 1` read, the
// extra row only saying that more follow (@kith/paging `buildPage` takes the same read).
// Cost on FerretDB 1.24: `tenantId` and the filter's top-level equalities are pushed down; the
// `$gt` on `_id`, the sort and the limit run in Go after every matching row is fetched, so a
// page costs what the pushed-down part matches. Fine for small collections (tens per tenant)
// or a filter that narrows by an indexed equality; a large tenant-wide listing needs buckets
// (docs/architecture.md, "Lists over a large tenant").
import type { FindManyTarget, ListCollection, OwnedDocument, Projection } from './store-collection';

export interface ListAfterCursorQuery {
  tenantId: string;
  /** Further conditions; equality on top-level fields is what FerretDB pushes down. */
  filter?: Record<string, unknown>;
  /** The last `_id` of the previous page. */
  afterId?: string;
  pageSize: number;
  /** Default: everything but the outbox's commit record. */
  projection?: Projection;
}

const WITHOUT_OUTBOX_LOG: Projection = { _outboxLog: 0 };

export async function listAfterCursor<D extends OwnedDocument>(
  collection: ListCollection<D>,
  query: ListAfterCursorQuery,
): Promise<{ items: D[]; hasMore: boolean }> {
  const filter: Record<string, unknown> = { ...query.filter, tenantId: query.tenantId };
  if (query.afterId !== undefined) filter._id = { $gt: query.afterId };
  const rows = await (collection as FindManyTarget<D>)
    .find(filter, { projection: query.projection ?? WITHOUT_OUTBOX_LOG })
    .sort({ _id: 1 })
    .limit(query.pageSize + 1)
    .toArray();
  return { items: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize };
}
