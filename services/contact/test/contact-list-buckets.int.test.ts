// Whole-tenant listings read list buckets (store/contact-list-buckets.ts): with buckets of
// two contacts, every listing here crosses many buckets, against the real servers.
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

const person = (lastName: string) => ({
  kind: 'CONTACT_KIND_PERSON' as const,
  fields: { person: { lastName } },
});

describe('whole-tenant listings over list buckets', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-list-buckets', { CONTACT_LIST_BUCKET_SIZE: '2' });
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  async function everyPage(
    tenant: string,
    req: Record<string, unknown>,
  ): Promise<{ ids: string[]; pages: number; largest: number }> {
    const ids: string[] = [];
    let pageToken = '';
    let pages = 0;
    let largest = 0;
    do {
      const page = await client.list(tenant, { ...req, pageToken });
      ids.push(...page.contacts.map((c) => c.id));
      largest = Math.max(largest, page.contacts.length);
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken && pages < 200);
    return { ids, pages, largest };
  }

  it('pages through contacts created one after another in creation order, across buckets', async () => {
    const tenant = newTenant();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await client.create(tenant, person(`P${i}`))).id);

    const { ids: seen, pages } = await everyPage(tenant, { pageSize: 3 });

    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it('lists each of a burst of concurrent creates exactly once', async () => {
    const tenant = newTenant();
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) => client.create(tenant, person(`Burst ${i}`))),
    );

    const { ids: seen } = await everyPage(tenant, { pageSize: 4 });

    expect([...seen].sort()).toEqual(created.map((c) => c.id).sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lists each contact once when two replicas create into the same tenant at once', async () => {
    const replica = await startContactService('contact-list-replica', {
      CONTACT_DB_NAME: running.dbName,
      KITH_TOPIC_PREFIX: running.prefix,
      CONTACT_LIST_BUCKET_SIZE: '2',
    });
    const replicaClient = contactTestClient(replica.service.grpcPort);
    try {
      const tenant = newTenant();
      const created = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (i % 2 === 0 ? client : replicaClient).create(tenant, person(`Replica ${i}`)),
        ),
      );

      const throughFirst = await everyPage(tenant, { pageSize: 5 });
      const replicaPage = await replicaClient.list(tenant, { pageSize: 200 });

      expect([...throughFirst.ids].sort()).toEqual(created.map((c) => c.id).sort());
      expect(new Set(throughFirst.ids).size).toBe(24);
      expect(replicaPage.contacts.map((c) => c.id)).toEqual(throughFirst.ids);
    } finally {
      replicaClient.close();
      await replica.service.stop();
    }
  });

  it('finds a rare kind among many buckets and leaves out deleted contacts', async () => {
    const tenant = newTenant();
    for (let i = 0; i < 9; i += 1) await client.create(tenant, person(`Many ${i}`));
    const org = await client.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: { organization: { name: 'Rare Org' } },
    });
    const gone = await client.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: { organization: { name: 'Gone Org' } },
    });
    await client.delete(tenant, gone.id, gone.version);

    const { ids } = await everyPage(tenant, { kind: 'CONTACT_KIND_ORGANIZATION', pageSize: 5 });

    expect(ids).toEqual([org.id]);
  });

  it('answers a short page with a token when its time budget runs out, and loses nothing', async () => {
    const hurried = await startContactService('contact-list-budget', {
      CONTACT_LIST_BUCKET_SIZE: '1',
      CONTACT_LIST_READ_BUDGET_MS: '10',
    });
    const hurriedClient = contactTestClient(hurried.service.grpcPort);
    try {
      const tenant = newTenant();
      for (let i = 0; i < 30; i += 1) await hurriedClient.create(tenant, person(`Filler ${i}`));
      const org = await hurriedClient.create(tenant, {
        kind: 'CONTACT_KIND_ORGANIZATION',
        fields: { organization: { name: 'Last Org' } },
      });

      const ids: string[] = [];
      let pageToken = '';
      let pages = 0;
      do {
        const page = await hurriedClient.list(tenant, {
          kind: 'CONTACT_KIND_ORGANIZATION',
          pageSize: 5,
          pageToken,
        });
        ids.push(...page.contacts.map((c) => c.id));
        pageToken = page.nextPageToken;
        pages += 1;
      } while (pageToken && pages < 100);

      expect(ids).toEqual([org.id]);
      expect(pageToken).toBe('');
    } finally {
      hurriedClient.close();
      await hurried.stop();
    }
  });
});
