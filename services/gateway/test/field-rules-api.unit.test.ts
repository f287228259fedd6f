// The character and country rules at the REST edge (the shared rules of @kith/contracts):
// refused with 400 and the field's path before any upstream call.
import request from 'supertest';
import { PERSON, bearer, buildTestApp } from './support/test-app';

function post(app: ReturnType<typeof buildTestApp>['app'], path: string, body: unknown) {
  return request(app)
    .post(path)
    .set('Authorization', bearer())
    .send(body as object);
}

function problemFields(body: { errors: Array<{ field: string }> }): string[] {
  return body.errors.map((e) => e.field);
}

describe('country codes at the REST edge', () => {
  it.each(['JJ', 'XX'])('refuses a person’s address in %s, naming the field', async (code) => {
    const { app, contacts } = buildTestApp();

    const res = await post(app, '/v1/contacts', {
      ...PERSON,
      addresses: [{ line1: '1 Main St', countryCode: code }],
    });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'addresses[0].countryCode',
        message: 'must be an ISO 3166-1 alpha-2 country code, e.g. US',
        in: 'body',
      },
    ]);
    expect(contacts.calls).toHaveLength(0);
  });

  it('refuses a household mailing address in no country', async () => {
    const { app, households } = buildTestApp();

    const res = await post(app, '/v1/households', {
      mailingAddress: { line1: '1 Main St', countryCode: 'xx' },
    });

    expect(res.status).toBe(400);
    expect(problemFields(res.body)).toEqual(['mailingAddress.countryCode']);
    expect(households.calls).toHaveLength(0);
  });

  it('still takes an assigned code in lower case', async () => {
    const { app } = buildTestApp();

    const res = await post(app, '/v1/contacts', {
      ...PERSON,
      addresses: [{ line1: '1 Main St', countryCode: 'de' }],
    });

    expect(res.status).toBe(201);
  });
});

describe('characters in free text at the REST edge', () => {
  it('refuses NUL and escape characters in a person’s names, naming each field', async () => {
    const { app, contacts } = buildTestApp();

    const res = await post(app, '/v1/contacts', {
      name: { firstName: 'Ja\u0000ne', lastName: '\u001b[31mSmith' },
    });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'name.firstName', message: 'must not contain control characters', in: 'body' },
      { field: 'name.lastName', message: 'must not contain control characters', in: 'body' },
    ]);
    expect(contacts.calls).toHaveLength(0);
  });

  it('refuses a lone surrogate in a person’s name', async () => {
    const { app } = buildTestApp();

    const res = await post(app, '/v1/contacts', { name: { firstName: '\uD800' } });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'name.firstName',
        message: 'must be valid Unicode text (no lone surrogates)',
        in: 'body',
      },
    ]);
  });

  it('refuses control characters in an organization’s name and a household’s override', async () => {
    const { app } = buildTestApp();

    const organization = await post(app, '/v1/organizations', { name: 'Acme\u0007' });
    const household = await post(app, '/v1/households', { nameOverride: 'The Smiths\u0000' });

    expect(organization.status).toBe(400);
    expect(problemFields(organization.body)).toEqual(['name']);
    expect(household.status).toBe(400);
    expect(problemFields(household.body)).toEqual(['nameOverride']);
  });

  it('refuses control characters in a PATCH of a person’s name and an email address', async () => {
    const { app } = buildTestApp();
    const created = await post(app, '/v1/contacts', PERSON);

    const res = await request(app)
      .patch(`/v1/contacts/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ name: { middleName: 'Q\u0000' }, emails: [{ address: 'ada\u0000@example.org' }] });

    expect(res.status).toBe(400);
    expect(problemFields(res.body)).toEqual(['name.middleName', 'emails[0].address']);
  });

  it('keeps accepting accents, other scripts and emoji', async () => {
    const { app } = buildTestApp();

    const res = await post(app, '/v1/contacts', {
      name: { firstName: 'Zoë 李', lastName: 'O’Brien 👩‍👧' },
    });

    expect(res.status).toBe(201);
  });
});
