import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { readTopic, testInfra } from '@kith/testkit';
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import {
  jane,
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

describe('contact events', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-events');
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('publishes created, updated and deleted keyed by the contact id in the request’s trace', async () => {
    const tenant = newTenant();
    const traceId = randomUUID().replace(/-/g, '');
    const metadata = new grpc.Metadata();
    metadata.set('x-tenant-id', tenant);
    metadata.set('traceparent', `00-${traceId}-${'1'.repeat(16)}-01`);
    const created = await client.createWithMetadata(jane, metadata);
    await client.update(tenant, {
      id: created.id,
      expectedVersion: '1',
      fields: { tags: ['donor', 'vip'] },
      updateMask: { paths: ['tags'] },
    });
    await client.delete(tenant, created.id, '2');

    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 3,
    });

    expect(messages.map((m) => m.key)).toEqual([created.id, created.id, created.id]);
    expect(messages.map((m) => m.headers.ce_type)).toEqual([
      'kith.contact.created.v1',
      'kith.contact.updated.v1',
      'kith.contact.deleted.v1',
    ]);
    expect(messages.map((m) => m.headers.kithtenant)).toEqual([tenant, tenant, tenant]);
    expect(messages[0]?.headers.traceparent).toContain(`00-${traceId}-`);
    const updated = JSON.parse(messages[1]?.value?.toString() ?? '{}');
    expect(updated).toMatchObject({ changedFields: ['tags'], contact: { version: 2 } });
    const deleted = JSON.parse(messages[2]?.value?.toString() ?? '{}');
    expect(deleted.contact.deletedAt).toEqual(expect.any(String));
  });
});
