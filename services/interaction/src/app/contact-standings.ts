// Reads what the domain needs to know of the contacts a write names (domain/contact-standing.ts):
// from this service's projection of kith.contact.v1, and the fates its hooks recorded first,
// following merge chains to their end (at most 16 hops; a revisited id stops the walk).
import type { ContactProjectionStore } from '@kith/contact-lifecycle';
import type { ContactStanding, Standings } from '../domain/contact-standing';
import type { ContactFates } from '../store/contact-fates.repository';

const MAX_HOPS = 16;

export class ContactStandings {
  constructor(
    private readonly projection: Pick<ContactProjectionStore, 'latest'>,
    private readonly fates: Pick<ContactFates, 'of'>,
  ) {}

  async of(tenantId: string, ids: readonly string[]): Promise<Standings> {
    const distinct = [...new Set(ids)];
    const standings = await Promise.all(distinct.map((id) => this.standing(tenantId, id)));
    return new Map(distinct.map((id, i) => [id, standings[i] as ContactStanding]));
  }

  async standing(tenantId: string, id: string): Promise<ContactStanding> {
    const seen = new Set<string>();
    let current = id;
    for (let hop = 0; hop <= MAX_HOPS && !seen.has(current); hop++) {
      seen.add(current);
      const [fate, known] = await Promise.all([
        this.fates.of(tenantId, current),
        this.projection.latest(tenantId, current),
      ]);
      const next = fate?.fate === 'merged' ? fate.survivorId : known?.mergedInto;
      if (next) {
        current = next;
        continue;
      }
      if (fate?.fate === 'erased' || known?.erased) return { state: 'erased' };
      if (!known) return { state: 'unknown' };
      if (known.status !== 'active') return { state: 'deleted' };
      return { state: 'live', kind: known.kind, id: current };
    }
    return { state: 'unknown' };
  }
}
