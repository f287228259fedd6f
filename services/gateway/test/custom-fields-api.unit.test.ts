import request from 'supertest';
import { bearer, buildTestApp } from './support/test-app';

const LEVEL = {
  recordType: 'person',
  key: 'level',
  label: 'Membership level',
  type: 'single_select',
  options: [{ value: 'gold', label: 'Gold' }, { value: 'silver' }],
};

async function defineLevel(app: ReturnType<typeof buildTestApp>['app']) {
  return request(app).post('/v1/custom-fields').set('Authorization', bearer()).send(LEVEL);
}

describe('custom field definitions over REST', () => {
  it('defines a field with 201, a Location, an ETag and the REST shape', async () => {
    const { app } = buildTestApp();

    const res = await defineLevel(app);

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/v1/custom-fields/person/level');
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      recordType: 'person',
      key: 'level',
      label: 'Membership level',
      description: null,
      type: 'single_select',
      required: false,
      options: [
        { value: 'gold', label: 'Gold', active: true },
        { value: 'silver', label: '', active: true },
      ],
      validation: {},
      archived: false,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('sends date bounds to the service as min_date/max_date', async () => {
    const { app, customFields } = buildTestApp();

    await request(app)
      .post('/v1/custom-fields')
      .set('Authorization', bearer())
      .send({
        recordType: 'organization',
        key: 'founded',
        label: 'Founded',
        type: 'date',
        validation: { min: '1800-01-01' },
      });

    expect(customFields.calls[0]?.request).toMatchObject({
      recordType: 'organization',
      key: 'founded',
      spec: { type: 'date', validation: { minDate: '1800-01-01' } },
    });
  });

  it('refuses a key with a dot before calling the service', async () => {
    const { app, customFields } = buildTestApp();

    const res = await request(app)
      .post('/v1/custom-fields')
      .set('Authorization', bearer())
      .send({ ...LEVEL, key: 'a.b' });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'key', in: 'body' })]);
    expect(customFields.calls).toEqual([]);
  });

  it('answers 409 when the key is taken', async () => {
    const { app } = buildTestApp();
    await defineLevel(app);

    const res = await defineLevel(app);

    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:kith:problem:already-exists');
  });

  it('forbids a fundraiser to define fields but lets them read definitions', async () => {
    const { app } = buildTestApp();
    await defineLevel(app);

    const write = await request(app)
      .post('/v1/custom-fields')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .send({ ...LEVEL, key: 'other' });
    const read = await request(app)
      .get('/v1/custom-fields/person/level')
      .set('Authorization', bearer({ roles: ['readonly'] }));

    expect(write.status).toBe(403);
    expect(read.status).toBe(200);
  });

  it('lists definitions of one record type with a cursor', async () => {
    const { app } = buildTestApp();
    for (const key of ['a1', 'a2', 'a3']) {
      await request(app)
        .post('/v1/custom-fields')
        .set('Authorization', bearer())
        .send({ ...LEVEL, key });
    }

    const first = await request(app)
      .get('/v1/custom-fields?recordType=person&limit=2')
      .set('Authorization', bearer());
    const second = await request(app)
      .get(`/v1/custom-fields?recordType=person&limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', bearer());

    expect(first.body.data.map((f: { key: string }) => f.key)).toEqual(['a1', 'a2']);
    expect(second.body.data.map((f: { key: string }) => f.key)).toEqual(['a3']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses an unknown record type in the list query', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .get('/v1/custom-fields?recordType=invoice')
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'recordType', in: 'query' }),
    ]);
  });

  it('does not show another tenant’s definition', async () => {
    const { app } = buildTestApp();
    await defineLevel(app);

    const res = await request(app)
      .get('/v1/custom-fields/person/level')
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    expect(res.status).toBe(404);
  });

  it('patches with If-Match as an update mask of the keys sent', async () => {
    const { app, customFields } = buildTestApp();
    await defineLevel(app);

    const res = await request(app)
      .patch('/v1/custom-fields/person/level')
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ label: 'Tier', description: null });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ label: 'Tier', version: 2 });
    expect(customFields.calls.at(-1)?.request).toMatchObject({
      expectedVersion: '1',
      updateMask: { paths: ['label', 'description'] },
    });
  });

  it('answers 428 to a PATCH without If-Match and 409 to a stale one', async () => {
    const { app } = buildTestApp();
    await defineLevel(app);

    const missing = await request(app)
      .patch('/v1/custom-fields/person/level')
      .set('Authorization', bearer())
      .send({ label: 'Tier' });
    const stale = await request(app)
      .patch('/v1/custom-fields/person/level')
      .set('Authorization', bearer())
      .set('If-Match', '"5"')
      .send({ label: 'Tier' });

    expect(missing.status).toBe(428);
    expect(stale.status).toBe(409);
  });

  it('answers 422 to a type change, naming the type field', async () => {
    const { app } = buildTestApp();
    await defineLevel(app);

    const res = await request(app)
      .patch('/v1/custom-fields/person/level')
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ type: 'text' });

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'type', message: 'cannot change', in: 'body' }]);
  });

  it('archives on DELETE with If-Match and then refuses changes with 422', async () => {
    const { app } = buildTestApp();
    await defineLevel(app);

    const archived = await request(app)
      .delete('/v1/custom-fields/person/level')
      .set('Authorization', bearer())
      .set('If-Match', '"1"');
    const patch = await request(app)
      .patch('/v1/custom-fields/person/level')
      .set('Authorization', bearer())
      .set('If-Match', '"2"')
      .send({ label: 'x' });

    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, version: 2 });
    expect(patch.status).toBe(422);
  });

  it('replays a create retried with the same Idempotency-Key', async () => {
    const { app, customFields } = buildTestApp();
    const send = () =>
      request(app)
        .post('/v1/custom-fields')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-1')
        .send(LEVEL);

    const first = await send();
    const retry = await send();

    expect(retry.status).toBe(first.status);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(customFields.calls.filter((c) => c.method === 'CreateCustomField')).toHaveLength(1);
  });

  it('documents every custom field route in the OpenAPI document', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/v1/openapi.json');

    expect(Object.keys(res.body.paths['/v1/custom-fields'])).toEqual(['get', 'post']);
    expect(Object.keys(res.body.paths['/v1/custom-fields/{recordType}/{key}'])).toEqual([
      'get',
      'patch',
      'delete',
    ]);
  });
});
