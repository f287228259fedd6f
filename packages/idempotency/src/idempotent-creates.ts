// Creates that dedupe on the idempotency-key a caller sends (the gateway forwards the client's
// Idempotency-Key as gRPC metadata). The gateway keeps answers of its own, but it releases a key
// when its call timed out (504) or failed over (UNAVAILABLE) while the create may still succeed
// here; the client's retry then reaches this service again. So:
//
// 1. The first call claims the key: one insert of `{_id: <tenant>:<user>:<key>, fingerprint,
//    resourceId}` in the service's own database. The `_id` insert is the claim (FerretDB
//    updates are not atomic; inserts on a unique `_id` are), the new record's id is chosen
//    here, and the key record holds ids and a hash only: no personal data. Concurrent calls'
//    claims share one insertMany (InsertBatcher): one round trip for many.
// 2. A retry finds the claim: another request under the key answers FAILED_PRECONDITION with
//    reason IDEMPOTENCY_KEY_REUSED (the gateway's 422 for a reused key); the same request
//    answers the record stored under `resourceId`, or, while none is, creates it itself there.
// 3. Two creates under one id cannot both land: the record's own unique `_id` (and its outbox
//    version claim) refuses the second, which then answers the first's record.
import * as grpc from '@grpc/grpc-js';
import { InsertBatcher, isDuplicateKeyError } from '@kith/bus';
import { StatusError } from '@kith/grpc-kit';
import type { Collection, Db } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { requestFingerprint } from './canonical-json.util';

/**
 * Key records only grow (FerretDB has no TTL): a ProcessedEventsPruner over this collection's
 * `createdAt` deletes them after the retention (the gateway keeps its keys 24 h).
 */
export const CREATE_KEYS_COLLECTION = 'create_keys';
export const CREATE_KEYS_TIME_FIELD = 'createdAt';
/** As long as the gateway keeps its own keys (docs/api.md). */
export const CREATE_KEYS_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The key records' entry in a service's pruned collections (@kith/service-kit ServiceWiring). */
export function createKeysPruning(retentionMs: number = CREATE_KEYS_RETENTION_MS): {
  collection: string;
  timeField: string;
  retentionMs: number;
} {
  return { collection: CREATE_KEYS_COLLECTION, timeField: CREATE_KEYS_TIME_FIELD, retentionMs };
}

/** The ErrorInfo reason of a key sent again with another request. */
export const IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

/** Who asks, under which key; without a key the create simply runs. */
export interface CreateCaller {
  tenantId: string;
  userId?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface CreateSteps<T> {
  /** Stores the new record under `id`; a second record under it must be refused. */
  create(id: string): Promise<T>;
  /** The record stored under `id`, whatever its state since; undefined if there is none. */
  find(id: string): Promise<T | undefined>;
}

interface CreateKeyRecord {
  _id: string;
  tenantId: string;
  operation: string;
  fingerprint: string;
  resourceId: string;
  createdAt: Date;
}

export interface IdempotentCreatesOptions {
  collection?: string;
  newId?: () => string;
  now?: () => Date;
  /** How long a retry waits for the record of a first attempt still running. Default 1 s. */
  settleMs?: number;
}

const SETTLE_POLL_MS = 25;

export class IdempotentCreates {
  private readonly keys: Collection<CreateKeyRecord>;
  private readonly claims: InsertBatcher<CreateKeyRecord>;
  private readonly newId: () => string;
  private readonly now: () => Date;
  private readonly settleMs: number;

  constructor(db: Db, opts: IdempotentCreatesOptions = {}) {
    this.keys = db.collection<CreateKeyRecord>(opts.collection ?? CREATE_KEYS_COLLECTION);
    this.claims = new InsertBatcher(this.keys);
    this.newId = opts.newId ?? uuidv7;
    this.now = opts.now ?? (() => new Date());
    this.settleMs = opts.settleMs ?? 1000;
  }

  /**
   * Runs `operation` (e.g. 'ContactService/CreateContact') once per key: the
   * same request under the same key answers the same record, however often it arrives.
   * `naturalId` is for records whose id follows from the request (a custom field's key).
   */
  async create<T>(
    caller: CreateCaller,
    operation: string,
    request: unknown,
    steps: CreateSteps<T>,
    naturalId?: string,
  ): Promise<T> {
    const key = caller.idempotencyKey;
    if (!key) return steps.create(naturalId ?? this.newId());
    const fingerprint = requestFingerprint(operation, request);
    const { claim, fresh } = await this.claim(caller, key, operation, fingerprint, naturalId);
    if (claim.fingerprint !== fingerprint) {
      throw new StatusError(
        grpc.status.FAILED_PRECONDITION,
        'this idempotency-key was used with a different request; use a new key',
        [],
        { reason: IDEMPOTENCY_KEY_REUSED, metadata: {} },
      );
    }
    if (!fresh) {
      // The first attempt may still be storing it: give it a moment before racing it.
      const found = await this.settled(steps, claim.resourceId, this.settleMs);
      if (found) return found;
    }
    try {
      return await steps.create(claim.resourceId);
    } catch (err) {
      // Lost to the twin under this key, which stored the record under the same id. A natural
      // id (one the request names) may be someone else's record: the first attempt's failure
      // is then its answer.
      if (fresh && naturalId !== undefined) throw err;
      const found = await this.settled(steps, claim.resourceId, fresh ? 0 : this.settleMs);
      if (found) return found;
      // Stored under this key once, and no longer read (deleted since): not a second record.
      if (isDuplicateKeyError(err)) {
        throw new StatusError(
          grpc.status.ALREADY_EXISTS,
          'the record this idempotency-key created is gone; use a new key to create another',
        );
      }
      throw err;
    }
  }

  private async claim(
    caller: CreateCaller,
    key: string,
    operation: string,
    fingerprint: string,
    naturalId: string | undefined,
  ): Promise<{ claim: CreateKeyRecord; fresh: boolean }> {
    const claim: CreateKeyRecord = {
      _id: [caller.tenantId, caller.userId ?? '', key].map(encodeURIComponent).join(':'),
      tenantId: caller.tenantId,
      operation,
      fingerprint,
      resourceId: naturalId ?? this.newId(),
      createdAt: this.now(),
    };
    try {
      await this.claims.insert(claim);
      return { claim, fresh: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await this.keys.findOne({ _id: claim._id });
    // Purged between the insert and the read: the key is free again.
    if (!existing) return this.claim(caller, key, operation, fingerprint, naturalId);
    // Our own insert, found by a batch retried after a transient error (a fresh id is ours).
    const ours = naturalId === undefined && existing.resourceId === claim.resourceId;
    return { claim: existing, fresh: ours };
  }

  private async settled<T>(
    steps: CreateSteps<T>,
    id: string,
    waitMs: number,
  ): Promise<T | undefined> {
    const until = Date.now() + waitMs;
    for (;;) {
      const found = await steps.find(id);
      if (found || Date.now() >= until) return found;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
  }
}
