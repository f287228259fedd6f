import * as grpc from '@grpc/grpc-js';
import { failureOf } from './support/contact-test-client';
import {
  customFieldTestClient,
  type CustomFieldTestClient,
} from './support/custom-field-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

const level = {
  recordType: 'person',
  key: 'level',
  spec: {
    label: 'Membership level',
    type: 'single_select',
    options: [
      { value: 'silver', label: 'Silver' },
      { value: 'gold', label: 'Gold' },
    ],
  },
};

const score = {
  recordType: 'person',
  key: 'score',
  spec: { label: 'Score', type: 'number', validation: { min: 0, max: 100, integer: true } },
};

describe('custom field definitions over gRPC', () => {
  let running: TestContactService;
  let client: CustomFieldTestClient;

  beforeAll(async () => {
    running = await startContactService('custom-fields');
    client = customFieldTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('defines a field and reads it back at version 1 with its rules', async () => {
    const tenant = newTenant();

    const created = await client.create(tenant, score);
    const read = await client.get(tenant, 'person', 'score');

    expect(read).toEqual(created);
    expect(read).toMatchObject({
      id: `${tenant}:person:score`,
      version: '1',
      archived: false,
      spec: { type: 'number', validation: { min: 0, max: 100, integer: true } },
    });
    expect(read.spec?.validation?.minLength).toBeUndefined();
  });

  it('lists the definitions of one record type in key order, archived ones only on request', async () => {
    const tenant = newTenant();
    await client.create(tenant, score);
    await client.create(tenant, level);
    await client.create(tenant, { ...score, recordType: 'organization' });
    await client.archive(tenant, { recordType: 'person', key: 'score', expectedVersion: '1' });

    const live = await client.list(tenant, { recordType: 'person' });
    const all = await client.list(tenant, { recordType: 'person', includeArchived: true });
    const foreign = await client.list(newTenant(), { recordType: 'person' });

    expect(live.customFields.map((f) => f.key)).toEqual(['level']);
    expect(all.customFields.map((f) => f.key)).toEqual(['level', 'score']);
    expect(foreign.customFields).toEqual([]);
  });

  it('pages through definitions with the page token', async () => {
    const tenant = newTenant();
    for (const key of ['a1', 'a2', 'a3']) await client.create(tenant, { ...score, key });

    const first = await client.list(tenant, { recordType: 'person', pageSize: 2 });
    const second = await client.list(tenant, {
      recordType: 'person',
      pageSize: 2,
      pageToken: first.nextPageToken,
    });

    expect(first.customFields.map((f) => f.key)).toEqual(['a1', 'a2']);
    expect(second.customFields.map((f) => f.key)).toEqual(['a3']);
    expect(second.nextPageToken).toBe('');
  });

  it('changes the label, deactivates one option and adds another (unset active is true)', async () => {
    const tenant = newTenant();
    await client.create(tenant, level);

    const changed = await client.update(tenant, {
      recordType: 'person',
      key: 'level',
      expectedVersion: '1',
      spec: {
        label: 'Tier',
        options: [
          { value: 'silver', label: 'Silver', active: false },
          { value: 'gold', label: 'Gold' },
          { value: 'platinum', label: 'Platinum' },
        ],
      },
      updateMask: { paths: ['label', 'options'] },
    });

    expect(changed.version).toBe('2');
    expect(changed.spec?.label).toBe('Tier');
    expect(changed.spec?.options.map((o) => [o.value, o.active])).toEqual([
      ['silver', false],
      ['gold', true],
      ['platinum', true],
    ]);
  });

  it('refuses a type change with FAILED_PRECONDITION and a stale version with ABORTED', async () => {
    const tenant = newTenant();
    await client.create(tenant, level);
    const base = { recordType: 'person', key: 'level' };

    const typeChange = await failureOf(
      client.update(tenant, {
        ...base,
        expectedVersion: '1',
        spec: { type: 'text' },
        updateMask: { paths: ['type'] },
      }),
    );
    const stale = await failureOf(
      client.update(tenant, {
        ...base,
        expectedVersion: '7',
        spec: { label: 'x' },
        updateMask: { paths: ['label'] },
      }),
    );

    expect(typeChange.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(stale.code).toBe(grpc.status.ABORTED);
  });

  it('refuses a duplicate key with ALREADY_EXISTS and a bad key with INVALID_ARGUMENT', async () => {
    const tenant = newTenant();
    await client.create(tenant, level);

    const duplicate = await failureOf(client.create(tenant, level));
    const badKey = await failureOf(client.create(tenant, { ...level, key: 'a.b' }));

    expect(duplicate.code).toBe(grpc.status.ALREADY_EXISTS);
    expect(badKey).toEqual({ code: grpc.status.INVALID_ARGUMENT, fields: ['key'] });
  });

  it('answers NOT_FOUND for another tenant’s definition', async () => {
    const tenant = newTenant();
    await client.create(tenant, level);

    const foreign = await failureOf(client.get(newTenant(), 'person', 'level'));

    expect(foreign.code).toBe(grpc.status.NOT_FOUND);
  });

  it('archives a field: it still reads and refuses further changes', async () => {
    const tenant = newTenant();
    await client.create(tenant, level);

    const archived = await client.archive(tenant, {
      recordType: 'person',
      key: 'level',
      expectedVersion: '1',
    });
    const read = await client.get(tenant, 'person', 'level');
    const again = await failureOf(
      client.archive(tenant, { recordType: 'person', key: 'level', expectedVersion: '2' }),
    );

    expect(archived).toMatchObject({ archived: true, version: '2' });
    expect(read).toEqual(archived);
    expect(again.code).toBe(grpc.status.FAILED_PRECONDITION);
  });
});
