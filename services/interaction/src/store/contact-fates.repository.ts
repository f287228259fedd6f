// What this service has learnt happened to a contact, as soon as its lifecycle hook starts:
// merged into a survivor, or erased. The kit's projection says so only after the hooks have
// run, so a write that read "live" just before a merge or an erasure, and landed just after
// the hook's sweep, would keep the victim's id (or the erased person's) for good. Each write
// therefore looks its contacts up here afterwards and repairs itself (app/
// interaction-lifecycle.service.ts). One `_id` document per contact, ids only; never removed
// (a merged or erased contact stays so).
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db } from 'mongodb';

export const CONTACT_FATES_COLLECTION = 'contact_fates';

export type ContactFate = { fate: 'merged'; survivorId: string } | { fate: 'erased' };

interface FateDocument {
  _id: string;
  tenantId: string;
  contactId: string;
  fate: ContactFate['fate'];
  survivorId?: string;
  at: Date;
}

const fateId = (tenantId: string, contactId: string) =>
  [tenantId, contactId].map(encodeURIComponent).join(':');

export class ContactFates {
  private readonly fates: Collection<FateDocument>;

  constructor(db: Db) {
    this.fates = db.collection<FateDocument>(CONTACT_FATES_COLLECTION);
  }

  /** Records the fate; the first one recorded stays (a merged victim erased later still points on). */
  async record(
    tenantId: string,
    contactId: string,
    fate: ContactFate,
    at = new Date(),
  ): Promise<void> {
    const doc: FateDocument = {
      _id: fateId(tenantId, contactId),
      tenantId,
      contactId,
      ...fate,
      at,
    };
    try {
      await retryTransient(() => this.fates.insertOne(doc));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async of(tenantId: string, contactId: string): Promise<ContactFate | undefined> {
    const doc = await this.fates.findOne({ _id: fateId(tenantId, contactId) }, withMaxTime({}));
    if (!doc) return undefined;
    return doc.fate === 'merged' && doc.survivorId
      ? { fate: 'merged', survivorId: doc.survivorId }
      : { fate: 'erased' };
  }
}
