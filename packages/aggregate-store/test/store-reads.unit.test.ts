import { buildPage } from '@kith/paging';
import { MemoryCollection, findOwned, listAfterCursor, withoutAbsent } from '../src';

interface Row {
  _id: string;
  tenantId: string;
  kind: string;
  _outboxLog?: unknown[];
}

function given(rows: Row[]): MemoryCollection<Row> {
  const collection = new MemoryCollection<Row>('rows');
  for (const row of rows) collection.rows.set(row._id, row);
  return collection;
}

const row = (id: string, tenantId = 't-1', kind = 'a'): Row => ({
  _id: id,
  tenantId,
  kind,
  _outboxLog: [{ version: 1 }],
});

describe('listAfterCursor', () => {
  const collection = given([
    row('03'),
    row('01'),
    row('02', 't-2'),
    row('04', 't-1', 'b'),
    row('05'),
  ]);

  it('reads one page of the tenant in id order, saying whether more follow', async () => {
    const first = await listAfterCursor(collection, { tenantId: 't-1', pageSize: 2 });
    const second = await listAfterCursor(collection, {
      tenantId: 't-1',
      pageSize: 2,
      afterId: first.items.at(-1)?._id,
    });
    const last = await listAfterCursor(collection, { tenantId: 't-1', pageSize: 2, afterId: '04' });

    expect(first.items.map((r) => r._id)).toEqual(['01', '03']);
    expect(second.items.map((r) => r._id)).toEqual(['04', '05']);
    expect([first.hasMore, second.hasMore, last.hasMore]).toEqual([true, false, false]);
  });

  it('applies the filter within the tenant, and leaves the commit record out', async () => {
    const page = await listAfterCursor(collection, {
      tenantId: 't-1',
      filter: { kind: 'a', tenantId: 't-2' },
      pageSize: 10,
    });

    expect(page.items).toEqual([
      { _id: '01', tenantId: 't-1', kind: 'a' },
      { _id: '03', tenantId: 't-1', kind: 'a' },
      { _id: '05', tenantId: 't-1', kind: 'a' },
    ]);
  });

  it('pages like buildPage over the same limit + 1 read', async () => {
    const page = await listAfterCursor(collection, { tenantId: 't-1', pageSize: 3 });
    const rows = await collection
      .find({ tenantId: 't-1' }, { projection: { _outboxLog: 0 } })
      .sort({ _id: 1 })
      .limit(4)
      .toArray();

    expect(buildPage(rows, 3, (last) => last._id)).toEqual({ items: page.items, next: '04' });
  });
});

describe('findOwned', () => {
  const collection = given([row('01'), row('02', 't-2')]);

  it('finds the tenant’s record by id and answers nothing for another tenant’s', async () => {
    expect(await findOwned(collection, 't-1', '01')).toEqual(row('01'));
    expect(await findOwned(collection, 't-1', '02')).toBeUndefined();
  });

  it('keeps the tenant in an inclusive projection, so the check still holds', async () => {
    expect(await findOwned(collection, 't-1', '01', { kind: 1 })).toEqual({
      _id: '01',
      tenantId: 't-1',
      kind: 'a',
    });
  });
});

describe('withoutAbsent', () => {
  it('leaves out undefined, null and empty fields and keeps false and 0', () => {
    expect(withoutAbsent({ a: 'x', b: undefined, c: null, d: '', e: false, f: 0 })).toEqual({
      a: 'x',
      e: false,
      f: 0,
    });
  });
});
