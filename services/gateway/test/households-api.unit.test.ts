import request from 'supertest';
import { bearer, buildTestApp } from './support/test-app';

const ADDRESS = { line1: '1 Main St', city: 'Springfield', countryCode: 'US' };

async function givenHousehold(app: ReturnType<typeof buildTestApp>['app'], body: object = {}) {
  const res = await request(app).post('/v1/households').set('Authorization', bearer()).send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('households over REST', () => {
  it('creates a household with 201, a Location, an ETag and the REST shape', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/households')
      .set('Authorization', bearer())
      .send({ mailingAddress: ADDRESS });

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/households/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      name: 'Unnamed Household',
      greeting: 'Friends',
      nameOverride: null,
      greetingOverride: null,
      mailingAddress: {
        type: 'home',
        primary: true,
        line1: '1 Main St',
        line2: null,
        city: 'Springfield',
        region: null,
        postalCode: null,
        countryCode: 'US',
        valid: true,
        validFrom: null,
        validTo: null,
      },
      members: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletedAt: null,
    });
  });

  it('creates a household from an empty POST', async () => {
    const { app } = buildTestApp();

    const res = await request(app).post('/v1/households').set('Authorization', bearer());

    expect(res.status).toBe(201);
  });

  it('refuses an address without line1 with 400 naming the field', async () => {
    const { app, households } = buildTestApp();

    const res = await request(app)
      .post('/v1/households')
      .set('Authorization', bearer())
      .send({ mailingAddress: { countryCode: 'US' } });

    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.errors).toEqual([
      { field: 'mailingAddress.line1', message: expect.any(String), in: 'body' },
    ]);
    expect(households.calls).toEqual([]);
  });

  it('adds a member with If-Match and answers the household with its new ETag', async () => {
    const { app, households } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .post(`/v1/households/${created.id}/members`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactId: 'c-jane' });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.members).toEqual([
      expect.objectContaining({ contactId: 'c-jane', role: 'adult', leftAt: null }),
    ]);
    expect(households.calls.at(-1)?.request).toEqual({
      householdId: created.id,
      expectedVersion: '1',
      contactId: 'c-jane',
      role: 'adult',
      inheritsAddress: true,
    });
  });

  it('answers 428 when a member is added without If-Match', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .post(`/v1/households/${created.id}/members`)
      .set('Authorization', bearer())
      .send({ contactId: 'c-jane' });

    expect(res.status).toBe(428);
  });

  it('answers 409 already-exists when the person is in another household', async () => {
    const { app } = buildTestApp();
    const first = await givenHousehold(app);
    const second = await givenHousehold(app);
    await request(app)
      .post(`/v1/households/${first.id}/members`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactId: 'c-jane' });

    const res = await request(app)
      .post(`/v1/households/${second.id}/members`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactId: 'c-jane' });

    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:kith:problem:already-exists');
  });

  it('answers 422 with the field when an organization is added', async () => {
    const { app, households } = buildTestApp();
    households.organizations.add('c-acme');
    const created = await givenHousehold(app);

    const res = await request(app)
      .post(`/v1/households/${created.id}/members`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactId: 'c-acme' });

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'contactId', message: 'only people can join a household', in: 'body' },
    ]);
  });

  it('refuses an unknown role with 400', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .post(`/v1/households/${created.id}/members`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactId: 'c-jane', role: 'lodger' });

    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('role');
  });

  it('removes a member, keeping them as history, and finds no household for them after', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);
    await request(app)
      .post(`/v1/households/${created.id}/members`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactId: 'c-jane' });
    const before = await request(app)
      .get('/v1/contacts/c-jane/household')
      .set('Authorization', bearer());

    const res = await request(app)
      .delete(`/v1/households/${created.id}/members/c-jane`)
      .set('Authorization', bearer())
      .set('If-Match', '"2"');
    const after = await request(app)
      .get('/v1/contacts/c-jane/household')
      .set('Authorization', bearer());

    expect(before.status).toBe(200);
    expect(before.body.id).toBe(created.id);
    expect(res.status).toBe(200);
    expect(res.body.members[0].leftAt).toEqual(expect.any(String));
    expect(after.status).toBe(404);
  });

  it('changes and clears an override with a merge patch', async () => {
    const { app, households } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .patch(`/v1/households/${created.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ nameOverride: 'The Smiths', mailingAddress: null });

    expect(res.status).toBe(200);
    expect(res.body.nameOverride).toBe('The Smiths');
    expect(households.calls.at(-1)?.request).toMatchObject({
      expectedVersion: '1',
      nameOverride: 'The Smiths',
      mailingAddress: null,
      updateMask: { paths: ['name_override', 'mailing_address'] },
    });
  });

  it('answers 409 version-conflict to a stale If-Match', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .patch(`/v1/households/${created.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"7"')
      .send({ greetingOverride: 'Dear friends' });

    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:kith:problem:version-conflict');
  });

  it('refuses an empty patch with 400', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .patch(`/v1/households/${created.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({});

    expect(res.status).toBe(400);
  });

  it('answers 404 for another tenant’s household', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);

    const res = await request(app)
      .get(`/v1/households/${created.id}`)
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
  });

  it('deletes with If-Match for managers and refuses fundraisers with 403', async () => {
    const { app } = buildTestApp();
    const created = await givenHousehold(app);

    const refused = await request(app)
      .delete(`/v1/households/${created.id}`)
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .set('If-Match', '"1"');
    const deleted = await request(app)
      .delete(`/v1/households/${created.id}`)
      .set('Authorization', bearer({ roles: ['manager'] }))
      .set('If-Match', '"1"');
    const read = await request(app)
      .get(`/v1/households/${created.id}`)
      .set('Authorization', bearer());

    expect(refused.status).toBe(403);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
    expect(read.status).toBe(404);
  });

  it('lists a page and hands back a cursor that reads the next one', async () => {
    const { app } = buildTestApp();
    await givenHousehold(app);
    await givenHousehold(app);

    const first = await request(app).get('/v1/households?limit=1').set('Authorization', bearer());
    const second = await request(app)
      .get(`/v1/households?limit=1&cursor=${first.body.nextCursor}`)
      .set('Authorization', bearer());

    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses a cursor of another listing with 400', async () => {
    const { app } = buildTestApp();
    const cursor = Buffer.from(JSON.stringify({ v: 1, s: 'person', f: 'x', t: '1' })).toString(
      'base64url',
    );

    const res = await request(app)
      .get(`/v1/households?cursor=${cursor}`)
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('cursor');
  });

  it('replays a create retried with the same Idempotency-Key', async () => {
    const { app, households } = buildTestApp();
    const send = () =>
      request(app)
        .post('/v1/households')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-1')
        .send({ nameOverride: 'The Smiths' });

    const first = await send();
    const again = await send();

    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(households.calls.filter((c) => c.method === 'CreateHousehold')).toHaveLength(1);
  });

  it('documents every household route in the OpenAPI document', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/v1/openapi.json');

    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/households',
        '/v1/households/{id}',
        '/v1/households/{id}/members',
        '/v1/households/{id}/members/{contactId}',
        '/v1/contacts/{id}/household',
      ]),
    );
  });
});
