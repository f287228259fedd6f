// Idempotency records in the gateway's own database. Every hot-path operation is an exact
// `{_id}` filter: FerretDB 1.x (SQLite) pushes only that down to SQL and would otherwise
// decode the whole collection. Conditional filters appear only on rare paths (taking over
// a record left behind by a crashed request), in the periodic purge, and in an erasure
// (top-level equality on tenantId and a contact id, which FerretDB pushes down).
import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { idempotencyId } from '../domain/idempotency';
import type { IdempotencyScope, ResponseContacts } from '../domain/idempotency';

export interface StoredResponse {
  status: number;
  body: string;
  /** Lower-case names: content-type, location, etag. */
  headers: Record<string, string>;
}

export type BeginResult =
  | { outcome: 'started'; id: string }
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
    id: string,
    response: StoredResponse,
    now: Date,
    contacts?: ResponseContacts,
  ): Promise<void>;
  /** Gives a claimed key up (the request failed in a retryable way). */
  release(id: string): Promise<void>;
  /**
   * GDPR erasure: drops the body of every stored response of the tenant that names the
   * contact; their keys stay used (a retry answers `erased`, it does not create again).
   * Idempotent. Answers how many records it scrubbed.
   */
  eraseContact(tenantId: string, contactId: string, now: Date): Promise<number>;
}

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

interface IdempotencyDoc {
  _id: string;
  tenantId: string;
  fingerprint: string;
  state: 'in-flight' | 'completed';
  /** Identifies one claim, so a takeover never deletes a newer claim by mistake. */
  lockId: string;
  createdAt: Date;
  lockedUntil: Date;
  completedAt?: Date;
  response?: StoredResponse;
  /** The contacts the response names (ResponseContacts), so an erasure finds it. */
  contactId?: string;
  otherContactId?: string;
  contactIds?: string[];
  /** Set when an erasure removed the response (and the contact ids with it). */
  erasedAt?: Date;
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
  private readonly leaseMs: number;
  readonly retentionMs: number;

  constructor(db: Db, opts: IdempotencyRepositoryOptions = {}) {
    this.collection = db.collection<IdempotencyDoc>(IDEMPOTENCY_COLLECTION);
    this.leaseMs = opts.inFlightLeaseMs ?? 60_000;
    this.retentionMs = opts.retentionMs ?? 24 * 60 * 60 * 1000;
  }

  async begin(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<BeginResult> {
    const id = idempotencyId(scope);
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      if (await this.tryClaim(id, scope.tenantId, fingerprint, now)) {
        return { outcome: 'started', id };
      }
      const existing = await this.collection.findOne({ _id: id });
      if (!existing) continue; // released between our insert and read: claim again
      const expired = existing.createdAt.getTime() < now.getTime() - this.retentionMs;
      const abandoned = existing.state === 'in-flight' && existing.lockedUntil <= now;
      if (expired || abandoned) {
        await this.collection.deleteOne({ _id: id, lockId: existing.lockId });
        continue;
      }
      if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (existing.erasedAt) return { outcome: 'erased' };
      if (existing.state === 'completed' && existing.response) {
        return { outcome: 'replay', response: existing.response };
      }
      return { outcome: 'in-flight' };
    }
    return { outcome: 'in-flight' };
  }

  /** Indexes for the erasure's lookups, tenant first (left out where MONGO_SECONDARY_INDEXES=off). */
  async ensureIndexes(): Promise<void> {
    for (const field of CONTACT_FIELDS) {
      await this.collection.createIndex({ tenantId: 1, [field]: 1 });
    }
  }

  async complete(
    id: string,
    response: StoredResponse,
    now: Date,
    contacts: ResponseContacts = {},
  ): Promise<void> {
    await this.collection.updateOne(
      { _id: id },
      { $set: { state: 'completed', response, completedAt: now, ...contacts } },
    );
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

  async release(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
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

  private async tryClaim(
    id: string,
    tenantId: string,
    fingerprint: string,
    now: Date,
  ): Promise<boolean> {
    try {
      await this.collection.insertOne({
        _id: id,
        tenantId,
        fingerprint,
        state: 'in-flight',
        lockId: randomUUID(),
        createdAt: now,
        lockedUntil: new Date(now.getTime() + this.leaseMs),
      });
      return true;
    } catch (err) {
      if ((err as { code?: unknown }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }
}
