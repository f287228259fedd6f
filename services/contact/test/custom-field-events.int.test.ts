import { readTopic, testInfra } from '@kith/testkit';
import {
  customFieldTestClient,
  type CustomFieldTestClient,
} from './support/custom-field-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

describe('custom field events', () => {
  let running: TestContactService;
  let client: CustomFieldTestClient;

  beforeAll(async () => {
    running = await startContactService('custom-field-events');
    client = customFieldTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('publishes defined (create, change) and archived keyed by the definition id', async () => {
    const tenant = newTenant();
    const ref = { recordType: 'household', key: 'pets' };
    await client.create(tenant, { ...ref, spec: { label: 'Pets', type: 'boolean' } });
    await client.update(tenant, {
      ...ref,
      expectedVersion: '1',
      spec: { label: 'Has pets' },
      updateMask: { paths: ['label'] },
    });
    await client.archive(tenant, { ...ref, expectedVersion: '2' });

    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 3,
    });

    const id = `${tenant}:household:pets`;
    expect(messages.map((m) => [m.key, m.headers.ce_type, m.headers.kithtenant])).toEqual([
      [id, 'kith.custom-field.defined.v1', tenant],
      [id, 'kith.custom-field.defined.v1', tenant],
      [id, 'kith.custom-field.archived.v1', tenant],
    ]);
    const bodies = messages.map((m) => JSON.parse(m.value?.toString() ?? '{}'));
    expect(bodies[0]).toMatchObject({ change: 'created', customField: { version: 1 } });
    expect(bodies[1]).toMatchObject({
      change: 'updated',
      changedFields: ['label'],
      customField: { label: 'Has pets', version: 2 },
    });
    expect(bodies[2]).toMatchObject({ customField: { archived: true, version: 3 } });
  });
});
