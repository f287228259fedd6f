// Import dedup by the tenant's matching rules against the real servers: the matcher's one
// projection scan and rules read run on FerretDB, and only live contacts of the tenant and
// the job's kind are candidates.
import type { contactV1 } from '@kith/contracts';
import {
  contactImportTestClient,
  type ContactImportTestClient,
} from './support/contact-import-test-client';
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './support/duplicate-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

const person = (fields: contactV1.ContactFields): contactV1.CreateContactRequest => ({
  kind: 'CONTACT_KIND_PERSON',
  fields,
});

describe('import dedup by the matching rules, against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let duplicates: DuplicateTestClient;
  let imports: ContactImportTestClient;

  beforeAll(async () => {
    running = await startContactService('import-matching');
    contacts = contactTestClient(running.service.grpcPort);
    duplicates = duplicateTestClient(running.service.grpcPort);
    imports = contactImportTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    contacts?.close();
    duplicates?.close();
    imports?.close();
    await running?.stop();
  });

  /** One skip job of people with these rows (row numbers from 1); the row outcomes. */
  async function importPeople(tenantId: string, rows: contactV1.ContactFields[]) {
    const outcomes = await imports.importPeople(
      tenantId,
      rows.map((fields, i) => ({ rowNumber: i + 1, fields })),
    );
    return outcomes.map((o) => ({ status: o.status, contactId: o.contactId }));
  }

  it("skips a row matching under the tenant's own rules, and only live people of the tenant", async () => {
    const tenant = newTenant();
    await duplicates.call('PutMatchingRules', tenant, {
      expectedVersion: '0',
      threshold: 5,
      rules: [{ name: 'same-phone', fields: ['phone'], weight: 5 }],
    });
    const ann = await contacts.create(
      tenant,
      person({
        person: { firstName: 'Ann', lastName: 'Lee' },
        emails: [{ address: 'ann@example.org', type: 'home' }],
        phones: [{ number: '+1 555 010 2030', type: 'home' }],
      }),
    );
    const gone = await contacts.create(
      tenant,
      person({
        person: { lastName: 'Gone' },
        phones: [{ number: '+1 555 010 9999', type: 'home' }],
      }),
    );
    await contacts.delete(tenant, gone.id, '1');
    await contacts.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: {
        organization: { name: 'Acme' },
        phones: [{ number: '+1 555 010 7777', type: 'work' }],
      },
    });

    const outcomes = await importPeople(tenant, [
      { person: { firstName: 'Bo' }, phones: [{ number: '(555) 010-2030', type: 'mobile' }] },
      { person: { firstName: 'Cy' }, emails: [{ address: 'ANN@example.org', type: 'home' }] },
      { person: { firstName: 'Di' }, phones: [{ number: '555 010 9999', type: 'home' }] },
      { person: { firstName: 'Ed' }, phones: [{ number: '555 010 7777', type: 'work' }] },
    ]);

    expect(outcomes.map((o) => o.status)).toEqual([
      'IMPORT_ROW_STATUS_SKIPPED',
      'IMPORT_ROW_STATUS_CREATED',
      'IMPORT_ROW_STATUS_CREATED',
      'IMPORT_ROW_STATUS_CREATED',
    ]);
    expect(outcomes[0]?.contactId).toBe(ann.id);
  });

  it('under the default rules, creates a row sharing only a phone and skips one that adds a last name and birth date', async () => {
    const tenant = newTenant();
    const ann = await contacts.create(
      tenant,
      person({
        person: { firstName: 'Ann', lastName: 'Lee' },
        phones: [{ number: '+1 555 010 2030', type: 'home' }],
        birthDate: '1980-02-01',
      }),
    );
    await contacts.create(
      newTenant(),
      person({
        person: { lastName: 'Other' },
        emails: [{ address: 'bo@example.org', type: 'home' }],
      }),
    );

    const outcomes = await importPeople(tenant, [
      { person: { firstName: 'Bo' }, phones: [{ number: '555 010 2030', type: 'home' }] },
      {
        person: { firstName: 'A.', lastName: 'LEE' },
        phones: [{ number: '555 010 2030', type: 'home' }],
        birthDate: '1980-02-01',
      },
      { person: { firstName: 'Bo' }, emails: [{ address: 'bo@example.org', type: 'home' }] },
    ]);

    expect(outcomes).toEqual([
      { status: 'IMPORT_ROW_STATUS_CREATED', contactId: expect.any(String) },
      { status: 'IMPORT_ROW_STATUS_SKIPPED', contactId: ann.id },
      { status: 'IMPORT_ROW_STATUS_CREATED', contactId: expect.any(String) },
    ]);
  });
});
