import request from 'supertest';
import { isAllowed } from '../src/domain/permissions';
import { encodeRelationshipCursor } from '../src/domain/relationship-cursor';
import { bearer, buildTestApp } from './support/test-app';

function appWithAdaAndAcme() {
  const built = buildTestApp();
  built.relationships.addContact('tenant-a', 'p-ada', 'person', 'Ada Lovelace');
  built.relationships.addContact('tenant-a', 'o-acme', 'organization', 'Acme');
  return built;
}

const EMPLOYMENT = {
  typeCode: 'employee-of',
  contactAId: 'p-ada',
  contactBId: 'o-acme',
  startDate: '2024-03-01',
};

describe('relationships over REST', () => {
  it('creates a relationship with 201, a Location, an ETag and both labels', async () => {
    const { app } = appWithAdaAndAcme();

    const res = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .send(EMPLOYMENT);

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/relationships/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      typeCode: 'employee-of',
      labelAToB: 'employee of',
      labelBToA: 'employer of',
      symmetric: false,
      contactAId: 'p-ada',
      contactBId: 'o-acme',
      startDate: '2024-03-01',
      endDate: null,
      description: null,
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletedAt: null,
    });
  });

  it('lists the organization as "employer of" the person who was related from her side', async () => {
    const { app } = appWithAdaAndAcme();
    await request(app).post('/v1/relationships').set('Authorization', bearer()).send(EMPLOYMENT);

    const res = await request(app)
      .get('/v1/organizations/o-acme/relationships')
      .set('Authorization', bearer({ roles: ['readonly'] }));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        expect.objectContaining({
          typeCode: 'employee-of',
          label: 'employer of',
          side: 'b',
          otherContact: { id: 'p-ada', kind: 'person', displayName: 'Ada Lovelace' },
        }),
      ],
      nextCursor: null,
    });
  });

  it('asks the service for the path’s kind, so a person’s list of an organization is a 404', async () => {
    const { app, relationships } = appWithAdaAndAcme();

    const res = await request(app)
      .get('/v1/contacts/o-acme/relationships')
      .set('Authorization', bearer());

    expect(res.status).toBe(404);
    expect(relationships.calls.at(-1)?.request).toMatchObject({ contactKind: 'person' });
  });

  it('passes includeInactive and the type filter to the service', async () => {
    const { app, relationships } = appWithAdaAndAcme();

    await request(app)
      .get('/v1/contacts/p-ada/relationships?includeInactive=true&typeCode=employee-of&limit=5')
      .set('Authorization', bearer());

    expect(relationships.calls.at(-1)?.request).toEqual({
      contactId: 'p-ada',
      contactKind: 'person',
      pageSize: 5,
      pageToken: '',
      includeInactive: true,
      typeCode: 'employee-of',
    });
  });

  it('refuses a cursor issued for another contact’s list', async () => {
    const { app } = appWithAdaAndAcme();
    const cursor = encodeRelationshipCursor('person:p-zed', ['', false], '50');

    const res = await request(app)
      .get(`/v1/contacts/p-ada/relationships?cursor=${cursor}`)
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', in: 'query' })]);
  });

  it('answers 409 problem+json to a duplicate current relationship', async () => {
    const { app } = appWithAdaAndAcme();
    await request(app).post('/v1/relationships').set('Authorization', bearer()).send(EMPLOYMENT);

    const res = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer())
      .send(EMPLOYMENT);

    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:kith:problem:already-exists');
  });

  it('refuses a malformed date and an unknown field with 400 before calling the service', async () => {
    const { app, relationships } = appWithAdaAndAcme();

    const res = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer())
      .send({ ...EMPLOYMENT, startDate: '01/03/2024', label: 'boss' });

    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'label',
      'startDate',
    ]);
    expect(relationships.calls).toEqual([]);
  });

  it('ends a relationship with PATCH endDate guarded by If-Match', async () => {
    const { app } = appWithAdaAndAcme();
    const created = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer())
      .send(EMPLOYMENT);

    const res = await request(app)
      .patch(`/v1/relationships/${created.body.id}`)
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ endDate: '2026-01-31' });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ endDate: '2026-01-31', active: false, version: 2 });
  });

  it('answers 428 to a PATCH without If-Match and 409 to a stale one', async () => {
    const { app } = appWithAdaAndAcme();
    const created = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer())
      .send(EMPLOYMENT);
    const path = `/v1/relationships/${created.body.id}`;

    const missing = await request(app)
      .patch(path)
      .set('Authorization', bearer())
      .send({ description: 'x' });
    const stale = await request(app)
      .patch(path)
      .set('Authorization', bearer())
      .set('If-Match', '"7"')
      .send({ description: 'x' });

    expect([missing.status, stale.status]).toEqual([428, 409]);
  });

  it('lets only roles with contact:delete delete a relationship', async () => {
    const { app } = appWithAdaAndAcme();
    const created = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer())
      .send(EMPLOYMENT);

    const res = await request(app)
      .delete(`/v1/relationships/${created.body.id}`)
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .set('If-Match', '"1"');

    expect(res.status).toBe(403);
  });

  it('hides another tenant’s relationship behind a 404', async () => {
    const { app } = appWithAdaAndAcme();
    const created = await request(app)
      .post('/v1/relationships')
      .set('Authorization', bearer())
      .send(EMPLOYMENT);

    const res = await request(app)
      .get(`/v1/relationships/${created.body.id}`)
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    expect(res.status).toBe(404);
  });
});

describe('relationship types over REST', () => {
  it('lists the catalogue to any reader', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .get('/v1/relationship-types')
      .set('Authorization', bearer({ roles: ['readonly'] }));

    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ code: 'employee-of', builtIn: true, version: 1 });
    expect(res.body.nextCursor).toBeNull();
  });

  it('lets a manager add a type, answering 201 with its Location', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/relationship-types')
      .set('Authorization', bearer({ roles: ['manager'] }))
      .send({
        code: 'mentor-of',
        labelAToB: 'mentor of',
        labelBToA: 'mentee of',
        contactKindA: 'person',
        contactKindB: 'person',
      });

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/v1/relationship-types/mentor-of');
    expect(res.body).toMatchObject({ code: 'mentor-of', symmetric: false, active: true });
  });

  it('refuses a fundraiser adding a type with 403', async () => {
    const { app, relationships } = buildTestApp();

    const res = await request(app)
      .post('/v1/relationship-types')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .send({
        code: 'mentor-of',
        labelAToB: 'mentor of',
        contactKindA: 'person',
        contactKindB: 'person',
        symmetric: true,
      });

    expect(res.status).toBe(403);
    expect(relationships.calls).toEqual([]);
  });

  it('deactivates a built-in with PATCH, sending only the active path', async () => {
    const { app, relationships } = buildTestApp();

    const res = await request(app)
      .patch('/v1/relationship-types/employee-of')
      .set('Authorization', bearer({ roles: ['admin'] }))
      .set('If-Match', '"1"')
      .send({ active: false });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ code: 'employee-of', active: false });
    expect(relationships.calls.at(-1)?.request).toEqual({
      code: 'employee-of',
      expectedVersion: '1',
      active: false,
      updateMask: { paths: ['active'] },
    });
  });

  it('refuses a PATCH that tries to change a type’s kinds', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .patch('/v1/relationship-types/employee-of')
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send({ contactKindA: 'any' });

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({
      field: 'contactKindA',
      message: 'Unknown field.',
      in: 'body',
    });
  });

  it('grants relationship-type:manage to admins and managers only', () => {
    expect(
      ['admin', 'manager', 'fundraiser', 'marketer', 'readonly'].map((role) =>
        isAllowed([role], 'relationship-type:manage'),
      ),
    ).toEqual([true, true, false, false, false]);
  });
});
