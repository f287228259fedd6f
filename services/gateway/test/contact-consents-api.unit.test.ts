import request from 'supertest';
import { ORGANIZATION, PERSON, bearer, buildTestApp } from './support/test-app';

async function createPerson(app: Parameters<typeof request>[0], body: object = PERSON) {
  const res = await request(app).post('/v1/contacts').set('Authorization', bearer()).send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe('consents over REST', () => {
  it('records a consent with 201 and shows it as current and in the history', async () => {
    const { app, contacts } = buildTestApp();
    const person = await createPerson(app);

    const posted = await request(app)
      .post(`/v1/contacts/${person.id}/consents`)
      .set('Authorization', bearer({ sub: 'user-7' }))
      .send({ channel: 'email', status: 'opted_in', source: 'web-form', statement: 'Yes please' });
    const read = await request(app)
      .get(`/v1/contacts/${person.id}/consents`)
      .set('Authorization', bearer());

    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      consent: { channel: 'email', status: 'opted_in', source: 'web-form', recordedBy: 'user-7' },
      version: 2,
      communication: { email: { status: 'opted_in' }, sms: null },
    });
    expect(read.status).toBe(200);
    expect(read.body.history).toEqual([posted.body.consent]);
    expect(contacts.calls.find((c) => c.method === 'RecordConsent')?.request).toMatchObject({
      contactId: person.id,
      statement: 'Yes please',
      capturedAt: '',
    });
  });

  it('replays the first answer to a POST repeated with the same Idempotency-Key, recording once', async () => {
    const { app, contacts } = buildTestApp();
    const person = await createPerson(app);
    const post = () =>
      request(app)
        .post(`/v1/contacts/${person.id}/consents`)
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'signup-1')
        .send({ channel: 'email', status: 'opted_in', source: 'web-form' });

    const first = await post();
    const second = await post();

    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(contacts.calls.filter((c) => c.method === 'RecordConsent')).toHaveLength(1);
  });

  it('passes the Idempotency-Key on to the contact service', async () => {
    const { app, contacts } = buildTestApp();
    const person = await createPerson(app);

    await request(app)
      .post(`/v1/contacts/${person.id}/consents`)
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'signup-2')
      .send({ channel: 'email', status: 'opted_in', source: 'web-form' });

    expect(contacts.calls.find((c) => c.method === 'RecordConsent')?.ctx.idempotencyKey).toBe(
      'signup-2',
    );
  });

  it('claims no Idempotency-Key for an invalid consent', async () => {
    const { app, idempotencyStore } = buildTestApp();
    const person = await createPerson(app);

    const res = await request(app)
      .post(`/v1/contacts/${person.id}/consents`)
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'signup-3')
      .send({ channel: 'fax', status: 'opted_in', source: 'web-form' });

    expect(res.status).toBe(400);
    expect(idempotencyStore.entries.size).toBe(0);
  });

  it('answers 400 naming each bad field, before anything is written', async () => {
    const { app, contacts } = buildTestApp();
    const person = await createPerson(app);

    const res = await request(app)
      .post(`/v1/contacts/${person.id}/consents`)
      .set('Authorization', bearer())
      .send({ channel: 'fax', status: 'opted_in', capturedAt: 'yesterday' });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'capturedAt',
      'channel',
      'source',
    ]);
    expect(contacts.calls.some((c) => c.method === 'RecordConsent')).toBe(false);
  });

  it('answers 404 for an organization id under /contacts without recording anything', async () => {
    const { app, contacts } = buildTestApp();
    const org = await request(app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .send(ORGANIZATION);

    const res = await request(app)
      .post(`/v1/contacts/${org.body.id}/consents`)
      .set('Authorization', bearer())
      .send({ channel: 'email', status: 'opted_out', source: 'call' });

    expect(res.status).toBe(404);
    expect(contacts.calls.some((c) => c.method === 'RecordConsent')).toBe(false);
  });

  it('refuses a read-only role with 403', async () => {
    const { app } = buildTestApp();
    const person = await createPerson(app);

    const res = await request(app)
      .post(`/v1/contacts/${person.id}/consents`)
      .set('Authorization', bearer({ roles: ['readonly'] }))
      .send({ channel: 'email', status: 'opted_out', source: 'call' });

    expect(res.status).toBe(403);
  });
});

describe('the fuller person model over REST', () => {
  it('sends personal fields, addresses and flags to the service and reads them back', async () => {
    const { app, contacts } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send({
        ...PERSON,
        birthDate: '1815-12-10',
        pronouns: 'she/her',
        doNotContact: true,
        emails: [{ address: 'ada@example.org', valid: false }],
        addresses: [{ line1: '12 St James Sq', countryCode: 'GB', validFrom: '2026-06-01' }],
      });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      birthDate: '1815-12-10',
      pronouns: 'she/her',
      doNotContact: true,
      emails: [{ address: 'ada@example.org', valid: false }],
      addresses: [
        { line1: '12 St James Sq', countryCode: 'GB', validFrom: '2026-06-01', valid: true },
      ],
    });
    expect(contacts.calls[0]?.request).toMatchObject({
      fields: { birthDate: '1815-12-10', doNotContact: true, deceased: false },
    });
  });

  it('turns a merge patch of personal fields into mask paths, null clearing a value', async () => {
    const { app, contacts } = buildTestApp();
    const person = await createPerson(app, { ...PERSON, gender: 'woman' });

    const res = await request(app)
      .patch(`/v1/contacts/${person.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ gender: null, deceasedDate: '2026-01-01', addresses: [] });

    expect(res.status).toBe(200);
    const update = contacts.calls.find((c) => c.method === 'UpdateContact')?.request as {
      updateMask: { paths: string[] };
      fields: Record<string, unknown>;
    };
    expect(update.updateMask.paths.sort()).toEqual(['addresses', 'deceased_date', 'gender']);
    expect(update.fields).toMatchObject({ gender: '', deceasedDate: '2026-01-01' });
  });

  it('refuses personal fields on an organization and a bad country code with 400', async () => {
    const { app } = buildTestApp();

    const org = await request(app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .send({ ...ORGANIZATION, birthDate: '2000-01-01' });
    const address = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send({ ...PERSON, addresses: [{ line1: 'x', countryCode: 'United Kingdom' }] });

    expect(org.status).toBe(400);
    expect(org.body.errors.map((e: { field: string }) => e.field)).toContain('birthDate');
    expect(address.status).toBe(400);
    expect(address.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'addresses[0].countryCode',
    ]);
  });
});

describe('the audit trail over REST', () => {
  it('shows entries with parsed before and after values to a manager', async () => {
    const { app, contacts } = buildTestApp();
    const person = await createPerson(app);
    contacts.auditEntries = [
      {
        id: 'e-2',
        contactId: person.id,
        version: '2',
        at: '2026-01-02T00:00:00.000Z',
        action: 'updated',
        actorId: 'user-3',
        changes: [{ field: 'tags', beforeJson: '["donor"]', afterJson: '' }],
      },
    ];

    const res = await request(app)
      .get(`/v1/contacts/${person.id}/audit?limit=10`)
      .set('Authorization', bearer({ roles: ['manager'] }));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        {
          id: 'e-2',
          version: 2,
          at: '2026-01-02T00:00:00.000Z',
          action: 'updated',
          actorId: 'user-3',
          changes: [{ field: 'tags', before: ['donor'], after: null }],
        },
      ],
      nextCursor: null,
    });
    expect(contacts.calls.find((c) => c.method === 'ListContactAudit')?.request).toEqual({
      contactId: person.id,
      pageSize: 10,
      pageToken: '',
    });
  });

  it('is closed to roles without contact:audit, and refuses a malformed cursor', async () => {
    const { app } = buildTestApp();
    const person = await createPerson(app);

    const fundraiser = await request(app)
      .get(`/v1/contacts/${person.id}/audit`)
      .set('Authorization', bearer({ roles: ['fundraiser'] }));
    const badCursor = await request(app)
      .get(`/v1/contacts/${person.id}/audit?cursor=not%20ours`)
      .set('Authorization', bearer());

    expect(fundraiser.status).toBe(403);
    expect(badCursor.status).toBe(400);
  });
});
