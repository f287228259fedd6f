import request from 'supertest';
import { PERSON, bearer, buildTestApp } from './support/test-app';

describe('request validation and body handling', () => {
  it('lists every unknown and mistyped field in errors[]', async () => {
    const { app, contacts } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send({
        name: { firstName: 'Ada', nickname: 'A' },
        emails: [{ address: 'not-an-email' }],
        tags: 'donor',
        tenantId: 'tenant-evil',
      });

    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:kith:problem:validation-failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['emails[0].address', 'name.nickname', 'tags', 'tenantId']);
    expect(res.body.errors[0]).toEqual({
      field: expect.any(String),
      message: expect.any(String),
      in: 'body',
    });
    expect(contacts.calls).toHaveLength(0);
  });

  it('refuses a version in the PATCH body and points to If-Match', async () => {
    const { app } = buildTestApp();
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);

    const res = await request(app)
      .patch(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ version: 1, tags: ['x'] });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'version', message: expect.stringContaining('If-Match'), in: 'body' },
    ]);
  });

  it('answers 400 for malformed JSON', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Content-Type', 'application/json')
      .send('{"name": {');

    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:kith:problem:malformed-json');
  });

  it('answers 413 for a body over the limit', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send({ ...PERSON, source: 'x'.repeat(150_000) });

    expect(res.status).toBe(413);
    expect(res.body.type).toBe('urn:kith:problem:payload-too-large');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Content-Type', 'text/plain')
      .send('name=Ada');

    expect(res.status).toBe(415);
    expect(res.body.type).toBe('urn:kith:problem:unsupported-media-type');
  });

  it('answers 400 when POST has no body at all', async () => {
    const { app } = buildTestApp();

    const res = await request(app).post('/v1/contacts').set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: '(root)', in: 'body' });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=%%%', 'cursor'],
    ['colour=blue', 'colour'],
    ['tag=a&tag=b', 'tag'],
  ])('answers 400 for the query %s naming %s', async (query, field) => {
    const { app } = buildTestApp();

    const res = await request(app).get(`/v1/contacts?${query}`).set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, in: 'query' })]);
  });

  it('treats an empty query value as an absent filter', async () => {
    const { app, contacts } = buildTestApp();

    const res = await request(app)
      .get('/v1/contacts?tag=&namePrefix=')
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(contacts.calls[0]?.request).toMatchObject({ tag: '', namePrefix: '' });
  });

  it('answers 404 problem for an unknown route', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/v1/nothing-here').set('Authorization', bearer());

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: 'urn:kith:problem:route-not-found', status: 404 });
  });

  it('answers 404 problem for an unknown route outside /v1 without a token', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/favicon.ico');

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 405 with Allow for a method the route does not offer', async () => {
    const { app } = buildTestApp();

    const res = await request(app).put('/v1/contacts/c-1').set('Authorization', bearer()).send({});

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, PATCH, DELETE');
  });

  it('answers 400 naming the path parameter for an id that cannot exist', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/v1/contacts/a%20b').set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', in: 'path' })]);
  });

  it('answers 400 for an empty PATCH', async () => {
    const { app } = buildTestApp();
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);

    const res = await request(app)
      .patch(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({});

    expect(res.status).toBe(400);
  });
});

describe('the version rule (If-Match)', () => {
  async function created() {
    const t = buildTestApp();
    const res = await request(t.app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);
    return { ...t, id: res.body.id as string };
  }

  it('answers 428 when PATCH has no If-Match', async () => {
    const { app, id } = await created();

    const res = await request(app)
      .patch(`/v1/contacts/${id}`)
      .set('Authorization', bearer())
      .send({ tags: ['x'] });

    expect(res.status).toBe(428);
    expect(res.body.type).toBe('urn:kith:problem:precondition-required');
  });

  it('answers 428 when DELETE has no If-Match', async () => {
    const { app, id } = await created();

    const res = await request(app).delete(`/v1/contacts/${id}`).set('Authorization', bearer());

    expect(res.status).toBe(428);
  });

  it('answers 409 when If-Match names a stale version', async () => {
    const { app, id } = await created();
    await request(app)
      .patch(`/v1/contacts/${id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ tags: ['first'] });

    const res = await request(app)
      .patch(`/v1/contacts/${id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ tags: ['second'] });

    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:kith:problem:version-conflict');
  });

  // An empty If-Match was sent (so 428 "send one" would be wrong): it is malformed.
  it.each(['*', 'W/"1"', '1', '"0"', '"1", "2"', '', '   '])(
    'answers 400 for If-Match: %s',
    async (ifMatch) => {
      const { app, id } = await created();

      const res = await request(app)
        .delete(`/v1/contacts/${id}`)
        .set('Authorization', bearer())
        .set('If-Match', ifMatch);

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'If-Match', in: 'header' }),
      ]);
    },
  );
});
