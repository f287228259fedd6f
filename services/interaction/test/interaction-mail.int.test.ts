// IngestMail through the real service: a raw RFC 5322 message becomes one email interaction
// with the known contacts among its addresses; the same Message-ID, however often and however
// concurrently, answers the same interaction. Against the real servers.
import * as grpc from '@grpc/grpc-js';
import { INTERACTION_FIELD_LIMITS } from '@kith/contracts';
import { useTestBed } from './support/contact-feed';
import { caller, newTenant, startInteractionService } from './support/start-interaction-service';

const bed = useTestBed(() => startInteractionService('interaction-mail'));

function message(
  headers: Record<string, string>,
  body = 'Thank you for the lovely evening.',
): Buffer {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return Buffer.from([...lines, '', body, ''].join('\r\n'));
}

const ingest = (tenant: string, raw: Buffer) =>
  bed.running.interactions.IngestMail({ raw }, caller(tenant, 'staff-1'));

describe('IngestMail', () => {
  it('links every known contact among From/To/Cc by address and reports the others', async () => {
    const tenant = newTenant();
    const ada = await bed.contacts.person(tenant);
    const bob = await bed.contacts.person(tenant);
    const raw = message({
      From: `"Ada" <${ada.values.email.toUpperCase()}>`,
      To: 'Office <office@charity.example>',
      Cc: `${bob.values.email}, stranger@elsewhere.example`,
      Subject: '=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=',
      'Message-ID': '<links-1@mail.example>',
      Date: 'Tue, 01 Dec 2026 10:00:00 +0100',
    });

    const answer = await ingest(tenant, raw);

    expect(answer.created).toBe(true);
    expect(answer.unmatchedAddresses.sort()).toEqual([
      'office@charity.example',
      'stranger@elsewhere.example',
    ]);
    expect(answer.interaction).toMatchObject({
      type: 'INTERACTION_TYPE_EMAIL',
      direction: 'INTERACTION_DIRECTION_INBOUND',
      occurredAt: '2026-12-01T09:00:00.000Z',
      subject: 'Grüße',
      body: 'Thank you for the lovely evening.',
      source: 'mail',
      loggedBy: 'staff-1',
    });
    expect([...(answer.interaction?.participantContactIds ?? [])].sort()).toEqual(
      [ada.id, bob.id].sort(),
    );
    expect(answer.interaction?.mail?.from).toEqual([
      { address: ada.values.email, name: 'Ada', contactId: ada.id },
    ]);
  });

  it('answers the same interaction for the same Message-ID, also sent twice at once', async () => {
    const tenant = newTenant();
    const ada = await bed.contacts.person(tenant);
    const raw = message({
      From: 'office@charity.example',
      To: ada.values.email,
      Subject: 'Your receipt',
      'Message-ID': '<twice@mail.example>',
    });

    const [a, b] = await Promise.all([ingest(tenant, raw), ingest(tenant, raw)]);
    const later = await ingest(tenant, raw);
    const listed = await bed.running.interactions.ListInteractions(
      { contactId: ada.id },
      caller(tenant),
    );

    expect(new Set([a.interaction?.id, b.interaction?.id, later.interaction?.id]).size).toBe(1);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(later).toMatchObject({ created: false, unmatchedAddresses: ['office@charity.example'] });
    expect(later.interaction?.direction).toBe('INTERACTION_DIRECTION_OUTBOUND');
    expect(listed.interactions).toHaveLength(1);
  });

  it('keys a message without a Message-ID on its bytes', async () => {
    const tenant = newTenant();
    const ada = await bed.contacts.person(tenant);
    const raw = message({ From: ada.values.email, To: 'office@charity.example', Subject: 'Hi' });

    const first = await ingest(tenant, raw);
    const again = await ingest(tenant, raw);
    const other = await ingest(
      tenant,
      message({ From: ada.values.email, Subject: 'Hi' }, 'Another'),
    );

    expect(again.interaction?.id).toBe(first.interaction?.id);
    expect(other.interaction?.id).not.toBe(first.interaction?.id);
  });

  it('keeps the text of an HTML-only message, cut to the limit', async () => {
    const tenant = newTenant();
    const ada = await bed.contacts.person(tenant);
    const long = 'x'.repeat(INTERACTION_FIELD_LIMITS.body + 10);
    const raw = message(
      {
        From: ada.values.email,
        'Content-Type': 'text/html; charset=utf-8',
        'Message-ID': '<html@x>',
      },
      `<p>Hello <b>there</b></p><p>${long}</p>`,
    );

    const answer = await ingest(tenant, raw);

    expect(answer.interaction?.body.startsWith('Hello there')).toBe(true);
    expect(answer.interaction?.body).toHaveLength(INTERACTION_FIELD_LIMITS.body);
    expect(answer.interaction?.bodyTruncated).toBe(true);
  });

  it('refuses a message none of whose addresses is a known contact, and one with no addresses', async () => {
    const tenant = newTenant();
    const unknown = message({ From: 'nobody@nowhere.example', 'Message-ID': '<unknown@x>' });

    const [noContact, noAddress] = await Promise.all(
      [unknown, Buffer.from('not a message at all')].map((raw) =>
        ingest(tenant, raw).then(
          () => undefined,
          (err: grpc.ServiceError) => err,
        ),
      ),
    );

    expect(noContact?.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(noContact?.details).toContain('nobody@nowhere.example');
    expect(noAddress?.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it("removes an erased person's address from a message others took part in", async () => {
    const tenant = newTenant();
    const ada = await bed.contacts.person(tenant);
    const bob = await bed.contacts.person(tenant);
    const raw = message(
      { From: ada.values.email, To: bob.values.email, 'Message-ID': '<erase@x>' },
      `Forwarding to ${ada.values.email.toUpperCase()} and Bob.`,
    );
    const { interaction } = await ingest(tenant, raw);

    await bed.contacts.erase(tenant, ada.id);

    const after = await bed.running.interactions.GetInteraction(
      { id: interaction?.id ?? '' },
      caller(tenant),
    );
    expect(after.interaction?.participantContactIds).toEqual([bob.id]);
    expect(after.interaction?.body).toBe('Forwarding to [erased] and Bob.');
    expect(after.interaction?.mail?.from).toEqual([]);
    expect(JSON.stringify(await bed.running.storedDocuments())).not.toContain(ada.values.email);
  });
});
