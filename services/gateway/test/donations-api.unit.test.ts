// /v1/donations, refunds and giving over REST, against the fake DonationService: money as
// integers in JSON and int64 strings on the wire, Idempotency-Key required on what moves money
// (428 before the body is read), the service's refusals as problem+json, cursors bound to
// their filters, and who may do what.
import request from 'supertest';
import { bearer, buildTestApp } from './support/test-app';

const DONOR = '0193a1b2-0000-7000-8000-00000000000a';
const JOHN = '0193a1b2-0000-7000-8000-00000000000b';
const gift = (extra: Record<string, unknown> = {}) => ({
  donorId: DONOR,
  amount: { amountMinor: 15000, currency: 'USD' },
  receivedAt: '2026-11-30T09:00:00Z',
  paymentMethod: 'card',
  ...extra,
});
let keys = 0;
const key = () => `key-${++keys}`;

async function givenGift(app: ReturnType<typeof buildTestApp>['app'], body = gift()) {
  const res = await request(app)
    .post('/v1/donations')
    .set('Authorization', bearer())
    .set('Idempotency-Key', key())
    .send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('recording a donation over REST', () => {
  it('answers 201 with Location, ETag and money as integers, sending int64 strings upstream', async () => {
    const { app, donations } = buildTestApp();

    const res = await request(app)
      .post('/v1/donations')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .set('Idempotency-Key', key())
      .send(gift({ softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: 5000 }] }));

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/donations/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      donorId: DONOR,
      amount: { amountMinor: 15000, currency: 'USD' },
      refunded: { amountMinor: 0, currency: 'USD' },
      net: { amountMinor: 15000, currency: 'USD' },
      status: 'completed',
      fund: null,
      tribute: null,
      softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: 5000, automatic: false }],
      refunds: [],
    });
    expect(donations.calls[0]?.request).toMatchObject({
      donorId: DONOR,
      amount: { amountMinor: '15000', currency: 'USD' },
      fields: { softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: '5000' }] },
    });
    expect(donations.calls[0]?.ctx.idempotencyKey).toBeDefined();
  });

  it('refuses a POST without Idempotency-Key with 428 before reading its body', async () => {
    const { app, donations } = buildTestApp();

    const res = await request(app)
      .post('/v1/donations')
      .set('Authorization', bearer())
      .send({ amount: 'not even money' });

    expect(res.status).toBe(428);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe('urn:kith:problem:idempotency-key-required');
    expect(donations.calls).toHaveLength(0);
  });

  it.each([
    ['a decimal amount', { amount: { amountMinor: 150.5, currency: 'USD' } }, 'amount.amountMinor'],
    ['a lower-case currency', { amount: { amountMinor: 100, currency: 'usd' } }, 'amount.currency'],
    [
      'an amount past the limit',
      { amount: { amountMinor: 1e12 + 1, currency: 'USD' } },
      'amount.amountMinor',
    ],
    ['a date without offset', { receivedAt: '2026-11-30' }, 'receivedAt'],
    ['a donor that is no UUID', { donorId: 'c-1' }, 'donorId'],
  ])(
    'refuses %s with 400 naming the field, never reaching the service',
    async (_what, extra, field) => {
      const { app, donations } = buildTestApp();

      const res = await request(app)
        .post('/v1/donations')
        .set('Authorization', bearer())
        .set('Idempotency-Key', key())
        .send(gift(extra));

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, in: 'body' })]),
      );
      expect(donations.calls).toHaveLength(0);
    },
  );

  it('replays the first answer to a retry under the same key', async () => {
    const { app, donations } = buildTestApp();
    const k = key();
    const send = () =>
      request(app)
        .post('/v1/donations')
        .set('Authorization', bearer())
        .set('Idempotency-Key', k)
        .send(gift());

    const first = await send();
    const retry = await send();

    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(donations.calls.filter((c) => c.method === 'CreateDonation')).toHaveLength(1);
  });

  it("answers the service's refusal of a donor with 422 and its field errors", async () => {
    const { app, donations } = buildTestApp();
    donations.unknownContacts.add(DONOR);

    const res = await request(app)
      .post('/v1/donations')
      .set('Authorization', bearer())
      .set('Idempotency-Key', key())
      .send(gift());

    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      type: 'urn:kith:problem:failed-precondition',
      errors: [{ field: 'donorId', message: `${DONOR} is not a contact of this tenant` }],
    });
  });
});

describe('changing and refunding a donation over REST', () => {
  it('patches with If-Match into an update mask of the fields sent; 428 without it', async () => {
    const { app, donations } = buildTestApp();
    const created = await givenGift(app);

    const missing = await request(app)
      .patch(`/v1/donations/${created.id}`)
      .set('Authorization', bearer())
      .send({ fund: 'Roof' });
    const patched = await request(app)
      .patch(`/v1/donations/${created.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ fund: 'Roof', campaignId: null });

    expect(missing.status).toBe(428);
    expect(patched.status).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.body.fund).toBe('Roof');
    const update = donations.calls.find((c) => c.method === 'UpdateDonation');
    expect(update?.request).toMatchObject({
      expectedVersion: '1',
      updateMask: { paths: ['fund', 'campaign_id'] },
    });
  });

  it('refunds with 201, the refund and the gift after it; 422 over what remains', async () => {
    const { app } = buildTestApp();
    const created = await givenGift(app);
    const refund = (amountMinor: number) =>
      request(app)
        .post(`/v1/donations/${created.id}/refunds`)
        .set('Authorization', bearer())
        .set('Idempotency-Key', key())
        .send({ amountMinor, reason: 'card charged twice' });

    const partial = await refund(5000);
    const over = await refund(10001);

    expect(partial.status).toBe(201);
    expect(partial.headers.etag).toBe('"2"');
    expect(partial.headers.location).toBe(`/v1/donations/${created.id}`);
    expect(partial.body).toMatchObject({
      refund: { amountMinor: 5000, reason: 'card charged twice' },
      donation: { status: 'partially_refunded', net: { amountMinor: 10000, currency: 'USD' } },
    });
    expect(over.status).toBe(422);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(over.body.detail).toMatch(/10000 USD minor units left to refund/);
  });

  it('refuses a refund without Idempotency-Key with 428', async () => {
    const { app, donations } = buildTestApp();
    const created = await givenGift(app);

    const res = await request(app)
      .post(`/v1/donations/${created.id}/refunds`)
      .set('Authorization', bearer())
      .send({ amountMinor: 100 });

    expect(res.status).toBe(428);
    expect(donations.calls.filter((c) => c.method === 'RefundDonation')).toHaveLength(0);
  });
});

describe('reading donations and giving over REST', () => {
  it('pages with a cursor bound to the filters it was issued with', async () => {
    const { app } = buildTestApp();
    for (let i = 0; i < 3; i += 1) await givenGift(app);

    const first = await request(app)
      .get(`/v1/donations?limit=2&donorId=${DONOR}`)
      .set('Authorization', bearer());
    const next = await request(app)
      .get(`/v1/donations?limit=2&donorId=${DONOR}&cursor=${first.body.nextCursor}`)
      .set('Authorization', bearer());
    const otherFilter = await request(app)
      .get(`/v1/donations?limit=2&donorId=${JOHN}&cursor=${first.body.nextCursor}`)
      .set('Authorization', bearer());

    expect(first.body.data).toHaveLength(2);
    expect(next.body.data).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    expect(otherFilter.status).toBe(400);
    expect(otherFilter.body.errors[0]).toMatchObject({ field: 'cursor', in: 'query' });
  });

  it("answers a contact's giving per currency as integers, and 404 with mergedInto for a victim", async () => {
    const { app, donations } = buildTestApp();
    await givenGift(app);
    donations.merged.set(JOHN, DONOR);

    const giving = await request(app)
      .get(`/v1/contacts/${DONOR}/giving`)
      .set('Authorization', bearer({ roles: ['analyst'] }));
    const victim = await request(app)
      .get(`/v1/contacts/${JOHN}/giving`)
      .set('Authorization', bearer());

    expect(giving.status).toBe(200);
    expect(giving.body).toEqual({
      contactId: DONOR,
      currencies: [
        {
          currency: 'USD',
          hardTotalMinor: 15000,
          softTotalMinor: 0,
          giftCount: 1,
          softCreditCount: 0,
          refundedMinor: 0,
          firstGiftAt: '2026-11-30T09:00:00.000Z',
          lastGiftAt: '2026-11-30T09:00:00.000Z',
          largestGiftMinor: 15000,
        },
      ],
    });
    expect(victim.status).toBe(404);
    expect(victim.body.mergedInto).toBe(DONOR);
  });

  it.each([
    ['volunteer-coordinator', 'get', '/v1/donations'],
    ['marketer', 'get', `/v1/contacts/${DONOR}/giving`],
    ['readonly', 'post', '/v1/donations'],
    ['fundraiser', 'post', '/v1/donations/d-1/refunds'],
  ] as const)('refuses a %s to %s %s with 403', async (role, method, path) => {
    const { app, donations } = buildTestApp();

    const agent = request(app);
    const res = await agent[method](path).set('Authorization', bearer({ roles: [role] }));

    expect(res.status).toBe(403);
    expect(donations.calls).toHaveLength(0);
  });
});
