import * as grpc from '@grpc/grpc-js';
import request from 'supertest';
import { grpcError } from './support/grpc-error';
import { PERSON, bearer, buildTestApp } from './support/test-app';

describe('Idempotency-Key on POST', () => {
  it('replays the first response for a retry with the same key and body', async () => {
    const { app, contacts } = buildTestApp();
    const send = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-1')
        .send(PERSON);

    const first = await send();
    const second = await send();

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(contacts.calls.filter((c) => c.method === 'CreateContact')).toHaveLength(1);
  });

  it('treats the same JSON with another key order as the same body', async () => {
    const { app, contacts } = buildTestApp();
    const post = (body: string) =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-order')
        .set('Content-Type', 'application/json')
        .send(body);

    await post('{"name":{"firstName":"Ada","lastName":"L"},"tags":["a"]}');
    const retry = await post('{"tags":["a"],"name":{"lastName":"L","firstName":"Ada"}}');

    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(contacts.calls.filter((c) => c.method === 'CreateContact')).toHaveLength(1);
  });

  it('answers 422 when the key is reused with a different body', async () => {
    const { app } = buildTestApp();
    await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-2')
      .send(PERSON);

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-2')
      .send({ name: { firstName: 'Someone else' } });

    expect(res.status).toBe(422);
    expect(res.body.type).toBe('urn:kith:problem:idempotency-key-reused');
  });

  it('answers 422 when the key is reused on another path', async () => {
    const { app } = buildTestApp();
    await request(app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-3')
      .send({ name: 'Org' });

    const res = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-3')
      .send({ name: { firstName: 'Org' } });

    expect(res.status).toBe(422);
  });

  it('answers 409 to a duplicate that arrives while the first is still in flight', async () => {
    const { app, contacts } = buildTestApp();
    let open!: () => void;
    contacts.createGate = new Promise<void>((resolve) => (open = resolve));
    const post = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-4')
        .send(PERSON);

    const first = post().then((r) => r);
    await waitUntil(() => contacts.calls.some((c) => c.method === 'CreateContact'));
    const duplicate = await post();
    open();

    expect(duplicate.status).toBe(409);
    expect(duplicate.body.type).toBe('urn:kith:problem:idempotency-key-in-flight');
    expect((await first).status).toBe(201);
  });

  it('lets a duplicate that arrives while the first is in flight wait, then replays the answer', async () => {
    const { app, contacts, idempotencyStore } = buildTestApp({ idempotencyWaitMs: 10_000 });
    let open!: () => void;
    contacts.createGate = new Promise<void>((resolve) => (open = resolve));
    const outcomes: string[] = [];
    const begin = idempotencyStore.begin.bind(idempotencyStore);
    idempotencyStore.begin = async (...args) => {
      const begun = await begin(...args);
      outcomes.push(begun.outcome);
      return begun;
    };
    const post = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-4b')
        .send(PERSON);

    const first = post().then((r) => r);
    await waitUntil(() => contacts.calls.some((c) => c.method === 'CreateContact'));
    const duplicate = post().then((r) => r);
    await waitUntil(() => outcomes.includes('in-flight'));
    open();

    expect((await duplicate).status).toBe(201);
    expect((await duplicate).headers['idempotent-replayed']).toBe('true');
    expect((await duplicate).body).toEqual((await first).body);
    expect(contacts.calls.filter((c) => c.method === 'CreateContact')).toHaveLength(1);
  });

  it('keeps keys apart per user, so another user with the same key creates anew', async () => {
    const { app, contacts } = buildTestApp();
    for (const sub of ['user-1', 'user-2']) {
      await request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer({ sub }))
        .set('Idempotency-Key', 'shared')
        .send(PERSON);
    }

    expect(contacts.calls.filter((c) => c.method === 'CreateContact')).toHaveLength(2);
  });

  it('releases the key after a 5xx so the retry really runs', async () => {
    const { app, contacts } = buildTestApp();
    contacts.failNext = grpcError(grpc.status.UNAVAILABLE, 'down');
    const post = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-5')
        .send(PERSON);

    const failed = await post();
    const retried = await post();

    expect(failed.status).toBe(503);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores and replays a 4xx answer from the service', async () => {
    const { app, contacts } = buildTestApp();
    contacts.failNext = grpcError(grpc.status.ALREADY_EXISTS, 'duplicate contact');
    const post = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-6')
        .send(PERSON);

    const first = await post();
    const replay = await post();

    expect(first.status).toBe(409);
    expect(replay.status).toBe(409);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('claims no key for an invalid request', async () => {
    const { app, idempotencyStore } = buildTestApp();

    await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-7')
      .send({ bogus: true });

    expect(idempotencyStore.entries.size).toBe(0);
  });

  it('passes the key to the contact service', async () => {
    const { app, contacts } = buildTestApp();

    await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-8')
      .send(PERSON);

    expect(contacts.calls[0]?.ctx.idempotencyKey).toBe('key-8');
  });

  it('answers 400 for a key with spaces or over 255 characters', async () => {
    const { app } = buildTestApp();
    for (const key of ['has space', 'k'.repeat(256)]) {
      const res = await request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', key)
        .send(PERSON);

      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'idempotency-key', in: 'header' });
    }
  });

  it('stores the created contact id with the response, so an erasure can find it', async () => {
    const { app, idempotencyStore } = buildTestApp();

    const created = await request(app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'key-contact')
      .send(PERSON);

    const [entry] = [...idempotencyStore.entries.values()];
    expect(entry?.contacts).toEqual({ contactId: (created.body as { id: string }).id });
  });

  it('answers 410 problem+json and creates nothing for a retry after the person was erased', async () => {
    const { app, contacts, idempotencyStore } = buildTestApp();
    const send = () =>
      request(app)
        .post('/v1/contacts')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'key-erased')
        .send(PERSON);
    const created = await send();
    await idempotencyStore.eraseContact('tenant-a', (created.body as { id: string }).id);

    const retry = await send();

    expect(retry.status).toBe(410);
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toMatchObject({ type: 'urn:kith:problem:response-erased', status: 410 });
    expect(JSON.stringify(retry.body)).not.toContain('Lovelace');
    expect(contacts.calls.filter((c) => c.method === 'CreateContact')).toHaveLength(1);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never became true');
}
