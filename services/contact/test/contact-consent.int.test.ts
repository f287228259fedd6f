// Consent and the fuller person model against the real servers: what is stored, what the
// history keeps, and what the marketing side reads from Kafka.
import * as grpc from '@grpc/grpc-js';
import { readTopic, testInfra, waitFor } from '@kith/testkit';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

describe('consent and the person model', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-consent');
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('stores personal fields and addresses, keeps every consent and publishes reachability', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: {
        person: { firstName: 'Ada', lastName: 'Lovelace' },
        emails: [{ address: 'ada@example.org', type: 'home', primary: true }],
        addresses: [
          { line1: '12 St James Sq', city: 'London', postalCode: 'sw1y 4jh', countryCode: 'gb' },
        ],
        birthDate: '1815-12-10',
        pronouns: 'she/her',
      },
    });

    const optedIn = await client.recordConsent(tenant, {
      contactId: created.id,
      channel: 'email',
      status: 'opted_in',
      source: 'web-form',
      statement: 'Send me the newsletter',
      capturedAt: '2026-01-05T09:00:00Z',
    });
    const optedOut = await client.recordConsent(tenant, {
      contactId: created.id,
      channel: 'email',
      status: 'opted_out',
      source: 'unsubscribe-link',
      campaignId: 'spring-appeal',
    });
    const history = await client.consentHistory(tenant, created.id);
    const read = await client.get(tenant, created.id);

    expect(created.fields?.addresses[0]).toMatchObject({
      postalCode: 'SW1Y 4JH',
      countryCode: 'GB',
    });
    expect(read.fields?.birthDate).toBe('1815-12-10');
    expect(optedIn.contact?.version).toBe('2');
    expect(optedOut.contact?.version).toBe('3');
    expect(history.map((r) => [r.status, r.source])).toEqual([
      ['opted_in', 'web-form'],
      ['opted_out', 'unsubscribe-link'],
    ]);
    expect(read.communication).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'opted_out',
        campaignId: 'spring-appeal',
      }),
    ]);
    expect(read.reachability.find((r) => r.channel === 'email')).toMatchObject({
      suppressed: true,
      reasons: ['opted-out'],
    });

    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 3,
    });
    const mine = messages.filter((m) => m.key === created.id);
    expect(mine.map((m) => m.headers.ce_type)).toEqual([
      'kith.contact.created.v1',
      'kith.contact.consent-changed.v1',
      'kith.contact.consent-changed.v1',
    ]);
    const last = JSON.parse(mine[2]?.value?.toString() ?? '{}');
    expect(last.consent).toMatchObject({
      channel: 'email',
      status: 'opted_out',
      recordedBy: 'u-1',
    });
    expect(last.contact.reachability.email).toEqual({
      status: 'opted_out',
      suppressed: true,
      reasons: ['opted-out'],
    });
  });

  it('suppresses every channel once the person is marked deceased', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Ann' } },
    });

    const updated = await client.update(tenant, {
      id: created.id,
      expectedVersion: '1',
      fields: { deceasedDate: '2026-01-01' },
      updateMask: { paths: ['deceased_date'] },
    });

    expect(updated.fields?.deceased).toBe(true);
    expect(updated.reachability.every((r) => r.suppressed && r.reasons.includes('deceased'))).toBe(
      true,
    );
  });

  it('refuses personal fields on an organization and consent for another tenant’s contact', async () => {
    const tenant = newTenant();
    const person = await client.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Bo' } },
    });

    const orgFailure = await failureOf(
      client.create(tenant, {
        kind: 'CONTACT_KIND_ORGANIZATION',
        fields: { organization: { name: 'Acme' }, birthDate: '2000-01-01' },
      }),
    );
    const foreign = await failureOf(
      client.recordConsent(newTenant(), {
        contactId: person.id,
        channel: 'sms',
        status: 'opted_in',
        source: 'web-form',
      }),
    );

    expect(orgFailure).toEqual({ code: grpc.status.INVALID_ARGUMENT, fields: ['birthDate'] });
    expect(foreign.code).toBe(grpc.status.NOT_FOUND);
    expect(await client.consentHistory(tenant, person.id)).toEqual([]);
  });
});

describe('consent records under concurrency and retries', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-consent-races');
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  const aPerson = (tenant: string) =>
    client.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Ida' } },
    });
  const consent = (contactId: string, source: string) => ({
    contactId,
    channel: 'email',
    status: 'opted_in',
    source,
  });

  it('keeps every one of ten concurrent consents, each at its own version', async () => {
    const tenant = newTenant();
    const person = await aPerson(tenant);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        client.recordConsent(tenant, consent(person.id, `form-${n}`)),
      ),
    );
    const history = await client.consentHistory(tenant, person.id);

    expect(answers.map((a) => Number(a.contact?.version)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, n) => n + 2),
    );
    expect(history.map((r) => r.source).sort()).toEqual(
      Array.from({ length: 10 }, (_, n) => `form-${n}`).sort(),
    );
  });

  it('stores one record for a retry with the same idempotency-key and answers it again', async () => {
    const tenant = newTenant();
    const person = await aPerson(tenant);
    const opts = { idempotencyKey: 'signup-42' };

    const first = await client.recordConsent(tenant, consent(person.id, 'web-form'), opts);
    const retried = await client.recordConsent(tenant, consent(person.id, 'web-form'), opts);
    const history = await client.consentHistory(tenant, person.id);

    expect(retried.record).toEqual(first.record);
    expect(retried.contact?.version).toBe('2');
    expect(history).toHaveLength(1);
  });

  it('stores one record for concurrent calls with the same idempotency-key', async () => {
    const tenant = newTenant();
    const person = await aPerson(tenant);
    const opts = { idempotencyKey: 'signup-43' };

    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.recordConsent(tenant, consent(person.id, 'web-form'), opts),
      ),
    );
    const history = await client.consentHistory(tenant, person.id);

    expect(new Set(answers.map((a) => JSON.stringify(a.record))).size).toBe(1);
    expect(history).toHaveLength(1);
  });

  it('refuses the same idempotency-key for a different consent with FAILED_PRECONDITION', async () => {
    const tenant = newTenant();
    const person = await aPerson(tenant);
    const opts = { idempotencyKey: 'signup-44' };
    await client.recordConsent(tenant, consent(person.id, 'web-form'), opts);

    const reused = await failureOf(
      client.recordConsent(tenant, consent(person.id, 'phone-call'), opts),
    );

    expect(reused.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(await client.consentHistory(tenant, person.id)).toHaveLength(1);
  });
});

describe('the audit trail', () => {
  let running: TestContactService;
  let client: ContactTestClient;

  beforeAll(async () => {
    running = await startContactService('contact-audit');
    client = contactTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    client?.close();
    await running?.stop();
  });

  it('lists who changed what and when, in version order, only in the contact’s tenant', async () => {
    const tenant = newTenant();
    const created = await client.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Cy' }, tags: ['donor'] },
    });
    await client.update(tenant, {
      id: created.id,
      expectedVersion: '1',
      fields: { tags: ['donor', 'vip'] },
      updateMask: { paths: ['tags'] },
    });
    await client.recordConsent(tenant, {
      contactId: created.id,
      channel: 'mail',
      status: 'opted_out',
      source: 'phone-call',
    });
    await client.delete(tenant, created.id, '3');

    const entries = await waitFor(
      async () => {
        const page = await client.audit(tenant, created.id);
        return page.entries.length === 4 ? page.entries : undefined;
      },
      { timeoutMs: 20_000, what: 'four audit entries' },
    );
    const foreign = await client.audit(newTenant(), created.id);

    expect(entries.map((e) => [e.version, e.action, e.actorId])).toEqual([
      ['1', 'created', 'u-1'],
      ['2', 'updated', 'u-1'],
      ['3', 'consent-changed', 'u-1'],
      ['4', 'deleted', 'u-1'],
    ]);
    expect(entries[1]?.changes).toEqual([
      { field: 'tags', beforeJson: '["donor"]', afterJson: '["donor","vip"]' },
    ]);
    expect(entries[2]?.changes[0]?.field).toBe('communication.mail');
    expect(foreign.entries).toEqual([]);
  });
});
