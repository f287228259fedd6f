// Prefix search over names, emails and phone numbers, combined with the other filters,
// against the real servers.
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

describe('contact search', () => {
  let running: TestContactService;
  let client: ContactTestClient;
  const tenant = newTenant();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    running = await startContactService('contact-search');
    client = contactTestClient(running.service.grpcPort);
    const people = {
      zoe: {
        person: { firstName: 'Zoë', lastName: "O'Brien" },
        emails: [{ address: 'zoe@example.org' }],
        phones: [{ number: '+1 (555) 010-2030' }],
        tags: ['donor'],
      },
      john: {
        person: { firstName: 'John', lastName: 'Obama' },
        emails: [{ address: 'jo@other.net' }],
        doNotContact: true,
        tags: ['donor'],
      },
      ann: {
        person: { firstName: 'Ann', lastName: 'Smith' },
        phones: [{ number: '020 7946 0958' }],
      },
    };
    for (const [key, fields] of Object.entries(people)) {
      ids[key] = (await client.create(tenant, { kind: 'CONTACT_KIND_PERSON', fields })).id;
    }
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  async function search(req: Record<string, unknown>): Promise<string[]> {
    const page = await client.list(tenant, { kind: 'CONTACT_KIND_PERSON', ...req });
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return page.contacts.map((c) => names[c.id] ?? c.id).sort();
  }

  it('finds by a name prefix regardless of accents, case and apostrophes', async () => {
    expect(await search({ search: 'zoe o' })).toEqual(['zoe']);
    expect(await search({ search: 'OB' })).toEqual(['john', 'zoe']);
  });

  it('finds by an email prefix and by phone digits typed any way', async () => {
    expect(await search({ search: 'jo@oth' })).toEqual(['john']);
    expect(await search({ search: '555 010' })).toEqual(['zoe']);
    expect(await search({ search: '(020) 7946' })).toEqual(['ann']);
  });

  it('combines search with tag and flag filters', async () => {
    expect(await search({ search: 'o', tag: 'donor' })).toEqual(['john', 'zoe']);
    expect(await search({ search: 'o', tag: 'donor', doNotContact: false })).toEqual(['zoe']);
    expect(await search({ doNotContact: true })).toEqual(['john']);
  });

  it('keeps tenants apart', async () => {
    const page = await client.list(newTenant(), { search: 'zoe' });

    expect(page.contacts).toEqual([]);
  });
});
