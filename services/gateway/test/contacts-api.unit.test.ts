import request from 'supertest';
import { ORGANIZATION, PERSON, bearer, buildTestApp } from './support/test-app';

describe('people and organizations over REST', () => {
  it('creates a person with 201, a Location, an ETag and the camelCase shape', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer({ sub: 'user-9' }))
      .send({ ...PERSON, emails: [{ address: 'ada@example.org', type: 'work', primary: true }] });

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/contacts/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(String),
      kind: 'person',
      version: 1,
      name: {
        prefix: null,
        firstName: 'Ada',
        middleName: null,
        lastName: 'Lovelace',
        suffix: null,
        preferredName: null,
      },
      birthDate: null,
      gender: null,
      pronouns: null,
      deceased: false,
      deceasedDate: null,
      householdAddress: null,
      displayName: 'Ada Lovelace',
      emails: [{ address: 'ada@example.org', type: 'work', primary: true, valid: true }],
      phones: [],
      addresses: [],
      doNotContact: false,
      customFields: {},
      communication: { email: null, sms: null, phone: null, mail: null },
      reachability: expect.objectContaining({ email: expect.any(Object) }),
      tags: [],
      source: null,
      ownerId: 'user-9',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletedAt: null,
    });
  });

  it('creates an organization and reads it back with its ETag', async () => {
    const { app } = buildTestApp();
    const created = await request(app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .send({ ...ORGANIZATION, website: 'https://engines.example' });

    const res = await request(app)
      .get(`/v1/organizations/${created.body.id}`)
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      kind: 'organization',
      name: 'Analytical Engines Ltd',
      organizationType: 'company',
      website: 'https://engines.example',
    });
  });

  it('answers 404 for a person read through /v1/organizations and the reverse', async () => {
    const { app } = buildTestApp();
    const person = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);
    const org = await request(app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .send(ORGANIZATION);

    const asOrg = await request(app)
      .get(`/v1/organizations/${person.body.id}`)
      .set('Authorization', bearer());
    const asPerson = await request(app)
      .get(`/v1/contacts/${org.body.id}`)
      .set('Authorization', bearer());

    expect(asOrg.status).toBe(404);
    expect(asPerson.status).toBe(404);
  });

  it('refuses to delete a person through /v1/organizations', async () => {
    const { app, contacts } = buildTestApp();
    const person = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);

    const res = await request(app)
      .delete(`/v1/organizations/${person.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"');

    // No read first: the delete names the kind it expects and the service refuses it.
    const still = await request(app)
      .get(`/v1/contacts/${person.body.id}`)
      .set('Authorization', bearer());
    expect(res.status).toBe(404);
    expect(contacts.calls.find((c) => c.method === 'DeleteContact')?.request).toMatchObject({
      expectedKind: 'CONTACT_KIND_ORGANIZATION',
    });
    expect(still.status).toBe(200);
    expect(still.body.deletedAt).toBeNull();
  });

  it('patches through one upstream call that names the kind, and refuses the other kind', async () => {
    const { app, contacts } = buildTestApp();
    const person = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);

    const wrongKind = await request(app)
      .patch(`/v1/organizations/${person.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ tags: ['board'] });
    const patched = await request(app)
      .patch(`/v1/contacts/${person.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ tags: ['board'] });

    expect(wrongKind.status).toBe(404);
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(2);
    expect(contacts.calls.map((c) => c.method)).toEqual([
      'CreateContact',
      'UpdateContact',
      'UpdateContact',
    ]);
    expect(
      contacts.calls.map((c) => (c.request as { expectedKind?: string }).expectedKind),
    ).toEqual([undefined, 'CONTACT_KIND_ORGANIZATION', 'CONTACT_KIND_PERSON']);
  });

  it("hides another tenant's record behind a 404", async () => {
    const { app } = buildTestApp();
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer({ tenant: 'tenant-a' }))
      .send(PERSON);

    const res = await request(app)
      .get(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('patches only the fields sent and bumps the version', async () => {
    const { app, contacts } = buildTestApp();
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send({ ...PERSON, tags: ['donor'] });

    const res = await request(app)
      .patch(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ name: { firstName: 'Augusta', lastName: null } });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.name).toMatchObject({ firstName: 'Augusta', lastName: null });
    expect(res.body.tags).toEqual(['donor']);
    const update = contacts.calls.find((c) => c.method === 'UpdateContact');
    expect(update?.request).toMatchObject({
      expectedVersion: '1',
      updateMask: { paths: ['person.first_name', 'person.last_name'] },
    });
  });

  it('deletes with 200 and the deleted record, after which it reads as 404', async () => {
    const { app } = buildTestApp();
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);

    const deleted = await request(app)
      .delete(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"');
    const read = await request(app)
      .get(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer());

    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
    expect(read.status).toBe(404);
  });

  it('pages through a list with nextCursor until it is null', async () => {
    const { app } = buildTestApp();
    for (let i = 0; i < 5; i++) {
      await request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .send({ name: { firstName: `P${i}` } });
    }
    await request(app).post('/v1/organizations').set('Authorization', bearer()).send(ORGANIZATION);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await request(app)
        .get('/v1/contacts')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', bearer());
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { name: { firstName: string } }) => p.name.firstName));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);

    expect(seen).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    expect(pages).toBe(3);
  });

  it('passes filters, page size, tenant, user, roles and trace headers to the service', async () => {
    const { app, contacts } = buildTestApp();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    await request(app)
      .get('/v1/organizations?limit=7&namePrefix=ana&tag=vip&email=x@example.org')
      .set('Authorization', bearer({ tenant: 'tenant-z', sub: 'user-z', roles: ['analyst'] }))
      .set('X-Tenant-Id', 'tenant-evil')
      .set('traceparent', traceparent);

    expect(contacts.calls[0]).toEqual({
      method: 'ListContacts',
      request: {
        kind: 'CONTACT_KIND_ORGANIZATION',
        pageSize: 7,
        pageToken: '',
        namePrefix: 'ana',
        email: 'x@example.org',
        tag: 'vip',
        customFieldFilters: {},
        search: '',
      },
      ctx: expect.objectContaining({
        tenantId: 'tenant-z',
        userId: 'user-z',
        roles: ['analyst'],
        traceparent,
      }),
    });
  });

  it('marks API responses as not cacheable, since they carry personal data', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/v1/contacts').set('Authorization', bearer());

    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('passes an Idempotency-Key to the service only on POST, where it is validated', async () => {
    const { app, contacts } = buildTestApp();
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'k-post')
      .send(PERSON);

    await request(app)
      .patch(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .set('Idempotency-Key', 'ignored-here')
      .send({ tags: ['x'] });

    expect(contacts.calls.map((c) => c.ctx.idempotencyKey)).toEqual([
      'k-post',
      undefined,
      undefined,
    ]);
  });

  it('refuses a cursor replayed with different filters', async () => {
    const { app } = buildTestApp();
    for (let i = 0; i < 3; i++) {
      await request(app).post('/v1/contacts').set('Authorization', bearer()).send(PERSON);
    }
    const first = await request(app).get('/v1/contacts?limit=1').set('Authorization', bearer());

    const res = await request(app)
      .get('/v1/contacts')
      .query({ limit: 1, cursor: first.body.nextCursor, tag: 'other' })
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', in: 'query' })]);
  });
});
