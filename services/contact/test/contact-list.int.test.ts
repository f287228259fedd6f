import * as grpc from '@grpc/grpc-js';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import {
  jane,
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

describe('listing contacts over gRPC', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-list');
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('pages through a tenant’s contacts in creation order without gaps or repeats', async () => {
    const tenant = newTenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const contact = await client.create(tenant, {
        kind: 'CONTACT_KIND_PERSON',
        fields: { person: { lastName: `Person ${i}` } },
      });
      ids.push(contact.id);
    }

    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await client.list(tenant, { pageSize: 2, pageToken });
      seen.push(...page.contacts.map((c) => c.id));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken && pages < 10);

    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it('filters by name prefix ignoring case and accents', async () => {
    const tenant = newTenant();
    const zoe = await client.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Zoë', lastName: 'Ångström' } },
    });
    const acme = await client.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: { organization: { name: 'Zoetrope Films' } },
    });
    await client.create(tenant, jane);

    const byFirst = await client.list(tenant, { namePrefix: 'ZOE' });
    const byLast = await client.list(tenant, { namePrefix: 'angst' });
    const byDisplay = await client.list(tenant, { namePrefix: 'zoe ang' });

    expect(byFirst.contacts.map((c) => c.id)).toEqual([zoe.id, acme.id]);
    expect(byLast.contacts.map((c) => c.id)).toEqual([zoe.id]);
    expect(byDisplay.contacts.map((c) => c.id)).toEqual([zoe.id]);
  });

  it('filters by exact email, by tag and by kind', async () => {
    const tenant = newTenant();
    const person = await client.create(tenant, jane);
    const org = await client.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: {
        organization: { name: 'Acme' },
        tags: ['vip'],
        emails: [{ address: 'info@acme.example' }],
      },
    });

    const byEmail = await client.list(tenant, { email: 'JANE.SMITH@example.ORG' });
    const byPartialEmail = await client.list(tenant, { email: 'jane' });
    const byTag = await client.list(tenant, { tag: 'VIP' });
    const byKind = await client.list(tenant, { kind: 'CONTACT_KIND_ORGANIZATION' });

    expect(byEmail.contacts.map((c) => c.id)).toEqual([person.id]);
    expect(byPartialEmail.contacts).toEqual([]);
    expect(byTag.contacts.map((c) => c.id)).toEqual([org.id]);
    expect(byKind.contacts.map((c) => c.id)).toEqual([org.id]);
  });

  it('refuses a page token it did not issue as INVALID_ARGUMENT', async () => {
    const failure = await failureOf(client.list(newTenant(), { pageToken: 'forged' }));

    expect(failure).toEqual({ code: grpc.status.INVALID_ARGUMENT, fields: ['pageToken'] });
  });
});
