// End to end: the gateway and the contact service, running in this process against the
// real Kafka and MongoDB-wire server of the test global setup, driven over HTTP only.
import { randomBytes } from 'node:crypto';
import { TOPICS } from '@kith/events';
import { mintTestJwt, readTopic, testInfra } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e-lifecycle');
  baseUrl = stack.baseUrl;
});

afterAll(async () => {
  await stack?.stop();
});

function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

test('a contact created over REST is readable, published as a CloudEvent, and invisible to another tenant', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, sub: 'user-1', roles: ['fundraiser'] });
  const traceId = randomBytes(16).toString('hex');

  const created = await api('/v1/contacts', token, {
    method: 'POST',
    headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    body: JSON.stringify({
      name: { firstName: 'Ada', lastName: 'Lovelace' },
      emails: [{ address: 'Ada@Example.org', type: 'work' }],
      tags: ['Donor'],
    }),
  });
  expect(created.status).toBe(201);
  const body = (await created.json()) as { id: string; version: number; displayName: string };
  expect(body).toMatchObject({ kind: 'person', version: 1, displayName: 'Ada Lovelace' });
  expect(created.headers.get('location')).toBe(`/v1/contacts/${body.id}`);

  const read = await api(`/v1/contacts/${body.id}`, token);
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({
    id: body.id,
    name: { firstName: 'Ada', lastName: 'Lovelace' },
    emails: [{ address: 'ada@example.org', type: 'work', primary: true }],
    tags: ['donor'],
  });

  const [message] = await readTopic({
    brokers: testInfra().kafkaBrokers,
    topic: `${stack.topicPrefix}${TOPICS.contact}`,
    count: 1,
  });
  expect(message?.key).toBe(body.id);
  expect(message?.headers).toMatchObject({
    ce_specversion: '1.0',
    ce_type: 'kith.contact.created.v1',
    ce_source: 'kith/contact',
    ce_subject: body.id,
    kithtenant: tenant,
    'content-type': 'application/json',
  });
  expect(message?.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Date(message?.headers.ce_time ?? '').toISOString()).toBe(message?.headers.ce_time);
  // The request's trace continues through gRPC into the event.
  expect(message?.headers.traceparent?.split('-')[1]).toBe(traceId);
  const data = JSON.parse(message?.value?.toString() ?? '{}') as { contact: { id: string } };
  expect(data.contact.id).toBe(body.id);

  const otherTenant = mintTestJwt({ tenant: `${tenant}-other`, roles: ['admin'] });
  const foreign = await api(`/v1/contacts/${body.id}`, otherTenant);
  expect(foreign.status).toBe(404);
  expect(foreign.headers.get('content-type')).toContain('application/problem+json');
  expect(await foreign.json()).toMatchObject({ status: 404 });
});
