// Contacts as the interaction service learns them in tests: a ContactEventFeed publishing
// kith.contact.v1 events to real Kafka, and a wait until the service's projection has them.
import { randomBytes } from 'node:crypto';
import { ContactLifecycle } from '@kith/contact-lifecycle';
import { ContactEventFeed, testInfra, waitFor, type PersonValues } from '@kith/testkit';
import type { TestInteractionService } from './start-interaction-service';

export interface TestContacts {
  feed: ContactEventFeed;
  person(
    tenant: string,
    values?: Partial<PersonValues>,
  ): Promise<{ id: string; values: PersonValues }>;
  /** Publishes the merge and waits until the service's projection says so. */
  merge(tenant: string, survivorId: string, victimId: string): Promise<void>;
  erase(tenant: string, contactId: string): Promise<void>;
  close(): Promise<void>;
}

export async function testContacts(running: TestInteractionService): Promise<TestContacts> {
  const feed = new ContactEventFeed(testInfra().kafkaBrokers, running.prefix);
  await feed.connect();
  const projection = new ContactLifecycle(running.db).store;
  const settled = (tenant: string, id: string, status: string) =>
    waitFor(async () => (await projection.latest(tenant, id))?.status === status, {
      what: `contact ${id} ${status}`,
    });
  return {
    feed,
    async person(tenant, values = {}) {
      const tag = randomBytes(4).toString('hex');
      const full = {
        firstName: `Ada${tag}`,
        lastName: `Lovelace${tag}`,
        email: `ada.${tag}@example.org`,
        ...values,
      };
      const id = await feed.createPerson(tenant, full);
      await settled(tenant, id, 'active');
      return { id, values: full };
    },
    async merge(tenant, survivorId, victimId) {
      await feed.publish(feed.prepareMerge(tenant, survivorId, victimId));
      await settled(tenant, victimId, 'merged');
    },
    async erase(tenant, contactId) {
      await feed.publish(feed.prepareErase(tenant, contactId));
      await settled(tenant, contactId, 'erased');
    },
    close: () => feed.close(),
  };
}

/** A test file's service and contact feed, started before its tests and stopped after them. */
export interface TestBed {
  running: TestInteractionService;
  contacts: TestContacts;
}

export function useTestBed(start: () => Promise<TestInteractionService>): TestBed {
  const bed = {} as TestBed;
  beforeAll(async () => {
    bed.running = await start();
    bed.contacts = await testContacts(bed.running);
  });
  afterAll(async () => {
    await bed.contacts?.close();
    await bed.running?.stop();
  });
  return bed;
}
