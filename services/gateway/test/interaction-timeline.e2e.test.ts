// End to end through the gateway only (HTTP), into the real contact and interaction services
// on the test global setup's Kafka and MongoDB-wire server: a person is created, a call is
// logged, an email from their address is dropped into /v1/interactions/mail (twice: one
// interaction), both show on their timeline newest first; merged into another person, the
// history shows on the survivor; erased, nothing personal remains in any document of the
// interaction service's databases.
import { randomBytes } from 'node:crypto';
import { everyStoredDocument, mintTestJwt, waitFor } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { interactionDatabaseNames } from '../../interaction/src/main';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let mongo: MongoClient;

beforeAll(async () => {
  stack = await startE2eStack('e2e-interaction');
  mongo = await new MongoClient(stack.interactionDb.mongoUrl).connect();
});

afterAll(async () => {
  await mongo?.close();
  await stack?.stop();
});

function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.baseUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

async function person(token: string, firstName: string, lastName: string, email: string) {
  const res = await api('/v1/contacts', token, {
    method: 'POST',
    body: JSON.stringify({ name: { firstName, lastName }, emails: [{ address: email }] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

type Timeline = { data: Array<{ occurredAt: string; interaction: { id: string; type: string } }> };

async function timeline(token: string, id: string) {
  const res = await api(`/v1/contacts/${id}/timeline`, token);
  return { status: res.status, body: (await res.json()) as Timeline & { mergedInto?: string } };
}

/** Every document of every collection of the interaction service's databases, as text. */
const interactionDocuments = () =>
  everyStoredDocument(mongo, Object.values(interactionDatabaseNames(stack.interactionDb.name)));

test('a call and an email show on the timeline, follow a merge, and leave nothing once erased', async () => {
  const tag = randomBytes(4).toString('hex');
  const token = mintTestJwt({ tenant: `tenant-${tag}`, roles: ['admin'] });
  const ada = {
    first: `Adelind${tag}`,
    last: `Quorrow${tag}`,
    email: `adelind.${tag}@example.org`,
  };
  const bob = {
    first: `Barnaby${tag}`,
    last: `Pellish${tag}`,
    email: `barnaby.${tag}@example.org`,
  };
  const adaId = await person(token, ada.first, ada.last, ada.email);
  const bobId = await person(token, bob.first, bob.last, bob.email);
  // The interaction service knows contacts from kith.contact.v1, a moment after their create.
  await waitFor(async () => (await timeline(token, adaId)).status === 200, {
    what: "ada's timeline",
  });

  const call = await api('/v1/interactions', token, {
    method: 'POST',
    headers: { 'idempotency-key': `call-${tag}` },
    body: JSON.stringify({
      type: 'call',
      occurredAt: '2026-11-30T15:00:00Z',
      durationMinutes: 10,
      subject: `Thank-you call to ${ada.first} ${ada.last}`,
      participantContactIds: [adaId],
    }),
  });
  const raw = [
    `From: ${ada.first} ${ada.last} <${ada.email.toUpperCase()}>`,
    'To: Office <office@charity.example>',
    `Subject: Re: thank you, from ${ada.first}`,
    `Message-ID: <${tag}@mail.example>`,
    'Date: Tue, 01 Dec 2026 10:00:00 +0100',
    '',
    `Dear all, ${ada.first} here (${ada.email}).`,
    '',
  ].join('\r\n');
  const drop = () =>
    api('/v1/interactions/mail', token, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: raw,
    });
  const first = await drop();
  const second = await drop();
  const mailed = (await first.json()) as { interaction: { id: string; direction: string } };

  expect(call.status).toBe(201);
  expect(first.status).toBe(201);
  expect(mailed.interaction.direction).toBe('inbound');
  expect(second.status).toBe(200);
  expect(((await second.json()) as typeof mailed).interaction.id).toBe(mailed.interaction.id);
  const callId = ((await call.json()) as { id: string }).id;
  const before = await timeline(token, adaId);
  expect(before.body.data.map((e) => e.interaction.id)).toEqual([mailed.interaction.id, callId]);
  const exported = await api(`/v1/contacts/${adaId}/export`, token);
  expect(JSON.stringify(await exported.json())).toContain(`Thank-you call to ${ada.first}`);

  const merged = await api(`/v1/contacts/${bobId}/merge`, token, {
    method: 'POST',
    body: JSON.stringify({ victimId: adaId }),
  });
  expect(merged.status).toBe(200);
  const onSurvivor = await waitFor(
    async () => {
      const t = await timeline(token, bobId);
      return t.body.data.length === 2 ? t : undefined;
    },
    { what: "the history on bob's timeline" },
  );
  expect(onSurvivor.body.data.map((e) => e.interaction.id)).toEqual([
    mailed.interaction.id,
    callId,
  ]);
  expect(await timeline(token, adaId)).toMatchObject({ status: 404, body: { mergedInto: bobId } });

  const erased = await api(`/v1/contacts/${bobId}/erase`, token, { method: 'POST' });
  expect(erased.status).toBe(200);

  const personal = [ada.first, ada.last, ada.email, bob.first, bob.last, bob.email].map((v) =>
    v.toLowerCase(),
  );
  const leaks = (docs: string[]) =>
    docs.filter((d) => personal.some((v) => d.toLowerCase().includes(v)));
  await waitFor(async () => leaks(await interactionDocuments()).length === 0, {
    what: 'no interaction document with their values',
  });
  const stub = await api(`/v1/interactions/${callId}`, token);
  expect(await stub.json()).toMatchObject({
    type: 'call',
    durationMinutes: 10,
    subject: null,
    participantContactIds: [],
  });
});
