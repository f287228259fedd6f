// Idempotency records in the gateway's own database. Every hot-path operation is an exact
// `{_id}` filter: FerretDB 1.x (SQLite) pushes only that down to SQL and would otherwise
// decode the whole collection. Conditional filters appear only on rare paths (taking over
// a record left behind by a crashed request) and in the periodic purge.
import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { idempotencyId } from '../domain/idempotency';
import type { IdempotencyScope } from '../domain/idempotency';

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
  | { outcome: 'in-flight' };

export interface IdempotencyStore {
  /** Claims the key for this request, or says why not. */
  begin(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<BeginResult>;
  /** Stores the final response under a key this request claimed. */
  complete(id: string, response: StoredResponse, now: Date): Promise<void>;
  /** Gives a claimed key up (the request failed in a retryable way). */
  release(id: string): Promise<void>;
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
}

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
      if (existing.state === 'completed' && existing.response) {
        return { outcome: 'replay', response: existing.response };
      }
      return { outcome: 'in-flight' };
    }
    return { outcome: 'in-flight' };
  }

  async complete(id: string, response: StoredResponse, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: id },
      { $set: { state: 'completed', response, completedAt: now } },
    );
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
