// Idempotency records in the gateway's own database. Every hot-path operation is an exact
// `{_id}` filter or an insert: FerretDB 1.x (SQLite) pushes only `{_id}` down to SQL and would
// otherwise decode the whole collection, and an update there is a read and then a write. So a
// key is two records, each written once by an insert (group-committed with concurrent
// requests' by an InsertBatcher): the claim `<id>` when the request starts, the completion
// `<id>#response` with the answer when it ends (bench/README.md, gift-write: one FerretDB
// update fewer per request). Conditional filters appear only on rare paths (taking over a
// claim left behind by a crashed request), in the periodic purge, and in an erasure
// (top-level equality on tenantId and a contact id, which FerretDB pushes down).
import { randomUUID } from 'node:crypto';
import { InsertBatcher } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import { idempotencyId } from '../domain/idempotency';
import type { IdempotencyScope, ResponseContacts } from '../domain/idempotency';

export interface StoredResponse {
  status: number;
  body: string;
  /** Lower-case names: content-type, location, etag. */
  headers: Record<string, string>;
}

/** A key this request claimed: what its completion needs, so it need not read the claim. */
export interface Claim {
  id: string;
  tenantId: string;
  fingerprint: string;
  createdAt: Date;
}

export type BeginResult =
  | { outcome: 'started'; claim: Claim }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'mismatch' }
  | { outcome: 'in-flight' }
  /** The stored response named a person since erased: it is gone, the key stays used. */
  | { outcome: 'erased' };

export interface IdempotencyStore {
  /** Claims the key for this request, or says why not. */
  begin(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<BeginResult>;
  /** Stores the final response under a key this request claimed, with the contacts it names. */
  complete(
    claim: Claim,
    response: StoredResponse,
    now: Date,
    contacts?: ResponseContacts,
  ): Promise<void>;
  /** Gives a claimed key up (the request failed in a retryable way). */
  release(claim: Claim): Promise<void>;
  /**
   * GDPR erasure: drops the body of every stored response of the tenant that names the
   * contact; their keys stay used (a retry answers `erased`, it does not create again).
   * Idempotent. Answers how many records it scrubbed.
   */
  eraseContact(tenantId: string, contactId: string, now: Date): Promise<number>;
}

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

/** The claim, `_id` = the key's id: written when a request starts, never changed. */
interface ClaimDoc {
  _id: string;
  tenantId: string;
  fingerprint: string;
  state: 'in-flight';
  /** Identifies one claim, so a takeover never deletes a newer claim by mistake. */
  lockId: string;
  createdAt: Date;
  lockedUntil: Date;
}

/** The completion, `_id` = `<id>#response`: written once when the request answered. */
interface ResponseDoc {
  _id: string;
  tenantId: string;
  fingerprint: string;
  state: 'completed';
  /** The claim's, so the purge drops both together. */
  createdAt: Date;
  completedAt: Date;
  response?: StoredResponse;
  /** The contacts the response names (ResponseContacts), so an erasure finds it. */
  contactId?: string;
  otherContactId?: string;
  contactIds?: string[];
  /** Set when an erasure removed the response (and the contact ids with it). */
  erasedAt?: Date;
}

type IdempotencyDoc = ClaimDoc | ResponseDoc;

/** Ids are URI-encoded parts joined by ':' (idempotencyId): no claim's id holds a '#'. */
export function responseIdOf(id: string): string {
  return `${id}#response`;
}

const CONTACT_FIELDS = ['contactId', 'otherContactId', 'contactIds'] as const;

export interface IdempotencyRepositoryOptions {
  /** How long an in-flight claim blocks retries before it counts as abandoned. */
  inFlightLeaseMs?: number;
  /** How long a key is remembered; older records are ignored and purged. */
  retentionMs?: number;
}

const DUPLICATE_KEY = 11000;
const MAX_CLAIM_ATTEMPTS = 3;

export class IdempotencyRepository implements IdempotencyStore {
  private readonly collection: Collection<IdempotencyDoc>;
  private readonly inserts: InsertBatcher<IdempotencyDoc>;
  private readonly leaseMs: number;
  readonly retentionMs: number;

  constructor(db: Db, opts: IdempotencyRepositoryOptions = {}) {
    this.collection = db.collection<IdempotencyDoc>(IDEMPOTENCY_COLLECTION);
    this.inserts = new InsertBatcher(this.collection);
    this.leaseMs = opts.inFlightLeaseMs ?? 60_000;
    this.retentionMs = opts.retentionMs ?? 24 * 60 * 60 * 1000;
  }

  async begin(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<BeginResult> {
    const id = idempotencyId(scope);
    const claim: Claim = { id, tenantId: scope.tenantId, fingerprint, createdAt: now };
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const lockId = randomUUID();
      if (await this.tryClaim(claim, lockId)) return { outcome: 'started', claim };
      // Taken: the answer first (a completed key is the common retry), then the claim.
      const existing =
        (await this.collection.findOne({ _id: responseIdOf(id) })) ??
        (await this.collection.findOne({ _id: id }));
      if (!existing) continue; // released between our insert and read: claim again
      // Our own insert, found by a batch retried after a transient error.
      if (existing.state === 'in-flight' && existing.lockId === lockId) {
        return { outcome: 'started', claim };
      }
      const expired = existing.createdAt.getTime() < now.getTime() - this.retentionMs;
      const abandoned = existing.state === 'in-flight' && existing.lockedUntil <= now;
      if (expired || abandoned) {
        await this.forget(id, existing);
        continue;
      }
      if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (existing.state === 'in-flight') return { outcome: 'in-flight' };
      if (existing.erasedAt) return { outcome: 'erased' };
      if (existing.response) return { outcome: 'replay', response: existing.response };
      return { outcome: 'in-flight' };
    }
    return { outcome: 'in-flight' };
  }

  /** Frees a key whose record is past retention or whose claim was abandoned. */
  private async forget(id: string, existing: IdempotencyDoc): Promise<void> {
    if (existing.state === 'completed') {
      await this.collection.deleteOne({ _id: existing._id });
      await this.collection.deleteOne({ _id: id });
    } else {
      await this.collection.deleteOne({ _id: id, lockId: existing.lockId });
    }
  }

  /** Indexes for the erasure's lookups, tenant first (left out where MONGO_SECONDARY_INDEXES=off). */
  async ensureIndexes(): Promise<void> {
    for (const field of CONTACT_FIELDS) {
      await this.collection.createIndex({ tenantId: 1, [field]: 1 });
    }
  }

  async complete(
    claim: Claim,
    response: StoredResponse,
    now: Date,
    contacts: ResponseContacts = {},
  ): Promise<void> {
    await this.inserts.insert({
      _id: responseIdOf(claim.id),
      tenantId: claim.tenantId,
      fingerprint: claim.fingerprint,
      state: 'completed',
      createdAt: claim.createdAt,
      completedAt: now,
      response,
      ...contacts,
    });
  }

  /**
   * One update per contact field, each a top-level equality FerretDB pushes down. The ids go
   * with the body, so the record no longer links the key to the person, and an erasure
   * delivered again matches nothing.
   */
  async eraseContact(tenantId: string, contactId: string, now: Date): Promise<number> {
    let scrubbed = 0;
    for (const field of CONTACT_FIELDS) {
      const result = await this.collection.updateMany(
        { tenantId, [field]: contactId },
        {
          $set: { erasedAt: now },
          $unset: { response: '', contactId: '', otherContactId: '', contactIds: '' },
        },
      );
      scrubbed += result.modifiedCount;
    }
    return scrubbed;
  }

  async release(claim: Claim): Promise<void> {
    await this.collection.deleteOne({ _id: claim.id });
  }

  /**
   * Deletes records past retention. FerretDB has no TTL indexes, so main.ts runs this on a
   * timer; it scans the collection, which stays small because of this very purge.
   */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionMs);
    const result = await this.collection.deleteMany({ createdAt: { $lt: cutoff } });
    return result.deletedCount;
  }

  /** Inserts the claim; false when the key's id is taken. */
  private async tryClaim(claim: Claim, lockId: string): Promise<boolean> {
    try {
      await this.inserts.insert({
        _id: claim.id,
        tenantId: claim.tenantId,
        fingerprint: claim.fingerprint,
        state: 'in-flight',
        lockId,
        createdAt: claim.createdAt,
        lockedUntil: new Date(claim.createdAt.getTime() + this.leaseMs),
      });
      return true;
    } catch (err) {
      if ((err as { code?: unknown }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }
}
