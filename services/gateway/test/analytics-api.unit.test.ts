// /v1/analytics over REST, against the fake AnalyticsService: int64 amounts as JSON integers,
// the query validated before the call, settings guarded by If-Match ("1" before the first
// change), rebuilds answered 202 with Location, and who may do what.
import request from 'supertest';
import { bearer, buildTestApp } from './support/test-app';

describe('the analytics dashboard over REST', () => {
  it('answers the totals with integers, asking for the fiscal year and currency given', async () => {
    const { app, analytics } = buildTestApp();

    const res = await request(app)
      .get('/v1/analytics/dashboard?fiscalYear=2026&currency=USD')
      .set('Authorization', bearer({ roles: ['analyst'] }));

    expect(res.status).toBe(200);
    expect(res.body.currencies[0]).toMatchObject({
      currency: 'USD',
      raisedMinor: 30000,
      donors: 2,
    });
    expect(res.body.currencies[0].months[0]).toEqual({
      month: '2026-03',
      raisedMinor: 30000,
      gifts: 2,
      donors: 2,
    });
    expect(analytics.calls.find((c) => c.method === 'GetDashboard')?.request).toEqual({
      fiscalYear: 2026,
      currency: 'USD',
    });
  });

  it('refuses a currency that is not ISO 4217 and a year that is not a year, before any call', async () => {
    const { app, analytics } = buildTestApp();

    const [currency, year] = await Promise.all([
      request(app).get('/v1/analytics/dashboard?currency=usd').set('Authorization', bearer()),
      request(app).get('/v1/analytics/dashboard?fiscalYear=20x6').set('Authorization', bearer()),
    ]);

    expect([currency.status, year.status]).toEqual([400, 400]);
    expect(currency.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(analytics.calls.filter((c) => c.method === 'GetDashboard')).toHaveLength(0);
  });

  it('is not for marketers or volunteer coordinators', async () => {
    const { app } = buildTestApp();
    const res = await request(app)
      .get('/v1/analytics/dashboard')
      .set('Authorization', bearer({ roles: ['marketer', 'volunteer-coordinator'] }));
    expect(res.status).toBe(403);
  });
});

describe('analytics settings over REST', () => {
  it('reads the defaults at version 1 and changes them with If-Match', async () => {
    const { app } = buildTestApp();

    const read = await request(app).get('/v1/analytics/settings').set('Authorization', bearer());
    const changed = await request(app)
      .put('/v1/analytics/settings')
      .set('Authorization', bearer())
      .set('If-Match', read.headers.etag as string)
      .send({ fiscalYearStartMonth: 7 });
    const stale = await request(app)
      .put('/v1/analytics/settings')
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ fiscalYearStartMonth: 4 });

    expect(read.body).toEqual({ fiscalYearStartMonth: 1, version: 1, updatedAt: null });
    expect(read.headers.etag).toBe('"1"');
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.body).toMatchObject({ fiscalYearStartMonth: 7, version: 2 });
    expect(stale.status).toBe(409);
  });

  it('answers 428 without If-Match, 400 for a month outside 1-12, 403 for a manager', async () => {
    const { app } = buildTestApp();
    const put = (roles: Parameters<typeof bearer>[0], body: object, ifMatch?: string) => {
      const req = request(app).put('/v1/analytics/settings').set('Authorization', bearer(roles));
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    };

    const [missing, invalid, manager] = await Promise.all([
      put({}, { fiscalYearStartMonth: 7 }),
      put({}, { fiscalYearStartMonth: 13 }, '"1"'),
      put({ roles: ['manager'] }, { fiscalYearStartMonth: 7 }, '"1"'),
    ]);

    expect([missing.status, invalid.status, manager.status]).toEqual([428, 400, 403]);
  });
});

describe('rebuilds over REST', () => {
  it('starts one with 202 and its Location, refuses a second with 422, reads it back', async () => {
    const { app } = buildTestApp();

    const started = await request(app)
      .post('/v1/analytics/rebuilds')
      .set('Authorization', bearer());
    const again = await request(app).post('/v1/analytics/rebuilds').set('Authorization', bearer());
    const read = await request(app)
      .get(started.headers.location as string)
      .set('Authorization', bearer());
    const foreign = await request(app)
      .get(started.headers.location as string)
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/v1/analytics/rebuilds/${started.body.id}`);
    expect(started.body).toMatchObject({
      status: 'running',
      fromReadModel: 1,
      toReadModel: 2,
      completedAt: null,
    });
    expect(again.status).toBe(422);
    expect(read.body).toEqual(started.body);
    expect(foreign.status).toBe(404);
  });

  it('are an admin task', async () => {
    const { app } = buildTestApp();
    const res = await request(app)
      .post('/v1/analytics/rebuilds')
      .set('Authorization', bearer({ roles: ['manager', 'analyst'] }));
    expect(res.status).toBe(403);
  });
});
