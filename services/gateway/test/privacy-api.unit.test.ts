import * as grpc from '@grpc/grpc-js';
import request from 'supertest';
import { failingUpstream, upstreamWith, FakePersonalDataUpstream } from './support/fake-privacy';
import { bearer, buildTestApp } from './support/test-app';

const ID = '0193a0b2-7c4e-7000-8000-000000000001';

describe('GET /v1/contacts/{id}/export', () => {
  it('assembles every upstream into one document keyed by service and section', async () => {
    const contact = upstreamWith('contact', { contact: { id: ID }, audit: [] });
    const donations = upstreamWith('transaction', { donations: [{ amountMinor: 500 }] });
    const { app } = buildTestApp({ upstreams: [contact, donations] });

    const res = await request(app).get(`/v1/contacts/${ID}/export`).set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      contactId: ID,
      generatedAt: expect.any(String),
      services: {
        contact: {
          generatedAt: '2026-11-23T10:00:00.000Z',
          sections: { contact: { id: ID }, audit: [] },
        },
        transaction: {
          generatedAt: '2026-11-23T10:00:00.000Z',
          sections: { donations: [{ amountMinor: 500 }] },
        },
      },
    });
    expect(res.headers['content-disposition']).toContain(`kith-export-${ID}.json`);
  });

  it('asks every upstream in the caller tenant', async () => {
    const contact = upstreamWith('contact', {});
    const interaction = upstreamWith('interaction', {});
    const { app } = buildTestApp({ upstreams: [contact, interaction] });

    await request(app)
      .get(`/v1/contacts/${ID}/export`)
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    for (const upstream of [contact, interaction]) {
      expect(upstream.calls).toEqual([
        { contactId: ID, ctx: expect.objectContaining({ tenantId: 'tenant-b' }) },
      ]);
    }
  });

  it('answers 503 and no partial export when one upstream fails', async () => {
    const { app } = buildTestApp({
      upstreams: [upstreamWith('contact', { contact: {} }), failingUpstream('transaction')],
    });

    const res = await request(app).get(`/v1/contacts/${ID}/export`).set('Authorization', bearer());

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.type).toBe('urn:kith:problem:export-incomplete');
    expect(res.body).not.toHaveProperty('services');
  });

  it('answers 503 when an upstream times out', async () => {
    const { app } = buildTestApp({
      upstreams: [
        upstreamWith('contact', {}),
        failingUpstream('marketing', grpc.status.DEADLINE_EXCEEDED),
      ],
    });

    const res = await request(app).get(`/v1/contacts/${ID}/export`).set('Authorization', bearer());

    expect(res.status).toBe(503);
  });

  it('answers 503 when an upstream sends a section that is not JSON', async () => {
    const broken = new FakePersonalDataUpstream('contact', () => ({
      service: 'contact',
      generatedAt: '2026-11-23T10:00:00.000Z',
      sections: [{ name: 'contact', contentType: 'application/json', json: '{not json' }],
    }));
    const { app } = buildTestApp({ upstreams: [broken] });

    const res = await request(app).get(`/v1/contacts/${ID}/export`).set('Authorization', bearer());

    expect(res.status).toBe(503);
  });

  it('answers 404 when the contact service does not know the person', async () => {
    const { app } = buildTestApp({
      upstreams: [failingUpstream('contact', grpc.status.NOT_FOUND), upstreamWith('analytics', {})],
    });

    const res = await request(app).get(`/v1/contacts/${ID}/export`).set('Authorization', bearer());

    expect(res.status).toBe(404);
  });

  it('is refused to a manager (contact:export is for admins)', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .get(`/v1/contacts/${ID}/export`)
      .set('Authorization', bearer({ roles: ['manager'] }));

    expect(res.status).toBe(403);
  });
});

describe('POST /v1/contacts/{id}/erase', () => {
  it('answers 200 with the erased state and its version as ETag', async () => {
    const { app } = buildTestApp();

    const res = await request(app).post(`/v1/contacts/${ID}/erase`).set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"5"');
    expect(res.body).toEqual({
      id: ID,
      kind: 'person',
      version: 5,
      erasedAt: '2026-11-23T10:00:00.000Z',
      alreadyErased: false,
    });
  });

  it("drops the gateway's stored responses that name the person at once", async () => {
    const { app, idempotencyStore } = buildTestApp();
    const create = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-before-erasure')
        .send({ name: { firstName: 'Ada', lastName: 'Lovelace' } });
    const { id } = (await create()).body as { id: string };

    await request(app).post(`/v1/contacts/${id}/erase`).set('Authorization', bearer());

    expect([...idempotencyStore.entries.values()][0]).toMatchObject({ erased: true });
    expect((await create()).status).toBe(410);
  });

  it('erases the current version when no If-Match is sent', async () => {
    const { app, eraser } = buildTestApp();

    await request(app).post(`/v1/contacts/${ID}/erase`).set('Authorization', bearer());

    expect(eraser.calls[0]?.request).toEqual({ id: ID, expectedVersion: '0' });
  });

  it('passes the If-Match version on, and answers 409 when it is stale', async () => {
    const { app, eraser } = buildTestApp();
    eraser.failWith = grpc.status.ABORTED;

    const res = await request(app)
      .post(`/v1/contacts/${ID}/erase`)
      .set('Authorization', bearer())
      .set('If-Match', '"3"');

    expect(eraser.calls[0]?.request).toEqual({ id: ID, expectedVersion: '3' });
    expect(res.status).toBe(409);
  });

  it('answers 422 for an organization', async () => {
    const { app, eraser } = buildTestApp();
    eraser.failWith = grpc.status.FAILED_PRECONDITION;

    const res = await request(app).post(`/v1/contacts/${ID}/erase`).set('Authorization', bearer());

    expect(res.status).toBe(422);
  });

  it('passes the caller as the actor', async () => {
    const { app, eraser } = buildTestApp();

    await request(app)
      .post(`/v1/contacts/${ID}/erase`)
      .set('Authorization', bearer({ sub: 'dpo-7' }));

    expect(eraser.calls[0]?.ctx).toMatchObject({ userId: 'dpo-7', tenantId: 'tenant-a' });
  });

  it.each([['manager'], ['fundraiser']] as const)('is refused to a %s', async (role) => {
    const { app, eraser } = buildTestApp();

    const res = await request(app)
      .post(`/v1/contacts/${ID}/erase`)
      .set('Authorization', bearer({ roles: [role] }));

    expect(res.status).toBe(403);
    expect(eraser.calls).toEqual([]);
  });

  it('answers 405 to GET', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get(`/v1/contacts/${ID}/erase`).set('Authorization', bearer());

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});
