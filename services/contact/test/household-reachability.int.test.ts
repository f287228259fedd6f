// Mail reachability through an inherited household address, against the real servers: the
// household changes over gRPC, the contact service's own consumer copies the address to the
// member, and the member's kith.contact.updated.v1 tells the marketing side.
import { readTopic, testInfra, waitFor, type ReadMessage } from '@kith/testkit';
import type { contactV1 } from '@kith/contracts';
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import { householdTestClient, type HouseholdTestClient } from './support/household-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

const HOME = { line1: '1 Main St', city: 'Springfield', countryCode: 'US' };

interface UpdatedData {
  contact: {
    id: string;
    version: number;
    householdAddress?: { householdId: string; address: { line1: string; valid: boolean } };
    reachability: { mail: { suppressed: boolean; reasons: string[] } };
  };
  changedFields: string[];
}

function mailOf(contact: contactV1.Contact__Output) {
  const mail = contact.reachability.find((r) => r.channel === 'mail');
  return { suppressed: mail?.suppressed, reasons: mail?.reasons };
}

describe('mail reachability through an inherited household address', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let households: HouseholdTestClient;

  beforeAll(async () => {
    running = await startContactService('household-reachability');
    contacts = contactTestClient(running.service.grpcPort);
    households = householdTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    contacts?.close();
    households?.close();
    await running?.stop();
  });

  /** The updated events of the contact that name householdAddress, once `until` holds. */
  async function householdAddressEvents(
    contactId: string,
    until: (events: UpdatedData[]) => boolean,
  ): Promise<UpdatedData[]> {
    const mine = (messages: ReadMessage[]): UpdatedData[] =>
      messages
        .filter((m) => m.key === contactId && m.headers.ce_type === 'kith.contact.updated.v1')
        .map((m) => JSON.parse(m.value?.toString() ?? '{}') as UpdatedData)
        .filter((data) => data.changedFields.includes('householdAddress'));
    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 1,
      until: (read) => until(mine(read)),
    });
    return mine(messages);
  }

  async function mailOnceSettled(tenant: string, contactId: string, suppressed: boolean) {
    return waitFor(
      async () => {
        const contact = await contacts.get(tenant, contactId);
        return mailOf(contact).suppressed === suppressed ? contact : undefined;
      },
      { timeoutMs: 20_000, what: `mail ${suppressed ? 'suppressed' : 'reachable'}` },
    );
  }

  /** Jane, with no address of her own, joins a household at 1 Main St and inherits it. */
  async function givenJaneInheritingAnAddress(tenant: string) {
    const jane = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Jane', lastName: 'Smith' } },
    });
    const household = await households.call('CreateHousehold', tenant, { mailingAddress: HOME });
    const joined = await households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: '1',
      contactId: jane.id,
      inheritsAddress: true,
    });
    return { jane, household: joined };
  }

  it('opens mail for a member without an address of their own, and publishes it', async () => {
    const tenant = newTenant();

    const { jane, household } = await givenJaneInheritingAnAddress(tenant);

    expect(mailOf(jane)).toEqual({ suppressed: true, reasons: ['no-valid-address'] });
    const read = await mailOnceSettled(tenant, jane.id, false);
    expect(mailOf(read)).toEqual({ suppressed: false, reasons: [] });
    expect(read.version).toBe('2');
    expect(read.householdAddress).toMatchObject({
      householdId: household.id,
      address: { line1: '1 Main St' },
    });
    const [event] = await householdAddressEvents(jane.id, (events) => events.length >= 1);
    expect(event?.contact).toMatchObject({
      version: 2,
      householdAddress: { householdId: household.id, address: { line1: '1 Main St' } },
      reachability: { mail: { suppressed: false, reasons: [] } },
    });
  });

  it('suppresses mail with no-valid-address once the household address is marked invalid, and publishes it', async () => {
    const tenant = newTenant();
    const { jane, household } = await givenJaneInheritingAnAddress(tenant);
    await mailOnceSettled(tenant, jane.id, false);

    await households.call('UpdateHousehold', tenant, {
      id: household.id,
      expectedVersion: household.version,
      mailingAddress: { ...HOME, valid: false },
      updateMask: { paths: ['mailing_address'] },
    });

    const read = await mailOnceSettled(tenant, jane.id, true);
    expect(mailOf(read)).toEqual({ suppressed: true, reasons: ['no-valid-address'] });
    const events = await householdAddressEvents(jane.id, (found) => found.length >= 2);
    expect(events.map((e) => e.contact.reachability.mail)).toEqual([
      { status: 'unknown', suppressed: false, reasons: [] },
      { status: 'unknown', suppressed: true, reasons: ['no-valid-address'] },
    ]);
    expect(events[1]?.contact.householdAddress?.address.valid).toBe(false);
  });

  it('suppresses mail with no-valid-address once the household address is removed, and publishes it', async () => {
    const tenant = newTenant();
    const { jane, household } = await givenJaneInheritingAnAddress(tenant);
    await mailOnceSettled(tenant, jane.id, false);

    await households.call('UpdateHousehold', tenant, {
      id: household.id,
      expectedVersion: household.version,
      updateMask: { paths: ['mailing_address'] },
    });

    const read = await mailOnceSettled(tenant, jane.id, true);
    expect(mailOf(read)).toEqual({ suppressed: true, reasons: ['no-valid-address'] });
    const events = await householdAddressEvents(jane.id, (found) => found.length >= 2);
    expect(events[1]?.contact).not.toHaveProperty('householdAddress');
    expect(events[1]?.contact.reachability.mail.reasons).toEqual(['no-valid-address']);
  });

  it('suppresses mail again once the member leaves the household, and publishes it', async () => {
    const tenant = newTenant();
    const { jane, household } = await givenJaneInheritingAnAddress(tenant);
    await mailOnceSettled(tenant, jane.id, false);

    await households.call('RemoveHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: household.version,
      contactId: jane.id,
    });

    const read = await mailOnceSettled(tenant, jane.id, true);
    expect(mailOf(read)).toEqual({ suppressed: true, reasons: ['no-valid-address'] });
    const events = await householdAddressEvents(jane.id, (found) => found.length >= 2);
    expect(events[1]?.contact).not.toHaveProperty('householdAddress');
  });
});
