// An in-memory collection for unit tests of code built on these functions: it answers what
// they send (top-level equality, `null` matching a missing field, `$gt` / `$ne`, `_id`
// sort, limit, projections, `$set` / `$unset`) with the server's rules for `_id`: a second
// insert of one fails with a duplicate key (code 11000). Next to the interfaces it
// implements, so the two cannot drift apart. Anything else it refuses loudly.
import type {
  AggregateCollection,
  ClaimMethods,
  FindManyCursor,
  Projection,
} from './store-collection';

type Doc = { _id: string } & Record<string, unknown>;

export class MemoryCollection<D extends { _id: string }>
  implements AggregateCollection<D>, ClaimMethods<D>
{
  /** The stored documents by `_id`: arrange and assert through it. */
  readonly rows = new Map<string, D>();

  constructor(readonly collectionName = 'memory') {}

  async insertOne(doc: D): Promise<unknown> {
    if (this.rows.has(doc._id)) {
      throw Object.assign(new Error(`E11000 duplicate key: ${doc._id}`), { code: 11000 });
    }
    this.rows.set(doc._id, withoutUndefined(doc));
    return { insertedId: doc._id };
  }

  async findOne(filter: Record<string, unknown>, options?: { projection?: Projection }) {
    const doc = this.matching(filter)[0];
    return doc ? project(doc, options?.projection) : null;
  }

  find(filter: Record<string, unknown>, options?: { projection?: Projection }): FindManyCursor<D> {
    let rows = this.matching(filter);
    const cursor: FindManyCursor<D> = {
      sort: (sort) => {
        const [field, direction] = Object.entries(sort)[0] ?? ['_id', 1];
        rows = [...rows].sort((a, b) => compare(a, b, field) * direction);
        return cursor;
      },
      limit: (limit) => {
        rows = rows.slice(0, limit);
        return cursor;
      },
      toArray: async () => rows.map((doc) => project(doc, options?.projection)),
    };
    return cursor;
  }

  async updateOne(filter: Record<string, unknown>, update: Record<string, unknown>) {
    const doc = this.matching(filter)[0];
    if (!doc) return { matchedCount: 0 };
    const { $set = {}, $unset = {}, ...other } = update as Record<string, Record<string, unknown>>;
    if (Object.keys(other).length > 0) throw new Error(`unsupported update ${Object.keys(other)}`);
    const next: Doc = { ...(doc as Doc), ...$set };
    for (const field of Object.keys($unset)) delete next[field];
    this.rows.set(doc._id, withoutUndefined(next as unknown as D));
    return { matchedCount: 1 };
  }

  async replaceOne(filter: Record<string, unknown>, replacement: Omit<D, '_id'>) {
    const doc = this.matching(filter)[0];
    if (!doc) return { matchedCount: 0 };
    this.rows.set(doc._id, withoutUndefined({ ...replacement, _id: doc._id } as D));
    return { matchedCount: 1 };
  }

  async deleteOne(filter: Record<string, unknown>) {
    const doc = this.matching(filter)[0];
    if (doc) this.rows.delete(doc._id);
    return { deletedCount: doc ? 1 : 0 };
  }

  private matching(filter: Record<string, unknown>): D[] {
    return [...this.rows.values()].filter((doc) =>
      Object.entries(filter).every(([field, condition]) => matches(doc, field, condition)),
    );
  }
}

function matches(doc: object, field: string, condition: unknown): boolean {
  const value = (doc as Record<string, unknown>)[field];
  if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
    return Object.entries(condition).every(([op, operand]) => {
      if (op === '$gt')
        return typeof value === typeof operand && (value as never) > (operand as never);
      if (op === '$ne') return !equals(value, operand);
      if (op === '$eq') return equals(value, operand);
      throw new Error(`unsupported operator ${op}`);
    });
  }
  return equals(value, condition);
}

function equals(value: unknown, expected: unknown): boolean {
  if (expected === null) return value === null || value === undefined;
  if (Array.isArray(value) && !Array.isArray(expected)) return value.includes(expected);
  return JSON.stringify(value) === JSON.stringify(expected);
}

function compare(a: object, b: object, field: string): number {
  const x = String((a as Record<string, unknown>)[field]);
  const y = String((b as Record<string, unknown>)[field]);
  return x < y ? -1 : x > y ? 1 : 0;
}

function project<D>(doc: D, projection: Projection | undefined): D {
  const copy = structuredClone(doc) as Record<string, unknown>;
  if (!projection) return copy as D;
  const keep = Object.entries(projection)
    .filter(([, v]) => v === 1)
    .map(([k]) => k);
  if (keep.length > 0) {
    return Object.fromEntries(
      Object.entries(copy).filter(([k]) => k === '_id' || keep.includes(k)),
    ) as D;
  }
  for (const [field] of Object.entries(projection)) delete copy[field];
  return copy as D;
}

function withoutUndefined<D>(doc: D): D {
  return Object.fromEntries(
    Object.entries(structuredClone(doc) as object).filter(([, v]) => v !== undefined),
  ) as D;
}
