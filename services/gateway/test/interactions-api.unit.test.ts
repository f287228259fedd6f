// /v1/interactions and the contact timeline over REST, against a fake InteractionService: the
// shapes, the edge's own checks (limits shared with the service, media types, sizes,
// permissions) and how the service's refusals read as problems.
import { INTERACTION_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import request from 'supertest';
import { encodeCursor } from '../src/domain/pagination';
import { bearer, buildTestApp } from './support/test-app';

const CALL = {
  type: 'call',
  occurredAt: '2026-12-01T10:00:00+01:00',
  subject: 'Thank-you call',
  participantContactIds: ['c-ada'],
};

const MAIL = 'From: ada@example.org\r\nTo: office@charity.example\r\nSubject: Hi\r\n\r\nHello\r\n';

describe('interactions over REST', () => {
  it('logs a call with 201, a Location, an ETag and the REST shape', async () => {
    const { app, interactions } = buildTestApp();

    const res = await request(app)
      .post('/v1/interactions')
      .set('Authorization', bearer())
      .send(CALL);

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/interactions/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      type: 'call',
      direction: 'outbound',
      participantContactIds: ['c-ada'],
      durationMinutes: null,
      body: null,
      mail: null,
      loggedBy: 'user-1',
      deletedAt: null,
    });
    expect(interactions.calls[0]?.request).toMatchObject({
      fields: { type: 'INTERACTION_TYPE_CALL', direction: 'INTERACTION_DIRECTION_UNSPECIFIED' },
    });
  });

  it.each([
    ['an unknown type', { type: 'telegram' }],
    ['no participant', { participantContactIds: [] }],
    [
      'one participant too many',
      {
        participantContactIds: Array.from({ length: LIMITS.participants + 1 }, (_, i) => `c-${i}`),
      },
    ],
    ['a body past the limit', { body: 'x'.repeat(LIMITS.body + 1) }],
    ['a subject past the limit', { subject: 'x'.repeat(LIMITS.subject + 1) }],
    ['a time without an offset', { occurredAt: '2026-12-01T10:00:00' }],
    ['a control character', { subject: 'bell\u0007' }],
  ])('refuses %s with 400 before the service is called', async (_what, change) => {
    const { app, interactions } = buildTestApp();

    const res = await request(app)
      .post('/v1/interactions')
      .set('Authorization', bearer())
      .send({ ...CALL, ...change });

    expect(res.status).toBe(400);
    expect(interactions.calls).toHaveLength(0);
  });

  it('accepts a body at the limit', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/interactions')
      .set('Authorization', bearer())
      .send({ ...CALL, body: 'x'.repeat(LIMITS.body) });

    expect(res.status).toBe(201);
  });

  it('answers 422 naming each participant the service refused', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/interactions')
      .set('Authorization', bearer())
      .send({ ...CALL, participantContactIds: ['c-ada', 'c-ghost'] });

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'participantContactIds[1]', message: 'c-ghost is not a contact', in: 'body' },
    ]);
  });

  it('lets a readonly user read but not log', async () => {
    const { app } = buildTestApp();
    const readonly = bearer({ roles: ['readonly'] });

    const write = await request(app)
      .post('/v1/interactions')
      .set('Authorization', readonly)
      .send(CALL);
    const read = await request(app).get('/v1/interactions').set('Authorization', readonly);

    expect(write.status).toBe(403);
    expect(read.status).toBe(200);
  });

  it('changes with If-Match and answers 428 without it', async () => {
    const { app } = buildTestApp();
    const created = await request(app)
      .post('/v1/interactions')
      .set('Authorization', bearer())
      .send(CALL);
    const path = `/v1/interactions/${created.body.id}`;

    const missing = await request(app)
      .patch(path)
      .set('Authorization', bearer())
      .send({ subject: 'x' });
    const changed = await request(app)
      .patch(path)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ subject: 'Left a message' });
    const stale = await request(app)
      .delete(path)
      .set('Authorization', bearer())
      .set('If-Match', '"1"');

    expect(missing.status).toBe(428);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.body.subject).toBe('Left a message');
    expect(stale.status).toBe(409);
  });
});

describe('POST /v1/interactions/mail', () => {
  it('logs a raw message with 201, then answers the same interaction with 200', async () => {
    const { app } = buildTestApp();
    const send = () =>
      request(app)
        .post('/v1/interactions/mail')
        .set('Authorization', bearer())
        .set('Content-Type', 'message/rfc822')
        .send(MAIL);

    const first = await send();
    const again = await send();

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, unmatchedAddresses: ['x@y.example'] });
    expect(first.headers.location).toBe(`/v1/interactions/${first.body.interaction.id}`);
    expect(again.status).toBe(200);
    expect(again.body.interaction.id).toBe(first.body.interaction.id);
  });

  it('hands an empty body to the service to refuse, rather than calling it a media type', async () => {
    const { app, interactions } = buildTestApp();

    await request(app)
      .post('/v1/interactions/mail')
      .set('Authorization', bearer())
      .set('Content-Type', 'message/rfc822');

    expect(interactions.calls[0]?.request).toEqual({ raw: Buffer.alloc(0) });
  });

  it('refuses JSON with 415 and a message past the limit with 413', async () => {
    const { app, interactions } = buildTestApp();

    const json = await request(app)
      .post('/v1/interactions/mail')
      .set('Authorization', bearer())
      .send({ raw: MAIL });
    const huge = await request(app)
      .post('/v1/interactions/mail')
      .set('Authorization', bearer())
      .set('Content-Type', 'message/rfc822')
      .send(`${MAIL}${'x'.repeat(LIMITS.rawMailBytes)}`);

    expect(json.status).toBe(415);
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    expect(interactions.calls).toHaveLength(0);
  });
});

describe('listing interactions', () => {
  it('takes a range whose end is not after its start: the service answers it empty', async () => {
    const { app, interactions } = buildTestApp();

    const res = await request(app)
      .get('/v1/interactions?from=2026-12-02T00:00:00Z&to=2026-12-02T01:00:00%2B02:00')
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(interactions.calls.map((c) => (c.request as { filter: unknown }).filter)).toEqual([
      expect.objectContaining({
        occurredFrom: '2026-12-02T00:00:00Z',
        occurredTo: '2026-12-02T01:00:00+02:00',
      }),
    ]);
  });
});

describe('GET /v1/contacts/{id}/timeline', () => {
  it("answers the contact's interactions as entries", async () => {
    const { app } = buildTestApp();
    await request(app).post('/v1/interactions').set('Authorization', bearer()).send(CALL);

    const res = await request(app)
      .get('/v1/contacts/c-ada/timeline?kind=interaction')
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      data: [{ kind: 'interaction', interaction: { type: 'call' } }],
      nextCursor: null,
    });
  });

  it('answers 404 naming the survivor for a merged contact', async () => {
    const { app, interactions } = buildTestApp();
    interactions.merged.set('c-gone', 'c-ada');

    const res = await request(app)
      .get('/v1/contacts/c-gone/timeline')
      .set('Authorization', bearer());

    expect(res.status).toBe(404);
    expect(res.body.mergedInto).toBe('c-ada');
  });

  const GIFT = {
    donationId: 'd-1',
    version: '2',
    donorId: 'c-ada',
    donorKind: 'person',
    amount: { amountMinor: '15000', currency: 'USD' },
    refundedMinor: '5000',
    netMinor: '10000',
    status: 'partially_refunded',
    paymentMethod: 'card',
    fund: 'Roof appeal',
    campaignId: '',
    receivedAt: '2026-11-30T09:00:00.000Z',
    anonymous: false,
  };
  const moneyEntries = [
    {
      kind: 'refund',
      occurredAt: '2026-12-02T09:00:00.000Z',
      interaction: null,
      gift: GIFT,
      softCredit: null,
      refund: { refundId: 'r-1', amountMinor: '5000', refundedAt: '2026-12-02T09:00:00.000Z' },
      campaignMessage: null,
    },
    {
      kind: 'soft_credit',
      occurredAt: '2026-11-30T09:00:00.000Z',
      interaction: null,
      gift: { ...GIFT, donorId: 'c-bob' },
      softCredit: {
        type: 'household_member',
        amountMinor: '15000',
        netMinor: '10000',
        automatic: true,
      },
      refund: null,
      campaignMessage: null,
    },
  ];

  it('answers refunds and soft credits with the gift, money as integers, every key present', async () => {
    const { app, interactions } = buildTestApp();
    interactions.timelineEntries.push(...moneyEntries);

    const res = await request(app)
      .get('/v1/contacts/c-ada/timeline?kind=soft_credit,refund')
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(interactions.calls[0]?.request).toMatchObject({ kinds: ['soft_credit', 'refund'] });
    expect(res.body.data).toEqual([
      {
        kind: 'refund',
        occurredAt: '2026-12-02T09:00:00.000Z',
        interaction: null,
        gift: {
          donationId: 'd-1',
          donorId: 'c-ada',
          donorKind: 'person',
          amount: { amountMinor: 15000, currency: 'USD' },
          refunded: { amountMinor: 5000, currency: 'USD' },
          net: { amountMinor: 10000, currency: 'USD' },
          status: 'partially_refunded',
          paymentMethod: 'card',
          fund: 'Roof appeal',
          campaignId: null,
          receivedAt: '2026-11-30T09:00:00.000Z',
          anonymous: false,
        },
        softCredit: null,
        refund: { id: 'r-1', amountMinor: 5000, refundedAt: '2026-12-02T09:00:00.000Z' },
        campaignMessage: null,
      },
      expect.objectContaining({
        kind: 'soft_credit',
        gift: expect.objectContaining({ donorId: 'c-bob' }),
        softCredit: {
          type: 'household_member',
          amountMinor: 15000,
          netMinor: 10000,
          automatic: true,
        },
        refund: null,
      }),
    ]);
  });

  it('asks for the kinds without money for a caller who may not read gifts, and refuses them money kinds', async () => {
    const { app, interactions } = buildTestApp();
    interactions.timelineEntries.push(...moneyEntries);
    const marketer = bearer({ roles: ['marketer'] });

    const all = await request(app)
      .get('/v1/contacts/c-ada/timeline')
      .set('Authorization', marketer);
    const gifts = await request(app)
      .get('/v1/contacts/c-ada/timeline?kind=interaction,gift')
      .set('Authorization', marketer);

    expect(all.status).toBe(200);
    expect(interactions.calls[0]?.request).toMatchObject({
      kinds: ['interaction', 'campaign_message'],
    });
    expect(all.body.data).toEqual([]);
    expect(gifts.status).toBe(403);
    expect(interactions.calls).toHaveLength(1);
  });

  it.each([
    ['an unknown kind', 'kind=pledge', 'kind'],
    ['an empty kind list', 'kind=,', 'kind'],
    ['a type with kinds that leave out interactions', 'kind=gift&type=call', 'type'],
  ])('refuses %s with 400 before the service is called', async (_what, query, field) => {
    const { app, interactions } = buildTestApp();

    const res = await request(app)
      .get(`/v1/contacts/c-ada/timeline?${query}`)
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field, in: 'query' });
    expect(interactions.calls).toHaveLength(0);
  });

  it('binds the cursor to the kinds it was issued for', async () => {
    const { app } = buildTestApp();
    const cursor = encodeCursor('timeline', { contactId: 'c-ada', kinds: 'gift' }, 'token');

    const same = await request(app)
      .get(`/v1/contacts/c-ada/timeline?kind=gift&cursor=${cursor}`)
      .set('Authorization', bearer());
    const other = await request(app)
      .get(`/v1/contacts/c-ada/timeline?kind=refund&cursor=${cursor}`)
      .set('Authorization', bearer());

    expect(same.status).toBe(200);
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ field: 'cursor' });
  });

  it('refuses a cursor of the interaction list', async () => {
    const { app } = buildTestApp();
    const cursor = encodeCursor('interaction', {}, 'token');

    const res = await request(app)
      .get(`/v1/contacts/c-ada/timeline?cursor=${cursor}`)
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'cursor' });
  });
});
