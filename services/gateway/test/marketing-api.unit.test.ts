// /v1/segments and /v1/campaigns over REST against fakes: definitions validated by the segment
// language's schema at the edge (400 naming the place), what reaches the service, a send that
// requires Idempotency-Key (428) and answers 202, and who may do what.
import request from 'supertest';
import { bearer, buildTestApp } from './support/test-app';

let keys = 0;
const key = () => `key-${++keys}`;

describe('segments over REST', () => {
  it('saves a definition as JSON text upstream and answers it as JSON', async () => {
    const { app, segments } = buildTestApp();
    const definition = {
      and: [{ tag: 'donor' }, { activity: 'meeting', within: { months: 12 }, gte: 2 }],
    };

    const res = await request(app)
      .post('/v1/segments')
      .set('Authorization', bearer({ roles: ['marketer'] }))
      .set('Idempotency-Key', key())
      .send({ name: 'Loyal donors', definition });

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/segments/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: 'Loyal donors',
      version: 1,
      definition,
      deletedAt: null,
    });
    expect(segments.calls[0]?.request).toMatchObject({
      definitionJson: JSON.stringify(definition),
    });
  });

  it('refuses an invalid definition with 400 naming where, without calling the service', async () => {
    const { app, segments } = buildTestApp();

    const res = await request(app)
      .post('/v1/segments')
      .set('Authorization', bearer())
      .send({ name: 'x', definition: { or: [{ tag: 'a' }, { giving: 'total', gte: 5 }] } });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'definition.or[1].currency',
        message: 'required for total',
      }),
    ]);
    expect(segments.calls).toEqual([]);
  });

  it('lets marketers write segments and fundraisers not', async () => {
    const { app } = buildTestApp();
    const res = await request(app)
      .post('/v1/segments')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .send({ name: 'x', definition: { tag: 'a' } });
    expect(res.status).toBe(403);
  });

  it('publishes the definition schema as a recursive component of the OpenAPI document', async () => {
    const { app } = buildTestApp();
    const doc = (await request(app).get('/v1/openapi.json')).body as {
      components: {
        schemas: Record<string, { anyOf?: Array<{ properties?: Record<string, unknown> }> }>;
      };
    };
    const definition = doc.components.schemas.SegmentDefinition;
    expect(definition?.anyOf?.length).toBe(10);
    expect(definition?.anyOf?.[2]?.properties?.not).toEqual({
      $ref: '#/components/schemas/SegmentDefinition',
    });
  });
});

describe('sending a campaign over REST', () => {
  it('requires Idempotency-Key (428) and answers 202 with the campaign sending', async () => {
    const { app, campaigns } = buildTestApp();
    const id = '0193a1b2-0000-7000-8000-000000000001';

    const without = await request(app)
      .post(`/v1/campaigns/${id}/send`)
      .set('Authorization', bearer({ roles: ['marketer'] }));
    const started = await request(app)
      .post(`/v1/campaigns/${id}/send`)
      .set('Authorization', bearer({ roles: ['marketer'] }))
      .set('Idempotency-Key', key());

    expect(without.status).toBe(428);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      id,
      state: 'sending',
      counts: { audience: 0, excluded: {} },
    });
    expect(campaigns.calls.map((c) => c.method)).toEqual(['SendCampaign']);
  });

  it('lets only admin, manager and marketer send', async () => {
    const { app } = buildTestApp();
    const res = await request(app)
      .post('/v1/campaigns/0193a1b2-0000-7000-8000-000000000001/send')
      .set('Authorization', bearer({ roles: ['analyst'] }))
      .set('Idempotency-Key', key());
    expect(res.status).toBe(403);
  });
});

describe('giving in segment definitions', () => {
  const giving = { giving: 'total', currency: 'USD', gte: 10000 };

  it('needs donation:read as well: a marketer gets 403, a manager saves it', async () => {
    const { app, segments } = buildTestApp();
    const asMarketer = await request(app)
      .post('/v1/segments/preview-count')
      .set('Authorization', bearer({ roles: ['marketer'] }))
      .send({ definition: { and: [{ tag: 'donor' }, giving] } });
    const asManager = await request(app)
      .post('/v1/segments')
      .set('Authorization', bearer({ roles: ['manager'] }))
      .set('Idempotency-Key', key())
      .send({ name: 'Major donors', definition: giving });

    expect(asMarketer.status).toBe(403);
    expect(asManager.status).toBe(201);
    expect(segments.calls.map((c) => c.method)).toEqual(['CreateSegment']);
  });
});
