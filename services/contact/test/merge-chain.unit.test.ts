import { contactNotFound, finalSurvivorId, MAX_MERGE_HOPS } from '../src/app/merge-chain';
import type { Contact } from '../src/domain/contact';
import { ContactErrorCode } from '../src/domain/contact-error';

const TENANT = 'tenant-a';

/** Contacts by id, each merged into the next id named (or live), counting reads. */
function givenChain(mergedInto: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    contacts: {
      findById: async (_tenant: string, id: string) => {
        reads.push(id);
        const next = mergedInto[id];
        return { contact: { id, ...(next ? { mergedInto: next } : {}) } as Contact } as never;
      },
    },
  };
}

describe('following a chain of merges', () => {
  it('ends at the first record not merged into another', async () => {
    const { contacts } = givenChain({ b: 'c', c: 'd' });

    expect(await finalSurvivorId(contacts, TENANT, 'b')).toBe('d');
  });

  it('stops at a revisited record instead of looping', async () => {
    const { contacts, reads } = givenChain({ b: 'c', c: 'b' });

    await finalSurvivorId(contacts, TENANT, 'b');

    expect(reads).toEqual(['b', 'c']);
  });

  it('reads at most MAX_MERGE_HOPS records', async () => {
    const long = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, `c${i + 1}`]));
    const { contacts, reads } = givenChain(long);

    await finalSurvivorId(contacts, TENANT, 'c0');

    expect(reads).toHaveLength(MAX_MERGE_HOPS);
  });

  it('answers a merged record with NOT_FOUND naming the end of its chain', async () => {
    const { contacts } = givenChain({ b: 'c' });
    const a = { id: 'a', mergedInto: 'b' } as Contact;

    const err = await contactNotFound(contacts, TENANT, 'a', a);

    expect(err.code).toBe(ContactErrorCode.NOT_FOUND);
    expect(err.facts).toEqual({ mergedInto: 'c' });
  });

  it('answers a plain deleted record with NOT_FOUND naming nothing', async () => {
    const { contacts } = givenChain({});

    const err = await contactNotFound(contacts, TENANT, 'a', { id: 'a' } as Contact);

    expect(err.facts).toEqual({});
  });
});
