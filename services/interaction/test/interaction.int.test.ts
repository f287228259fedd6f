// Interactions through the real service (gRPC, FerretDB, Kafka): the writes and their rules,
// participants checked against the contact projection, merges followed, lists newest first.
import * as grpc from '@grpc/grpc-js';
import type { interactionV1 } from '@kith/contracts';
import { readTopic, testInfra, waitFor } from '@kith/testkit';
import { useTestBed } from './support/contact-feed';
import { caller, newTenant, startInteractionService } from './support/start-interaction-service';

const bed = useTestBed(() => startInteractionService('interaction-grpc'));

const call = (
  participantContactIds: string[],
  extra: Partial<interactionV1.InteractionFields> = {},
) => ({
  fields: {
    type: 'INTERACTION_TYPE_CALL' as const,
    occurredAt: '2026-12-01T10:00:00+01:00',
    subject: 'Thank-you call',
    participantContactIds,
    ...extra,
  },
});

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: grpc.ServiceError) => err,
  );

describe('interactions', () => {
  it('logs a call with the caller as logger, reads it back and publishes it without its text', async () => {
    const tenant = newTenant();
    const { id: ada } = await bed.contacts.person(tenant);

    const created = await bed.running.interactions.CreateInteraction(
      call([ada, ada]),
      caller(tenant, 'fundraiser-7'),
    );
    const read = await bed.running.interactions.GetInteraction(
      { id: created.interaction?.id ?? '' },
      caller(tenant),
    );

    expect(read.interaction).toMatchObject({
      type: 'INTERACTION_TYPE_CALL',
      direction: 'INTERACTION_DIRECTION_OUTBOUND',
      occurredAt: '2026-12-01T09:00:00.000Z',
      participantContactIds: [ada],
      loggedBy: 'fundraiser-7',
      subject: 'Thank-you call',
      version: '1',
      source: 'manual',
    });
    const [event] = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${bed.running.prefix}kith.interaction.v1`,
      count: 1,
      until: (ms) => ms.some((m) => m.key === read.interaction?.id),
    }).then((ms) => ms.filter((m) => m.key === read.interaction?.id));
    expect(event?.headers.ce_type).toBe('kith.interaction.created.v1');
    expect(event?.value?.toString()).not.toContain('Thank-you');
    expect(JSON.parse(event?.value?.toString() ?? '{}')).toMatchObject({
      interaction: { participantContactIds: [ada], hasSubject: true, hasBody: false },
    });
  });

  it("answers another tenant's interaction as not found", async () => {
    const tenant = newTenant();
    const { id: ada } = await bed.contacts.person(tenant);
    const created = await bed.running.interactions.CreateInteraction(call([ada]), caller(tenant));

    const err = await refusal(
      bed.running.interactions.GetInteraction(
        { id: created.interaction?.id ?? '' },
        caller(newTenant()),
      ),
    );

    expect(err.code).toBe(grpc.status.NOT_FOUND);
  });

  it('refuses unknown, deleted and erased participants, naming each field', async () => {
    const tenant = newTenant();
    const [{ id: live }, { id: erased }] = [
      await bed.contacts.person(tenant),
      await bed.contacts.person(tenant),
    ];
    await bed.contacts.erase(tenant, erased);

    const err = await refusal(
      bed.running.interactions.CreateInteraction(
        call([live, 'no-such-contact', erased]),
        caller(tenant),
      ),
    );

    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(err.details).toContain('participantContactIds[1]: no-such-contact is not a contact');
    expect(err.details).toContain(`participantContactIds[2]: ${erased} is an erased contact`);
  });

  it('names the survivor when a participant is a merge victim, and once when both are named', async () => {
    const tenant = newTenant();
    const [{ id: survivor }, { id: victim }] = [
      await bed.contacts.person(tenant),
      await bed.contacts.person(tenant),
    ];
    await bed.contacts.merge(tenant, survivor, victim);

    const created = await bed.running.interactions.CreateInteraction(
      call([victim, survivor]),
      caller(tenant),
    );

    expect(created.interaction?.participantContactIds).toEqual([survivor]);
  });

  it('names the survivor of a merge whose hook began before the projection says so', async () => {
    const tenant = newTenant();
    const [{ id: survivor }, { id: victim }] = [
      await bed.contacts.person(tenant),
      await bed.contacts.person(tenant),
    ];
    // What a merge hook records first, before its sweep and before the projection says merged.
    await bed.running.db.collection('contact_fates').insertOne({
      _id: `${encodeURIComponent(tenant)}:${victim}` as never,
      tenantId: tenant,
      contactId: victim,
      fate: 'merged',
      survivorId: survivor,
      at: new Date(),
    });

    const created = await bed.running.interactions.CreateInteraction(
      call([victim]),
      caller(tenant),
    );

    expect(created.interaction).toMatchObject({ participantContactIds: [survivor], version: '1' });
  });

  it('re-points stored interactions when a merge arrives, deleted ones too', async () => {
    const tenant = newTenant();
    const [{ id: survivor }, { id: victim }] = [
      await bed.contacts.person(tenant),
      await bed.contacts.person(tenant),
    ];
    const kept = await bed.running.interactions.CreateInteraction(call([victim]), caller(tenant));
    const gone = await bed.running.interactions.CreateInteraction(
      call([victim, survivor]),
      caller(tenant),
    );
    await bed.running.interactions.DeleteInteraction(
      { id: gone.interaction?.id ?? '', expectedVersion: '1' },
      caller(tenant),
    );

    await bed.contacts.merge(tenant, survivor, victim);

    const [a, b] = await Promise.all(
      [kept, gone].map((c) =>
        bed.running.interactions.GetInteraction({ id: c.interaction?.id ?? '' }, caller(tenant)),
      ),
    );
    expect(a?.interaction?.participantContactIds).toEqual([survivor]);
    expect(b?.interaction).toMatchObject({ participantContactIds: [survivor], version: '3' });
  });

  it('changes only the masked fields, refuses a stale version and a change after delete', async () => {
    const tenant = newTenant();
    const { id: ada } = await bed.contacts.person(tenant);
    const created = await bed.running.interactions.CreateInteraction(
      call([ada], { durationMinutes: 5 }),
      caller(tenant),
    );
    const id = created.interaction?.id ?? '';

    const updated = await bed.running.interactions.UpdateInteraction(
      {
        id,
        expectedVersion: '1',
        fields: { subject: '', body: 'Left a message', durationMinutes: 0 },
        updateMask: { paths: ['subject', 'body'] },
      },
      caller(tenant),
    );
    const stale = await refusal(
      bed.running.interactions.UpdateInteraction(
        { id, expectedVersion: '1', fields: { body: 'x' }, updateMask: { paths: ['body'] } },
        caller(tenant),
      ),
    );
    await bed.running.interactions.DeleteInteraction({ id, expectedVersion: '2' }, caller(tenant));
    const afterDelete = await refusal(
      bed.running.interactions.UpdateInteraction(
        { id, expectedVersion: '3', fields: { body: 'x' }, updateMask: { paths: ['body'] } },
        caller(tenant),
      ),
    );

    expect(updated.interaction).toMatchObject({
      version: '2',
      subject: '',
      body: 'Left a message',
      durationMinutes: 5,
    });
    expect(stale.code).toBe(grpc.status.ABORTED);
    expect(afterDelete.code).toBe(grpc.status.FAILED_PRECONDITION);
  });

  it('creates once per idempotency key', async () => {
    const tenant = newTenant();
    const { id: ada } = await bed.contacts.person(tenant);
    const keyed = { ...caller(tenant), idempotencyKey: 'call-42' };

    const [first, second] = await Promise.all([
      bed.running.interactions.CreateInteraction(call([ada]), keyed),
      bed.running.interactions.CreateInteraction(call([ada]), keyed),
    ]);
    const listed = await bed.running.interactions.ListInteractions(
      { contactId: ada },
      caller(tenant),
    );

    expect(second.interaction?.id).toBe(first.interaction?.id);
    expect(listed.interactions).toHaveLength(1);
  });
});

describe('listing interactions', () => {
  it("pages a contact's interactions newest first, filtered by type and time", async () => {
    const tenant = newTenant();
    const { id: ada } = await bed.contacts.person(tenant);
    const times = [
      '2026-10-05T10:00:00Z',
      '2026-12-01T10:00:00Z',
      '2026-11-20T10:00:00Z',
      '2026-12-01T10:00:00Z',
    ];
    const ids: string[] = [];
    for (const [i, occurredAt] of times.entries()) {
      const type = i === 2 ? 'INTERACTION_TYPE_NOTE' : 'INTERACTION_TYPE_CALL';
      const created = await bed.running.interactions.CreateInteraction(
        call([ada], { occurredAt, type }),
        caller(tenant),
      );
      ids.push(created.interaction?.id ?? '');
    }

    const pages: string[][] = [];
    let pageToken = '';
    do {
      const page = await bed.running.interactions.ListInteractions(
        { contactId: ada, page: { pageSize: 2, pageToken } },
        caller(tenant),
      );
      pages.push(page.interactions.map((i) => i.id));
      pageToken = page.page?.nextPageToken ?? '';
    } while (pageToken);
    const calls = await bed.running.interactions.ListInteractions(
      {
        contactId: ada,
        filter: {
          type: 'INTERACTION_TYPE_CALL',
          occurredFrom: '2026-11-01T00:00:00Z',
          occurredTo: '',
        },
      },
      caller(tenant),
    );

    // Same time: the later id (created later) first.
    expect(pages).toEqual([
      [ids[3], ids[1]],
      [ids[2], ids[0]],
    ]);
    expect(calls.interactions.map((i) => i.id)).toEqual([ids[3], ids[1]]);
  });

  it('pages the whole tenant across months and refuses a token of other filters', async () => {
    const tenant = newTenant();
    const { id: ada } = await bed.contacts.person(tenant);
    const { id: bob } = await bed.contacts.person(tenant);
    const times = ['2025-01-15T10:00:00Z', '2026-06-01T10:00:00Z', '2026-06-02T10:00:00Z'];
    const ids: string[] = [];
    for (const [i, occurredAt] of times.entries()) {
      const created = await bed.running.interactions.CreateInteraction(
        call([i === 1 ? bob : ada], { occurredAt }),
        caller(tenant),
      );
      ids.push(created.interaction?.id ?? '');
    }

    const first = await bed.running.interactions.ListInteractions(
      { page: { pageSize: 2, pageToken: '' } },
      caller(tenant),
    );
    const token = first.page?.nextPageToken ?? '';
    const second = await bed.running.interactions.ListInteractions(
      { page: { pageSize: 2, pageToken: token } },
      caller(tenant),
    );
    const other = await refusal(
      bed.running.interactions.ListInteractions(
        { contactId: ada, page: { pageSize: 2, pageToken: token } },
        caller(tenant),
      ),
    );

    expect(first.interactions.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(second.interactions.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.page?.nextPageToken).toBe('');
    expect(other.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it("answers a merge victim's timeline as not found, naming the survivor", async () => {
    const tenant = newTenant();
    const [{ id: survivor }, { id: victim }] = [
      await bed.contacts.person(tenant),
      await bed.contacts.person(tenant),
    ];
    await bed.running.interactions.CreateInteraction(call([victim]), caller(tenant));
    await bed.contacts.merge(tenant, survivor, victim);

    const err = await refusal(
      bed.running.interactions.ListContactTimeline({ contactId: victim }, caller(tenant)),
    );
    const timeline = await waitFor(async () => {
      const page = await bed.running.interactions.ListContactTimeline(
        { contactId: survivor },
        caller(tenant),
      );
      return page.entries.length === 1 ? page : undefined;
    });

    expect(err.code).toBe(grpc.status.NOT_FOUND);
    expect(err.details).toContain(`merged into ${survivor}`);
    expect(timeline.entries[0]).toMatchObject({ kind: 'interaction' });
  });
});
