// The IdempotencyStore contract in memory, for unit tests of the HTTP layer. The Mongo
// repository is tested against the same behaviours in idempotency.int.test.ts.
import { idempotencyId } from '../../src/domain/idempotency';
import type { IdempotencyScope, ResponseContacts } from '../../src/domain/idempotency';
import type {
  BeginResult,
  Claim,
  IdempotencyStore,
  StoredResponse,
} from '../../src/store/idempotency.repository';

interface Entry {
  tenantId: string;
  fingerprint: string;
  response?: StoredResponse;
  contacts?: ResponseContacts;
  erased?: boolean;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly entries = new Map<string, Entry>();

  async begin(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<BeginResult> {
    const id = idempotencyId(scope);
    const existing = this.entries.get(id);
    if (!existing) {
      this.entries.set(id, { tenantId: scope.tenantId, fingerprint });
      return {
        outcome: 'started',
        claim: { id, tenantId: scope.tenantId, fingerprint, createdAt: now },
      };
    }
    if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (existing.erased) return { outcome: 'erased' };
    if (existing.response) return { outcome: 'replay', response: existing.response };
    return { outcome: 'in-flight' };
  }

  async complete(
    claim: Claim,
    response: StoredResponse,
    _now: Date,
    contacts: ResponseContacts = {},
  ): Promise<void> {
    const entry = this.entries.get(claim.id);
    if (entry) Object.assign(entry, { response, contacts });
  }

  async release(claim: Claim): Promise<void> {
    this.entries.delete(claim.id);
  }

  async eraseContact(tenantId: string, contactId: string): Promise<number> {
    let scrubbed = 0;
    for (const entry of this.entries.values()) {
      const { contacts } = entry;
      if (entry.tenantId !== tenantId || !contacts) continue;
      const named = [contacts.contactId, contacts.otherContactId, ...(contacts.contactIds ?? [])];
      if (!named.includes(contactId)) continue;
      delete entry.response;
      delete entry.contacts;
      entry.erased = true;
      scrubbed += 1;
    }
    return scrubbed;
  }
}
