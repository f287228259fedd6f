import * as grpc from '@grpc/grpc-js';
import { readTopic, testInfra } from '@kith/testkit';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import { householdTestClient, type HouseholdTestClient } from './support/household-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

function person(firstName: string, lastName: string) {
  return { kind: 'CONTACT_KIND_PERSON' as const, fields: { person: { firstName, lastName } } };
}

describe('households over gRPC against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let households: HouseholdTestClient;

  beforeAll(async () => {
    running = await startContactService('household-grpc');
    contacts = contactTestClient(running.service.grpcPort);
    households = householdTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    contacts?.close();
    households?.close();
    await running?.stop();
  });

  it('names a household from its adults, keeps one household per person, and keeps history', async () => {
    const tenant = newTenant();
    const jane = await contacts.create(tenant, person('Jane', 'Smith'));
    const john = await contacts.create(tenant, person('John', 'Smith'));

    const created = await households.call('CreateHousehold', tenant, {
      mailingAddress: { line1: '1 Main St', city: 'Springfield', countryCode: 'US' },
    });
    await households.call('AddHouseholdMember', tenant, {
      householdId: created.id,
      expectedVersion: '1',
      contactId: jane.id,
      role: 'adult',
      inheritsAddress: true,
    });
    const both = await households.call('AddHouseholdMember', tenant, {
      householdId: created.id,
      expectedVersion: '2',
      contactId: john.id,
    });

    expect(both).toMatchObject({
      version: '3',
      name: 'Jane and John Smith',
      greeting: 'Jane and John',
      mailingAddress: { line1: '1 Main St', countryCode: 'US' },
    });
    expect(
      await households.call('GetContactHousehold', tenant, { contactId: john.id }),
    ).toMatchObject({ id: created.id });

    const other = await households.call('CreateHousehold', tenant, {});
    const taken = await failureOf(
      households.call('AddHouseholdMember', tenant, {
        householdId: other.id,
        expectedVersion: '1',
        contactId: jane.id,
      }),
    );
    expect(taken.code).toBe(grpc.status.ALREADY_EXISTS);

    const after = await households.call('RemoveHouseholdMember', tenant, {
      householdId: created.id,
      expectedVersion: '3',
      contactId: john.id,
    });
    expect(after).toMatchObject({ version: '4', name: 'Jane Smith', greeting: 'Jane' });
    expect(after.members.map((m) => [m.contactId, m.leftAt !== ''])).toEqual([
      [jane.id, false],
      [john.id, true],
    ]);
    const gone = await failureOf(
      households.call('GetContactHousehold', tenant, { contactId: john.id }),
    );
    expect(gone.code).toBe(grpc.status.NOT_FOUND);
    // John left, so the other household may take him now.
    const moved = await households.call('AddHouseholdMember', tenant, {
      householdId: other.id,
      expectedVersion: '1',
      contactId: john.id,
    });
    expect(moved.name).toBe('John Smith');

    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 8,
      // Members inheriting the mailing address get contact updates on the same topic too.
      until: (read) => read.filter((m) => m.key === created.id).length >= 4,
    });
    const ofCreated = messages.filter((m) => m.key === created.id);
    expect(ofCreated.map((m) => m.headers.ce_type)).toEqual([
      'kith.household.created.v1',
      'kith.household.updated.v1',
      'kith.household.updated.v1',
      'kith.household.updated.v1',
    ]);
    const left = JSON.parse(ofCreated[3]?.value?.toString() ?? '{}');
    expect(left).toMatchObject({
      memberChanges: [{ contactId: john.id, change: 'left' }],
      household: { name: 'Jane Smith', version: 4 },
    });
    expect(left.household.members[1].leftAt).toEqual(expect.any(String));
  });

  it('refuses an organization and hides another tenant’s household', async () => {
    const tenant = newTenant();
    const org = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: { organization: { name: 'Acme' } },
    });
    const household = await households.call('CreateHousehold', tenant, {});

    const refused = await failureOf(
      households.call('AddHouseholdMember', tenant, {
        householdId: household.id,
        expectedVersion: '1',
        contactId: org.id,
      }),
    );
    const foreign = await failureOf(
      households.call('GetHousehold', newTenant(), { id: household.id }),
    );

    expect(refused).toEqual({ code: grpc.status.FAILED_PRECONDITION, fields: ['contactId'] });
    expect(foreign.code).toBe(grpc.status.NOT_FOUND);
  });

  it('refreshes the names when a member is renamed, and lets a deleted member leave', async () => {
    const tenant = newTenant();
    const jane = await contacts.create(tenant, person('Jane', 'Smith'));
    const household = await households.call('CreateHousehold', tenant, {});
    await households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: '1',
      contactId: jane.id,
    });

    await contacts.update(tenant, {
      id: jane.id,
      expectedVersion: '1',
      fields: { person: { firstName: 'Janet', lastName: 'Smith' } },
      updateMask: { paths: ['person.first_name'] },
    });

    const deadline = Date.now() + 20_000;
    let current = await households.call('GetHousehold', tenant, { id: household.id });
    while (current.name !== 'Janet Smith' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await households.call('GetHousehold', tenant, { id: household.id });
    }
    expect(current).toMatchObject({ name: 'Janet Smith', greeting: 'Janet', version: '3' });

    await contacts.delete(tenant, jane.id, '2');
    while (current.members[0]?.leftAt === '' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await households.call('GetHousehold', tenant, { id: household.id });
    }
    expect(current).toMatchObject({ name: 'Unnamed Household', version: '4' });
    expect(current.members[0]?.leftAt).not.toBe('');
  });
});
