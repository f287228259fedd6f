// How a whole-tenant page walks list buckets, with buckets and documents in memory and a clock
// the test moves: the short page at the time budget is deterministic here.
import type { ContactListQuery } from '../src/domain/contact';
import type { ListBuckets } from '../src/store/contact-list-buckets';
import { ContactListReader } from '../src/store/contact-list.reader';
import type { ContactDocument, ContactModel } from '../src/store/contact.model';

const TENANT = 'tenant-1';
const bucketId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const contactId = (n: number) => `01910000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function doc(
  n: number,
  bucket: number,
  kind: 'person' | 'organization' = 'person',
  tags: string[] = [],
) {
  return {
    _id: contactId(n),
    tenantId: TENANT,
    kind,
    version: 1,
    displayName: `C${n}`,
    searchNames: [],
    emails: [],
    phones: [],
    tags,
    createdAt: '2026-12-03T00:00:00.000Z',
    updatedAt: '2026-12-03T00:00:00.000Z',
    deletedAt: null,
    listBucket: bucketId(bucket),
  } as ContactDocument;
}

/** Answers `find(filter).sort({_id: 1}).limit(n)` for the equalities the reader sends. */
function fakeModel(docs: ContactDocument[], onFind: () => void): ContactModel {
  const find = (filter: Record<string, unknown>) => {
    onFind();
    const after = (filter._id as { $gt?: string } | undefined)?.$gt;
    const matches = docs
      .filter((d) => d.tenantId === filter.tenantId)
      .filter((d) => !filter.listBucket || d.listBucket === filter.listBucket)
      .filter((d) => !filter.kind || d.kind === filter.kind)
      .filter((d) => !filter.tags || d.tags.includes(filter.tags as string))
      .filter((d) => !after || d._id > after)
      .sort((a, b) => (a._id < b._id ? -1 : 1));
    let limit = Infinity;
    const chain = {
      sort: () => chain,
      limit: (n: number) => ((limit = n), chain),
      lean: () => chain,
      exec: async () => matches.slice(0, limit),
    };
    return chain;
  };
  return { find } as unknown as ContactModel;
}

function reader(docs: ContactDocument[], buckets: number, opts: { msPerFind?: number } = {}) {
  let now = 0;
  const finds = { count: 0 };
  const directory = {
    bucketSize: 100,
    list: async () => Array.from({ length: buckets }, (_, i) => bucketId(i)),
  } as unknown as ListBuckets;
  const model = fakeModel(docs, () => {
    finds.count += 1;
    now += opts.msPerFind ?? 0;
  });
  const lists = new ContactListReader(model, directory, {
    bucketReadBudgetMs: 100,
    clock: () => now,
  });
  return { lists, finds };
}

const query = (extra: Partial<ContactListQuery> = {}): ContactListQuery => ({
  tenantId: TENANT,
  pageSize: 3,
  ...extra,
});

describe('ContactListReader over list buckets', () => {
  it('fills a page from consecutive buckets and resumes inside the last one', async () => {
    const docs = [doc(1, 0), doc(2, 0), doc(3, 1), doc(4, 1), doc(5, 2)];
    const { lists } = reader(docs, 3);

    const first = await lists.list(query());
    const second = await lists.list(query({ after: first.next }));

    expect(first.contacts.map((c) => c.displayName)).toEqual(['C1', 'C2', 'C3']);
    expect(first.next).toEqual({ mode: 'buckets', bucket: bucketId(1), afterId: contactId(3) });
    expect(second.contacts.map((c) => c.displayName)).toEqual(['C4', 'C5']);
    expect(second.next).toBeUndefined();
  });

  it('reads more buckets at once while they hold too few matches', async () => {
    const docs = [doc(1, 14, 'organization')];
    const { lists, finds } = reader(docs, 15);

    const page = await lists.list(query({ kind: 'organization' }));

    expect(page.contacts.map((c) => c.displayName)).toEqual(['C1']);
    expect(page.next).toBeUndefined();
    expect(finds.count).toBe(15);
  });

  it('answers a short page at the time budget with a token for the first bucket not read', async () => {
    const docs = [doc(1, 0, 'organization'), doc(2, 9, 'organization')];
    const { lists } = reader(docs, 10, { msPerFind: 40 });

    const first = await lists.list(query({ kind: 'organization' }));
    const pages = [first];
    while (pages.at(-1)!.next && pages.length < 10) {
      pages.push(await lists.list(query({ kind: 'organization', after: pages.at(-1)!.next })));
    }

    // Waves of 1, then 2 buckets: 120 ms of finds passes the 100 ms budget after bucket 2.
    expect(first.contacts.map((c) => c.displayName)).toEqual(['C1']);
    expect(first.next).toEqual({ mode: 'buckets', bucket: bucketId(3) });
    expect(pages.flatMap((p) => p.contacts.map((c) => c.displayName))).toEqual(['C1', 'C2']);
    expect(pages.at(-1)!.next).toBeUndefined();
  });

  it('answers an empty page with no token for a tenant without buckets', async () => {
    const { lists } = reader([], 0);

    expect(await lists.list(query())).toEqual({ contacts: [] });
  });

  it('sorts what a tag matches when the sample finds it rare', async () => {
    const docs = [doc(1, 0), doc(2, 3, 'person', ['board']), doc(3, 9, 'person', ['board'])];
    const { lists } = reader(docs, 10);

    const page = await lists.list(query({ tag: 'board', pageSize: 1 }));

    expect(page.contacts.map((c) => c.displayName)).toEqual(['C2']);
    expect(page.next).toEqual({ mode: 'narrowed', afterId: contactId(2) });
  });

  it('reads a tag that most contacts carry bucket by bucket', async () => {
    const docs = Array.from({ length: 1000 }, (_, n) =>
      doc(n, Math.floor(n / 100), 'person', ['donor']),
    );
    const { lists, finds } = reader(docs, 10);

    const page = await lists.list(query({ tag: 'donor', pageSize: 2 }));

    expect(page.contacts.map((c) => c.displayName)).toEqual(['C0', 'C1']);
    expect(page.next).toEqual({ mode: 'buckets', bucket: bucketId(0), afterId: contactId(1) });
    // Three sampled buckets, then the first bucket's page.
    expect(finds.count).toBe(4);
  });
});
