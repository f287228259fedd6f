import request from 'supertest';
import { isAllowed, PERMISSIONS } from '../src/domain/permissions';
import type { Permission } from '../src/domain/permissions';
import { PERSON, bearer, buildTestApp, token } from './support/test-app';

describe('authentication', () => {
  const cases: Array<[string, () => Record<string, string>, string]> = [
    ['no Authorization header', () => ({}), 'Send Authorization: Bearer <token>.'],
    [
      'a non-Bearer scheme',
      () => ({ Authorization: 'Basic dXNlcjpwYXNz' }),
      'Send Authorization: Bearer <token>.',
    ],
    ['a malformed token', () => ({ Authorization: 'Bearer not.a.jwt' }), 'The token is not valid.'],
    [
      'an expired token',
      () => ({ Authorization: `Bearer ${token({ expiresInSeconds: -60 })}` }),
      'The token has expired.',
    ],
    [
      'a token for another audience',
      () => ({ Authorization: `Bearer ${token({}, { audience: 'someone-else' })}` }),
      'The token is not valid.',
    ],
    [
      'a token from another issuer',
      () => ({ Authorization: `Bearer ${token({}, { issuer: 'evil' })}` }),
      'The token is not valid.',
    ],
    [
      'a token signed with another secret',
      () => ({ Authorization: `Bearer ${token({}, { hs256Secret: 'x'.repeat(40) })}` }),
      'The token is not valid.',
    ],
  ];

  it.each(cases)('answers 401 problem+json for %s', async (_label, headers, detail) => {
    const { app, contacts } = buildTestApp();

    const res = await request(app).get('/v1/contacts').set(headers());

    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="kith"/);
    expect(res.body).toEqual({
      type: 'urn:kith:problem:unauthenticated',
      title: 'Authentication required',
      status: 401,
      detail,
      instance: '/v1/contacts',
      errors: [],
    });
    expect(contacts.calls).toHaveLength(0);
  });

  it('authenticates before reading the body, so an anonymous oversize body gets 401', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(200_000) }));

    expect(res.status).toBe(401);
  });

  it.each(['/healthz', '/readyz', '/metrics', '/docs', '/v1/openapi.json'])(
    'serves %s without a token',
    async (path) => {
      const { app } = buildTestApp();

      const res = await request(app).get(path);

      expect(res.status).toBe(200);
    },
  );

  it('takes the tenant from the token even when the request names another', async () => {
    const { app, contacts } = buildTestApp();

    await request(app)
      .post('/v1/contacts?tenant=tenant-evil')
      .set('Authorization', bearer({ tenant: 'tenant-a' }))
      .set('X-Tenant-Id', 'tenant-evil')
      .send(PERSON);

    expect(contacts.calls[0]?.ctx.tenantId).toBe('tenant-a');
  });
});

describe('permissions', () => {
  const table: Array<[Permission, string, boolean]> = [
    ['contact:read', 'readonly', true],
    ['contact:read', 'analyst', true],
    ['contact:write', 'readonly', false],
    ['contact:write', 'analyst', false],
    ['contact:write', 'fundraiser', true],
    ['contact:write', 'volunteer-coordinator', true],
    ['contact:delete', 'fundraiser', false],
    ['contact:delete', 'manager', true],
    ['contact:delete', 'admin', true],
    ['contact:read', 'unknown-role', false],
  ];

  it.each(table)('%s for role %s is %s', (permission, role, expected) => {
    expect(isAllowed([role], permission)).toBe(expected);
  });

  it('grants read to every role, since everyone in a tenant may look contacts up', () => {
    expect(PERMISSIONS['contact:read']).toHaveLength(7);
  });

  it('answers 403 when a readonly user creates a contact', async () => {
    const { app, contacts } = buildTestApp();

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer({ roles: ['readonly'] }))
      .send(PERSON);

    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:kith:problem:forbidden');
    expect(contacts.calls).toHaveLength(0);
  });

  it('answers 403 when a fundraiser deletes, but lets them read and write', async () => {
    const { app } = buildTestApp();
    const auth = bearer({ roles: ['fundraiser'] });
    const created = await request(app).post('/v1/contacts').set('Authorization', auth).send(PERSON);
    const read = await request(app)
      .get(`/v1/contacts/${created.body.id}`)
      .set('Authorization', auth);

    const res = await request(app)
      .delete(`/v1/contacts/${created.body.id}`)
      .set('Authorization', auth)
      .set('If-Match', '"1"');

    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(res.status).toBe(403);
  });
});
