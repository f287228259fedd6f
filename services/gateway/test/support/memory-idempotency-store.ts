// The IdempotencyStore contract in memory, for unit tests of the HTTP layer. The Mongo
// repository is tested against the same behaviours in idempotency.int.test.ts.
import { idempotencyId } from '../../src/domain/idempotency';
import type { IdempotencyScope } from '../../src/domain/idempotency';
import type {
  BeginResult,
  IdempotencyStore,
  StoredResponse,
} from '../../src/store/idempotency.repository';

interface Entry {
  fingerprint: string;
  response?: StoredResponse;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly entries = new Map<string, Entry>();

  async begin(scope: IdempotencyScope, fingerprint: string): Promise<BeginResult> {
    const id = idempotencyId(scope);
    const existing = this.entries.get(id);
    if (!existing) {
      this.entries.set(id, { fingerprint });
      return { outcome: 'started', id };
    }
    if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (existing.response) return { outcome: 'replay', response: existing.response };
    return { outcome: 'in-flight' };
  }

  async complete(id: string, response: StoredResponse): Promise<void> {
    const entry = this.entries.get(id);
    if (entry) entry.response = response;
  }

  async release(id: string): Promise<void> {
    this.entries.delete(id);
  }
}
