// The few collection methods the store functions call, typed narrowly so that the in-memory
// fake of unit tests (`MemoryCollection`) fits as well as a driver `Collection` (mongoose's
// `mongo.Collection` is the same type). The functions take `Collection<D> | <methods>`: the
// driver's overloaded `findOne` would otherwise keep TypeScript from inferring `D` from a
// driver collection. Filters stay plain objects: the functions here only ever send what
// FerretDB 1.24 pushes down or needs (docs/architecture.md, "FerretDB costs").
import type { Collection } from 'mongodb';

/** What every document these functions read or write has. */
export interface OwnedDocument {
  _id: string;
  tenantId: string;
}

/** `{ field: 0 }` leaves a field out, `{ field: 1 }` keeps only the fields named. */
export type Projection = Record<string, 0 | 1>;

export interface FindOneTarget<D> {
  findOne(filter: { _id: string }, options?: { projection?: Projection }): Promise<D | null>;
}

export interface FindManyCursor<D> {
  sort(sort: Record<string, 1 | -1>): FindManyCursor<D>;
  limit(limit: number): FindManyCursor<D>;
  toArray(): Promise<D[]>;
}

export interface FindManyTarget<D> {
  find(filter: Record<string, unknown>, options?: { projection?: Projection }): FindManyCursor<D>;
}

export interface WriteOptions {
  /** Leave undefined fields out instead of storing null (what mongoose does too). */
  ignoreUndefined?: boolean;
}

export interface InsertOneTarget<D> {
  insertOne(doc: D, options?: WriteOptions): Promise<unknown>;
}

export interface UpdateOneTarget {
  updateOne(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
    options?: WriteOptions,
  ): Promise<{ matchedCount: number }>;
}

export interface ReplaceOneTarget<D> {
  replaceOne(
    filter: Record<string, unknown>,
    replacement: Omit<D, '_id'>,
    options?: WriteOptions,
  ): Promise<{ matchedCount: number }>;
}

export interface DeleteOneTarget {
  deleteOne(filter: Record<string, unknown>): Promise<{ deletedCount: number }>;
}

/** The aggregate collection of a versioned store; its name is the outbox intent's. */
export interface AggregateCollection<D>
  extends FindOneTarget<D>, FindManyTarget<D>, InsertOneTarget<D>, UpdateOneTarget {
  readonly collectionName: string;
}

/** What claims need of their collection (unique-claim.ts). */
export interface ClaimMethods<C>
  extends FindOneTarget<C>, InsertOneTarget<C>, ReplaceOneTarget<C>, DeleteOneTarget {}

/** What the functions accept: a driver collection, or anything with the methods they call. */
export type ReadCollection<D extends OwnedDocument> = Collection<D> | FindOneTarget<D>;
export type ListCollection<D extends OwnedDocument> = Collection<D> | FindManyTarget<D>;
export type ClaimCollection<C extends OwnedDocument> = Collection<C> | ClaimMethods<C>;

/** With the projection made to keep `tenantId`, which the owner check needs. */
export function keepingTenant(projection: Projection | undefined): Projection | undefined {
  if (!projection) return undefined;
  const inclusive = Object.values(projection).some((v) => v === 1);
  return inclusive ? { ...projection, tenantId: 1 } : projection;
}
