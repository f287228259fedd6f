// Duplicate finding and matching rules against the real servers (FerretDB runs every query
// here as a scan, so these also prove the `$or`, `$regex` and `$and` filters work there).
import * as grpc from '@grpc/grpc-js';
import type { duplicateV1 } from '@kith/contracts';
import { readTopic, testInfra } from '@kith/testkit';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './support/duplicate-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

function person(first: string, last: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'CONTACT_KIND_PERSON' as const,
    fields: { person: { firstName: first, lastName: last }, ...extra },
  };
}

describe('duplicates over gRPC against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let duplicates: DuplicateTestClient;

  beforeAll(async () => {
    running = await startContactService('duplicates');
    contacts = contactTestClient(running.service.grpcPort);
    duplicates = duplicateTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    contacts?.close();
    duplicates?.close();
    await running?.stop();
  });

  it("finds a contact's duplicates by email, phone plus name and postal code, best first", async () => {
    const tenant = newTenant();
    const address = { line1: '1 Main St', postalCode: 'sw1a 1aa', countryCode: 'GB', type: 'home' };
    const jane = await contacts.create(
      tenant,
      person('Jane', 'Smith', {
        emails: [{ address: 'jane@example.org', type: 'home' }],
        phones: [{ number: '+44 20 7946 0018', type: 'mobile' }],
        addresses: [address],
      }),
    );
    const sameEmail = await contacts.create(
      tenant,
      person('J.', 'Smith', { emails: [{ address: 'JANE@example.org', type: 'work' }] }),
    );
    const samePhoneAndPlace = await contacts.create(
      tenant,
      person('Jane', 'Smith', {
        phones: [{ number: '020 7946 0018', type: 'home' }],
        addresses: [{ ...address, line1: '1 Main Street' }],
      }),
    );
    await contacts.create(
      tenant,
      person('Bob', 'Jones', { emails: [{ address: 'bob@example.org', type: 'home' }] }),
    );
    await contacts.create(
      newTenant(),
      person('Jane', 'Smith', { emails: [{ address: 'jane@example.org', type: 'home' }] }),
    );

    const found = await duplicates.duplicatesOf(tenant, jane.id);

    expect(found.map((d) => [d.contact?.id, d.score, d.matchedRules])).toEqual([
      [samePhoneAndPlace.id, 14, ['same-phone', 'same-name-and-postal-code']],
      [sameEmail.id, 10, ['same-email']],
    ]);
  });

  it('scans the tenant for duplicate pairs and pages through them', async () => {
    const tenant = newTenant();
    const made = [];
    for (const address of ['a@x.org', 'a@x.org', 'b@x.org', 'b@x.org', 'c@x.org']) {
      made.push(
        await contacts.create(
          tenant,
          person('Ann', 'Lee', { emails: [{ address, type: 'home' }] }),
        ),
      );
    }

    const first = await duplicates.call<duplicateV1.ScanDuplicatesResponse__Output>(
      'ScanDuplicates',
      tenant,
      { pageSize: 1 },
    );
    const second = await duplicates.call<duplicateV1.ScanDuplicatesResponse__Output>(
      'ScanDuplicates',
      tenant,
      {
        pageSize: 1,
        pageToken: first.nextPageToken,
      },
    );

    expect(first).toMatchObject({ scannedContacts: 5, truncated: false });
    const pairs = [...first.pairs, ...second.pairs].map((p) => [p.a?.id, p.b?.id]);
    expect(pairs).toEqual([
      [made[0]?.id, made[1]?.id],
      [made[2]?.id, made[3]?.id],
    ]);
    expect(second.nextPageToken).toBe('');
  });

  it('answers NOT_FOUND for the duplicates of a contact of another tenant', async () => {
    const other = await contacts.create(newTenant(), person('Ann', 'Lee'));

    const failure = await failureOf(duplicates.duplicatesOf(newTenant(), other.id));

    expect(failure.code).toBe(grpc.status.NOT_FOUND);
  });

  it('stores tenant rules with versions, applies them, and publishes the change', async () => {
    const tenant = newTenant();
    const defaults = await duplicates.call<duplicateV1.GetMatchingRulesResponse__Output>(
      'GetMatchingRules',
      tenant,
      {},
    );
    const phoneOnly = {
      threshold: 5,
      rules: [{ name: 'same-phone', fields: ['phone'], weight: 5 }],
    };

    const put = await duplicates.call<duplicateV1.PutMatchingRulesResponse__Output>(
      'PutMatchingRules',
      tenant,
      { expectedVersion: '0', ...phoneOnly },
    );
    const stale = await failureOf(
      duplicates.call('PutMatchingRules', tenant, { expectedVersion: '0', ...phoneOnly }),
    );
    const a = await contacts.create(
      tenant,
      person('Ann', 'Lee', { phones: [{ number: '555 010 2030', type: 'home' }] }),
    );
    const b = await contacts.create(
      tenant,
      person('Bo', 'Ray', { phones: [{ number: '+1 555 010 2030', type: 'home' }] }),
    );

    expect(defaults.matchingRules).toMatchObject({ version: '0', isDefault: true, threshold: 10 });
    expect(put.matchingRules).toMatchObject({ version: '1', isDefault: false, threshold: 5 });
    expect(stale.code).toBe(grpc.status.ABORTED);
    expect((await duplicates.duplicatesOf(tenant, a.id)).map((d) => d.contact?.id)).toEqual([b.id]);
    const isChange = (m: { key: string | null; headers: Record<string, string> }) =>
      m.headers.ce_type === 'kith.matching-rules.changed.v1' && m.key === tenant;
    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 1,
      until: (read) => read.some(isChange),
    });
    const changed = messages.find(isChange);
    expect(JSON.parse(changed?.value?.toString() ?? '{}')).toMatchObject({
      matchingRules: { version: 1, threshold: 5 },
    });
  });

  it('refuses an invalid rule set naming the field', async () => {
    const failure = await failureOf(
      duplicates.call('PutMatchingRules', newTenant(), {
        expectedVersion: '0',
        threshold: 5,
        rules: [{ name: 'x', fields: ['shoeSize'], weight: 5 }],
      }),
    );

    expect(failure).toEqual({ code: grpc.status.INVALID_ARGUMENT, fields: ['rules[0].fields'] });
  });
});
