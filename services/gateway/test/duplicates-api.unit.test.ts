import request from 'supertest';
import { ORGANIZATION, PERSON, bearer, buildTestApp } from './support/test-app';

type App = ReturnType<typeof buildTestApp>['app'];

async function givenPerson(app: App, tenant = 'tenant-a'): Promise<{ id: string }> {
  const res = await request(app)
    .post('/v1/contacts')
    .set('Authorization', bearer({ tenant }))
    .send(PERSON);
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const RULES = { threshold: 6, rules: [{ name: 'same-phone', fields: ['phone'], weight: 6 }] };

describe('matching rules over REST', () => {
  it('reads the defaults at version 0 with an ETag', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .get('/v1/matching-rules')
      .set('Authorization', bearer({ roles: ['readonly'] }));

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ version: 0, isDefault: true, threshold: 10, updatedAt: null });
  });

  it('replaces the defaults with If-Match "0" and answers the new version', async () => {
    const { app, duplicates } = buildTestApp();

    const res = await request(app)
      .put('/v1/matching-rules')
      .set('Authorization', bearer())
      .set('If-Match', '"0"')
      .send(RULES);

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(duplicates.calls.at(-1)?.request).toEqual({ expectedVersion: '0', ...RULES });
  });

  it('answers 428 to a put without If-Match', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .put('/v1/matching-rules')
      .set('Authorization', bearer())
      .send(RULES);

    expect(res.status).toBe(428);
  });

  it.each([
    ['PUT', '/v1/matching-rules'],
    ['POST', '/v1/contacts/c-1/merge'],
  ])('answers 400, not 428 or a merge, to %s %s with an empty If-Match', async (method, path) => {
    const { app, duplicates } = buildTestApp();

    const send = method === 'PUT' ? request(app).put(path) : request(app).post(path);
    const res = await send
      .set('Authorization', bearer())
      .set('If-Match', '')
      .send(method === 'PUT' ? RULES : { victimId: 'c-2' });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'If-Match', in: 'header' })]);
    expect(duplicates.calls).toEqual([]);
  });

  it('answers 409 to a put with a stale version', async () => {
    const { app } = buildTestApp();
    await request(app)
      .put('/v1/matching-rules')
      .set('Authorization', bearer())
      .set('If-Match', '"0"')
      .send(RULES);

    const res = await request(app)
      .put('/v1/matching-rules')
      .set('Authorization', bearer())
      .set('If-Match', '"0"')
      .send(RULES);

    expect(res.status).toBe(409);
  });

  it('refuses an unknown match field with 400 naming it', async () => {
    const { app, duplicates } = buildTestApp();
    const body = { threshold: 5, rules: [{ name: 'x', fields: ['shoeSize'], weight: 5 }] };

    const res = await request(app)
      .put('/v1/matching-rules')
      .set('Authorization', bearer())
      .set('If-Match', '"0"')
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('rules[0].fields[0]');
    expect(duplicates.calls).toHaveLength(0);
  });

  it('lets only admins and managers change the rules', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .put('/v1/matching-rules')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .set('If-Match', '"0"')
      .send(RULES);

    expect(res.status).toBe(403);
  });
});

describe('duplicates over REST', () => {
  it("lists a person's duplicates with score and matched rules", async () => {
    const { app, duplicates } = buildTestApp();
    const jane = await givenPerson(app);
    duplicates.duplicates.set(`tenant-a:${jane.id}`, [
      {
        contact: {
          id: 'c-9',
          kind: 'CONTACT_KIND_PERSON',
          displayName: 'Jane Smith',
          version: '2',
        },
        score: 10,
        matchedRules: ['same-email'],
      },
    ]);

    const res = await request(app)
      .get(`/v1/contacts/${jane.id}/duplicates`)
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        {
          contact: { id: 'c-9', kind: 'person', displayName: 'Jane Smith', version: 2 },
          score: 10,
          matchedRules: ['same-email'],
        },
      ],
    });
    expect(duplicates.calls.at(-1)?.request).toEqual({
      contactId: jane.id,
      kind: 'CONTACT_KIND_PERSON',
    });
  });

  it("answers 404 for another tenant's contact", async () => {
    const { app } = buildTestApp();
    const jane = await givenPerson(app, 'tenant-b');

    const res = await request(app)
      .get(`/v1/contacts/${jane.id}/duplicates`)
      .set('Authorization', bearer());

    expect(res.status).toBe(404);
  });

  it('pages the tenant-wide scan with nextCursor', async () => {
    const { app, duplicates } = buildTestApp();
    const contact = (id: string) => ({
      id,
      kind: 'CONTACT_KIND_PERSON' as const,
      displayName: id,
      version: '1',
    });
    duplicates.scanPage = {
      pairs: [
        {
          a: contact('c-1'),
          b: contact('c-2'),
          score: 16,
          matchedRules: ['same-email', 'same-phone'],
        },
      ],
      nextPageToken: 'next',
      scannedContacts: 2,
      truncated: false,
      skippedKeys: [],
    };

    const res = await request(app)
      .get('/v1/duplicates?limit=1&kind=person')
      .set('Authorization', bearer());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nextCursor: 'next', scannedContacts: 2, truncated: false });
    expect(res.body.data[0].contacts.map((c: { id: string }) => c.id)).toEqual(['c-1', 'c-2']);
    expect(duplicates.calls.at(-1)?.request).toEqual({
      pageSize: 1,
      pageToken: '',
      kind: 'CONTACT_KIND_PERSON',
    });
  });
});

describe('merge over REST', () => {
  it('merges the victim into the survivor and answers the survivor with its ETag', async () => {
    const { app, duplicates } = buildTestApp();
    const survivor = await givenPerson(app);
    const victim = await givenPerson(app);

    const res = await request(app)
      .post(`/v1/contacts/${survivor.id}/merge`)
      .set('Authorization', bearer({ roles: ['manager'] }))
      .send({ victimId: victim.id, fieldChoices: { firstName: 'victim' } });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      survivor: { id: survivor.id, kind: 'person' },
      victimId: victim.id,
    });
    expect(duplicates.calls.at(-1)?.request).toEqual({
      survivorId: survivor.id,
      victimId: victim.id,
      expectedSurvivorVersion: '0',
      expectedVictimVersion: '0',
      fieldChoices: { firstName: 'victim' },
    });
  });

  it('passes If-Match on to the service as the expected survivor version', async () => {
    const { app, duplicates } = buildTestApp();
    const survivor = await givenPerson(app);
    const victim = await givenPerson(app);

    await request(app)
      .post(`/v1/contacts/${survivor.id}/merge`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ victimId: victim.id, victimVersion: 1 });

    expect(duplicates.calls.at(-1)?.request).toMatchObject({
      expectedSurvivorVersion: '1',
      expectedVictimVersion: '1',
    });
  });

  it('refuses a field that cannot be chosen with 400', async () => {
    const { app } = buildTestApp();
    const survivor = await givenPerson(app);

    const res = await request(app)
      .post(`/v1/contacts/${survivor.id}/merge`)
      .set('Authorization', bearer())
      .send({ victimId: 'c-2', fieldChoices: { emails: 'victim' } });

    expect(res.status).toBe(400);
  });

  it('answers 404 for the victim afterwards, naming the survivor in mergedInto', async () => {
    const { app } = buildTestApp();
    const survivor = await givenPerson(app);
    const victim = await givenPerson(app);
    await request(app)
      .post(`/v1/contacts/${survivor.id}/merge`)
      .set('Authorization', bearer())
      .send({ victimId: victim.id });

    const res = await request(app).get(`/v1/contacts/${victim.id}`).set('Authorization', bearer());

    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.text)).toEqual({
      type: 'urn:kith:problem:not-found',
      title: 'Resource not found',
      status: 404,
      detail: `contact ${victim.id} was merged into ${survivor.id}`,
      instance: `/v1/contacts/${victim.id}`,
      errors: [],
      mergedInto: survivor.id,
    });
  });

  it('answers 422 naming the other survivor in mergedInto when the victim was merged into another record', async () => {
    const { app } = buildTestApp();
    const [a, b, victim] = [await givenPerson(app), await givenPerson(app), await givenPerson(app)];
    await request(app)
      .post(`/v1/contacts/${a.id}/merge`)
      .set('Authorization', bearer())
      .send({ victimId: victim.id });

    const res = await request(app)
      .post(`/v1/contacts/${b.id}/merge`)
      .set('Authorization', bearer())
      .send({ victimId: victim.id });

    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, mergedInto: a.id });
  });

  it('answers 404 when merging into an organization through /contacts', async () => {
    const { app } = buildTestApp();
    const org = await request(app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .send(ORGANIZATION);

    const res = await request(app)
      .post(`/v1/contacts/${org.body.id}/merge`)
      .set('Authorization', bearer())
      .send({ victimId: 'c-9' });

    expect(res.status).toBe(404);
  });

  it('lets only admins and managers merge', async () => {
    const { app, duplicates } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts/c-1/merge')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .send({ victimId: 'c-2' });

    expect(res.status).toBe(403);
    expect(duplicates.calls).toHaveLength(0);
  });
});
