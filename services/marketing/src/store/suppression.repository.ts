// The suppression list: `marketing_suppressions`, addresses never to be mailed again in a
// tenant, kept as a SHA-256 of the normalized address (`_id` <tenant>:<hash>), not the address:
// an erasure removes the person, and this keeps the promise not to write to them without
// keeping who they were readable (docs/privacy.md, "keep the suppression").
import { createHash } from 'node:crypto';
import { normalizeEmail } from '@kith/contact-lifecycle';
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import { projectionId } from './projection-ids';

export const MARKETING_SUPPRESSIONS_COLLECTION = 'marketing_suppressions';

interface SuppressionDocument {
  _id: string;
  tenantId: string;
  reason: 'erased';
  suppressedAt: string;
}

export function addressHash(address: string): string {
  return createHash('sha256').update(normalizeEmail(address)).digest('hex');
}

export class Suppressions {
  private readonly collection: Collection<SuppressionDocument>;

  constructor(db: Db) {
    this.collection = db.collection<SuppressionDocument>(MARKETING_SUPPRESSIONS_COLLECTION);
  }

  async add(tenantId: string, address: string, at: string): Promise<void> {
    try {
      await retryTransient(() =>
        this.collection.insertOne({
          _id: projectionId(tenantId, addressHash(address)),
          tenantId,
          reason: 'erased',
          suppressedAt: at,
        }),
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async has(tenantId: string, address: string): Promise<boolean> {
    return (
      (await this.collection.findOne({ _id: projectionId(tenantId, addressHash(address)) })) !==
      null
    );
  }
}
