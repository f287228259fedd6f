export { findOwned } from './find-owned';
export { insertVersioned, updateVersioned } from './versioned-write';
export type {
  AggregateStore,
  VersionedDocument,
  VersionedState,
  VersionedWrite,
} from './versioned-write';
export { listAfterCursor } from './list-after-cursor';
export type { ListAfterCursorQuery } from './list-after-cursor';
export { FENCE_STALE_MS, claimUnique, findClaim, releaseClaim } from './unique-claim';
export type { ClaimFields, ClaimResult, ClaimRules, StringField } from './unique-claim';
export type {
  AggregateCollection,
  ClaimCollection,
  ClaimMethods,
  FindManyTarget,
  FindOneTarget,
  ListCollection,
  OwnedDocument,
  Projection,
  ReadCollection,
} from './store-collection';
export { MemoryCollection } from './memory-collection';
export { ensureTenantIndexes } from './tenant-indexes';
export type { CreateIndexesTarget, IndexKey } from './tenant-indexes';
export { withoutAbsent } from './document-fields';
export { putNewerVersion } from './put-newer-version';
export type { PutNewerTarget } from './put-newer-version';
