import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { IMPORT_BATCH_SIZE } from '../src/modules/contact/import-upload';
import { bearer, buildTestApp, PERSON } from './support/test-app';

function csv(rows: number, start = 1): string {
  const lines = ['First Name,Last Name,Email'];
  for (let i = start; i < start + rows; i++) {
    // Every tenth row has no name: the (fake) service fails it.
    lines.push(
      i % 10 === 0 ? `,,nobody-${i}@example.org` : `Ada${i},Lovelace,ada-${i}@example.org`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function upload(app: ReturnType<typeof buildTestApp>['app'], path: string, body: string) {
  return request(app)
    .post(path)
    .set('Authorization', bearer())
    .set('Content-Type', 'text/csv')
    .send(body);
}

describe('POST /v1/imports/contacts', () => {
  it('imports a CSV body in one request and answers the finished job', async () => {
    const { app } = buildTestApp();

    const res = await upload(app, '/v1/imports/contacts?onDuplicate=update', csv(20));

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/imports/${res.body.job.id}`);
    expect(res.body.job).toMatchObject({
      status: 'finished',
      onDuplicate: 'update',
      checkpoint: 20,
      counts: { rows: 20, created: 18, failed: 2, updated: 0, skipped: 0 },
    });
    expect(res.body.upload).toEqual({ rows: 20, alreadyDone: 0, unmappedColumns: [] });
  });

  it('sends the rows to the contact service in batches, numbered from 1', async () => {
    const { app, imports } = buildTestApp();

    await upload(app, '/v1/imports/contacts', csv(IMPORT_BATCH_SIZE + 3));

    expect(imports.batches.map((b) => b.length)).toEqual([IMPORT_BATCH_SIZE, 3]);
    expect(imports.batches[1]?.[0]?.rowNumber).toBe(String(IMPORT_BATCH_SIZE + 1));
  });

  it('refuses a JSON body with 415', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/imports/contacts')
      .set('Authorization', bearer())
      .send({ rows: [] });

    expect(res.status).toBe(415);
  });

  it('still refuses CSV on routes that are not imports', async () => {
    const { app } = buildTestApp();

    const res = await upload(app, '/v1/contacts', csv(1));

    expect(res.status).toBe(415);
  });

  it('answers 400 for a mapping to a field that does not exist', async () => {
    const { app } = buildTestApp();

    const res = await upload(app, '/v1/imports/contacts?map=Email%3Dmail', csv(1));

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'map', message: '"mail" is not an import field', in: 'query' },
    ]);
  });

  it('answers 400 for an empty file', async () => {
    const { app } = buildTestApp();

    expect((await upload(app, '/v1/imports/contacts', '')).status).toBe(400);
  });

  it.each([
    ['a mapping to a field that does not exist', '?map=Email%3Dmail', csv(1), 'map', 'query'],
    ['a mapping of a column the file lacks', '?map=Mail%3Demail', csv(1), 'map', 'query'],
    ['an empty body', '', '', '(body)', 'body'],
    ['a header that maps no column', '', 'Notes,Remarks\nx,y\n', '(body)', 'body'],
  ])(
    'opens no job for %s, and says what was wrong with the request',
    async (_, query, body, field, where) => {
      const { app, imports } = buildTestApp();

      const res = await upload(app, `/v1/imports/contacts${query}`, body);

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, in: where })]);
      expect(res.body.detail).not.toMatch(/import|rows stored/i);
      expect(res.headers.location).toBeUndefined();
      expect(imports.calls.filter((c) => c.method === 'StartContactImport')).toEqual([]);
    },
  );

  it('names the job and where to go on when the file breaks after rows were stored', async () => {
    const { app } = buildTestApp();
    const broken = `${csv(IMPORT_BATCH_SIZE + 5)}"unterminated,Lovelace,x@example.org\n`;

    const res = await upload(app, '/v1/imports/contacts', broken);

    expect(res.status).toBe(400);
    expect(res.headers.location).toBe('/v1/imports/job-1');
    expect(res.body.detail).toContain(
      `Import job-1 keeps rows 1 to ${IMPORT_BATCH_SIZE}; continue with POST /v1/imports/job-1/rows?firstRow=${IMPORT_BATCH_SIZE + 1}.`,
    );
  });

  it('is refused to roles without contact:import', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .post('/v1/imports/contacts')
      .set('Authorization', bearer({ roles: ['fundraiser'] }))
      .set('Content-Type', 'text/csv')
      .send(csv(1));

    expect(res.status).toBe(403);
  });
});

describe('an import in parts', () => {
  async function givenJob(app: ReturnType<typeof buildTestApp>['app']): Promise<string> {
    const res = await request(app)
      .post('/v1/imports')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'import-1')
      .send({ onDuplicate: 'skip', fileName: 'people.csv' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('takes parts with their place in the file and finishes with the final one', async () => {
    const { app } = buildTestApp();
    const id = await givenJob(app);

    await upload(app, `/v1/imports/${id}/rows?firstRow=1`, csv(5));
    const last = await upload(app, `/v1/imports/${id}/rows?firstRow=6&final=true`, csv(5, 6));

    expect(last.status).toBe(200);
    expect(last.body.job).toMatchObject({ status: 'finished', checkpoint: 10 });
    expect(last.body.job.counts.rows).toBe(10);
  });

  it('skips rows an earlier upload stored when a part is sent again', async () => {
    const { app } = buildTestApp();
    const id = await givenJob(app);
    await upload(app, `/v1/imports/${id}/rows`, csv(5));

    const again = await upload(app, `/v1/imports/${id}/rows`, csv(7));

    expect(again.body.upload).toMatchObject({ rows: 7, alreadyDone: 5 });
    expect(again.body.job.counts.rows).toBe(7);
  });

  it('reports progress and serves the failed rows as CSV', async () => {
    const { app } = buildTestApp();
    const id = await givenJob(app);
    await upload(app, `/v1/imports/${id}/rows`, csv(20));

    const progress = await request(app).get(`/v1/imports/${id}`).set('Authorization', bearer());
    const report = await request(app)
      .get(`/v1/imports/${id}/errors.csv`)
      .set('Authorization', bearer());

    expect(progress.body.counts).toMatchObject({ rows: 20, failed: 2 });
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(report.text).toBe(
      'row,errors,First Name,Last Name,Email\n' +
        '10,person: a person needs a first or last name,,,nobody-10@example.org\n' +
        '20,person: a person needs a first or last name,,,nobody-20@example.org\n',
    );
  });

  it("answers 404 for another tenant's job", async () => {
    const { app } = buildTestApp();
    const id = await givenJob(app);

    const res = await request(app)
      .get(`/v1/imports/${id}/errors.csv`)
      .set('Authorization', bearer({ tenant: 'tenant-b' }));

    expect(res.status).toBe(404);
  });
});

describe('GET /v1/contacts/export.csv', () => {
  it('streams every page of the filtered list under the export header', async () => {
    const { app, contacts } = buildTestApp();
    for (let i = 0; i < 3; i++) {
      const res = await request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .send({ ...PERSON, tags: ['gala'] });
      expect(res.status).toBe(201);
    }

    const res = await request(app)
      .get('/v1/contacts/export.csv?tag=gala')
      .set('Authorization', bearer({ roles: ['analyst'] }));

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,kind,displayName,prefix,firstName/);
    expect(lines).toHaveLength(4);
    expect(contacts.calls.filter((c) => c.method === 'ListContacts')).not.toHaveLength(0);
  });

  it('adds a cf.<key> column per live custom field of the record type, with the values', async () => {
    const { app, customFields } = buildTestApp();
    const ctx = { tenantId: 'tenant-a', userId: 'user-1', roles: ['admin'] };
    const define = (key: string, type: string, recordType = 'person') =>
      customFields
        .CreateCustomField({ recordType, key, spec: { label: key, type } }, ctx)
        .then((res) => res.customField);
    await define('gift_aid', 'boolean');
    await define('interests', 'multi_select');
    await define('sector', 'text', 'organization');
    const retired = await define('retired', 'text');
    await customFields.ArchiveCustomField(
      { recordType: 'person', key: 'retired', expectedVersion: retired?.version },
      ctx,
    );
    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send({ ...PERSON, customFields: { gift_aid: true, interests: ['art', 'music'] } });
    expect(created.status).toBe(201);

    const res = await request(app).get('/v1/contacts/export.csv').set('Authorization', bearer());

    expect(res.status).toBe(200);
    const [header, row] = parse(res.text) as string[][];
    const cell = (column: string) => row?.[header?.indexOf(column) ?? -1];
    expect(header?.filter((c) => c.startsWith('cf.'))).toEqual(['cf.gift_aid', 'cf.interests']);
    expect(cell('cf.gift_aid')).toBe('true');
    expect(cell('cf.interests')).toBe('art; music');
    expect(customFields.calls.filter((c) => c.method === 'ListCustomFields')).toHaveLength(1);
  });

  it('answers 400 for an invalid filter before sending anything', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .get('/v1/contacts/export.csv?email=not-an-email')
      .set('Authorization', bearer());

    expect(res.status).toBe(400);
  });

  it('is refused to roles without contact:export-csv', async () => {
    const { app } = buildTestApp();

    const res = await request(app)
      .get('/v1/organizations/export.csv')
      .set('Authorization', bearer({ roles: ['volunteer-coordinator'] }));

    expect(res.status).toBe(403);
  });
});

describe('batches of a wide file', () => {
  it('sends a batch early once its cells reach a megabyte, so no gRPC message nears 4 MB', async () => {
    const { app, imports } = buildTestApp();
    const wide = 'x'.repeat(10_000);
    const lines = ['First Name,Notes', ...Array.from({ length: 300 }, (_, i) => `Ada${i},${wide}`)];

    const res = await upload(app, '/v1/imports/contacts', `${lines.join('\n')}\n`);

    expect(res.status).toBe(201);
    expect(imports.batches.length).toBeGreaterThan(1);
    expect(imports.batches.every((b) => b.length <= 105)).toBe(true);
  });
});
