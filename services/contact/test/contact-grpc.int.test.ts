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

describe('contact service over gRPC', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-grpc');
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('creates a person and reads it back normalized at version 1', async () => {
    const tenant = newTenant();

    const created = await client.create(tenant, jane);
    const read = await client.get(tenant, created.id);

    expect(read).toEqual(created);
    expect(read).toMatchObject({
      tenantId: tenant,
      kind: 'CONTACT_KIND_PERSON',
      version: '1',
      displayName: 'Jane Smith',
      deletedAt: '',
    });
    expect(read.fields?.emails).toEqual([
      expect.objectContaining({
        address: 'jane.smith@example.org',
        type: 'work',
        primary: true,
        valid: true,
      }),
    ]);
    expect(read.fields?.tags).toEqual(['donor']);
  });

  it('updates the masked fields with the expected version and bumps the version', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, jane);

    const updated = await client.update(tenant, {
      id: created.id,
      expectedVersion: created.version,
      fields: { person: { lastName: 'Jones' }, tags: ['ignored'] },
      updateMask: { paths: ['person.last_name'] },
    });

    expect(updated.version).toBe('2');
    expect(updated.fields?.person).toMatchObject({ firstName: 'Jane', lastName: 'Jones' });
    expect(updated.fields?.tags).toEqual(['donor']);
    expect(await client.get(tenant, created.id)).toEqual(updated);
  });

  it('refuses an update with a stale version as ABORTED', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, jane);
    await client.update(tenant, {
      id: created.id,
      expectedVersion: '1',
      fields: { tags: ['a'] },
      updateMask: { paths: ['tags'] },
    });

    const failure = await failureOf(
      client.update(tenant, {
        id: created.id,
        expectedVersion: '1',
        fields: { tags: ['b'] },
        updateMask: { paths: ['tags'] },
      }),
    );

    expect(failure.code).toBe(grpc.status.ABORTED);
    expect((await client.get(tenant, created.id)).fields?.tags).toEqual(['a']);
  });

  it('lets exactly one of several concurrent updates of one version win', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, jane);
    const tags = ['a', 'b', 'c', 'd', 'e'];

    const results = await Promise.allSettled(
      tags.map((tag) =>
        client.update(tenant, {
          id: created.id,
          expectedVersion: '1',
          fields: { tags: [tag] },
          updateMask: { paths: ['tags'] },
        }),
      ),
    );

    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = await Promise.all(
      results
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map((r) => failureOf(Promise.reject(r.reason))),
    );
    expect(winners).toHaveLength(1);
    expect(losers.map((f) => f.code)).toEqual([
      grpc.status.ABORTED,
      grpc.status.ABORTED,
      grpc.status.ABORTED,
      grpc.status.ABORTED,
    ]);
    const stored = await client.get(tenant, created.id);
    expect(stored.version).toBe('2');
    expect(stored).toEqual((winners[0] as PromiseFulfilledResult<typeof stored>).value);
  });

  it('refuses an unknown update-mask path as INVALID_ARGUMENT', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, jane);

    const failure = await failureOf(
      client.update(tenant, {
        id: created.id,
        expectedVersion: '1',
        updateMask: { paths: ['nickname'] },
      }),
    );

    expect(failure).toEqual({ code: grpc.status.INVALID_ARGUMENT, fields: ['updateMask'] });
  });

  it('answers INVALID_ARGUMENT with every field error for an invalid contact', async () => {
    const failure = await failureOf(
      client.create(newTenant(), {
        kind: 'CONTACT_KIND_PERSON',
        fields: { emails: [{ address: 'not-an-email' }], phones: [{ number: 'call me' }] },
      }),
    );

    expect(failure).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      fields: ['person', 'emails[0].address', 'phones[0].number'],
    });
  });

  it('answers INVALID_ARGUMENT for a name with NUL, a made-up country and a future birth date', async () => {
    const failure = await failureOf(
      client.create(newTenant(), {
        kind: 'CONTACT_KIND_PERSON',
        fields: {
          person: { firstName: 'Ja\u0000ne', lastName: 'Smith' },
          birthDate: '2999-01-01',
          addresses: [{ line1: '1 Main St', countryCode: 'JJ' }],
        },
      }),
    );

    expect(failure).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      fields: ['person.firstName', 'addresses[0].countryCode', 'birthDate'],
    });
  });

  it('soft-deletes with the expected version, then the contact no longer reads or lists', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, jane);

    const deleted = await client.delete(tenant, created.id, '1');

    expect(deleted.version).toBe('2');
    expect(deleted.deletedAt).not.toBe('');
    expect((await failureOf(client.get(tenant, created.id))).code).toBe(grpc.status.NOT_FOUND);
    expect((await client.list(tenant, {})).contacts).toEqual([]);
    expect((await failureOf(client.delete(tenant, created.id, '2'))).code).toBe(
      grpc.status.FAILED_PRECONDITION,
    );
  });

  it('refuses a delete with a stale version as ABORTED', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, jane);

    const failure = await failureOf(client.delete(tenant, created.id, '5'));

    expect(failure.code).toBe(grpc.status.ABORTED);
  });

  it('answers NOT_FOUND for another tenant’s contact on every call', async () => {
    const owner = newTenant();
    const stranger = newTenant();
    const created = await client.create(owner, jane);
    const update = { id: created.id, expectedVersion: '1', updateMask: { paths: ['tags'] } };

    const failures = await Promise.all([
      failureOf(client.get(stranger, created.id)),
      failureOf(client.update(stranger, update)),
      failureOf(client.delete(stranger, created.id, '1')),
    ]);

    expect(failures.map((f) => f.code)).toEqual([
      grpc.status.NOT_FOUND,
      grpc.status.NOT_FOUND,
      grpc.status.NOT_FOUND,
    ]);
    expect((await client.list(stranger, {})).contacts).toEqual([]);
    expect((await client.get(owner, created.id)).version).toBe('1');
  });
});
