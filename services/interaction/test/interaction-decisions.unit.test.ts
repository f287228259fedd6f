import type { Interaction } from '../src/domain/interaction';
import {
  decideCreate,
  decideDelete,
  decideErase,
  decideRepoint,
  decideUpdate,
  fieldsOf,
} from '../src/domain/interaction-decisions';
import { InteractionErrorCode } from '../src/domain/interaction-error';
import { thrown } from './support/thrown';

const T0 = '2026-12-01T09:00:00.000Z';
const T1 = '2026-12-02T09:00:00.000Z';

function created(extra: Partial<Interaction> = {}): Interaction {
  const { interaction } = decideCreate(
    { type: 'call', direction: 'outbound', occurredAt: T0, participantContactIds: ['c-ada'] },
    { id: 'i-1', tenantId: 't-1', loggedBy: 'u-1', now: T0 },
  );
  return { ...interaction, ...extra };
}

const codeOf = (work: () => unknown) => thrown(work).code;

describe('decideCreate', () => {
  it('starts at version 1, logged by the caller, by hand, with its created event', () => {
    const { interaction, events } = decideCreate(
      { type: 'note', direction: 'internal', occurredAt: T0, participantContactIds: ['c-ada'] },
      { id: 'i-1', tenantId: 't-1', loggedBy: 'u-1', now: T1 },
    );

    expect(interaction).toMatchObject({
      id: 'i-1',
      version: 1,
      loggedBy: 'u-1',
      source: 'manual',
      createdAt: T1,
    });
    expect(events).toEqual([{ type: 'kith.interaction.created.v1', interaction }]);
  });
});

describe('decideUpdate', () => {
  it('writes a new version naming the changed fields', () => {
    const current = created({ subject: 'Hi' });

    const { interaction, events } = decideUpdate(
      current,
      { ...fieldsOf(current), subject: 'Hello', durationMinutes: 4 },
      1,
      T1,
    );

    expect(interaction).toMatchObject({
      version: 2,
      subject: 'Hello',
      durationMinutes: 4,
      updatedAt: T1,
    });
    expect(events).toEqual([
      {
        type: 'kith.interaction.updated.v1',
        interaction,
        changedFields: ['durationMinutes', 'subject'],
      },
    ]);
  });

  it('writes nothing when nothing changed', () => {
    const current = created();

    expect(decideUpdate(current, fieldsOf(current), 1, T1)).toEqual({
      interaction: current,
      events: [],
    });
  });

  it('makes a body written over a cut one whole again', () => {
    const current = created({ body: 'cut', bodyTruncated: true, source: 'mail' });

    const { interaction } = decideUpdate(current, { ...fieldsOf(current), body: 'whole' }, 1, T1);

    expect(interaction.bodyTruncated).toBeUndefined();
  });

  it('refuses a stale version and a deleted interaction', () => {
    const current = created();
    const deleted = decideDelete(current, 1, T1).interaction;

    expect(codeOf(() => decideUpdate(current, fieldsOf(current), 3, T1))).toBe(
      InteractionErrorCode.VERSION_CONFLICT,
    );
    expect(codeOf(() => decideUpdate(deleted, fieldsOf(deleted), 2, T1))).toBe(
      InteractionErrorCode.ALREADY_DELETED,
    );
    expect(codeOf(() => decideDelete(deleted, 2, T1))).toBe(InteractionErrorCode.ALREADY_DELETED);
  });
});

const MAIL = {
  messageId: '<m@x>',
  from: [{ address: 'ada@example.org', name: 'Ada', contactId: 'c-ada' }],
  to: [{ address: 'bob@example.org', contactId: 'c-bob' }, { address: 'office@charity.example' }],
  cc: [],
};

describe('decideRepoint', () => {
  it("puts the survivor in the victim's place once, in participants, organization and addresses", () => {
    const current = created({
      participantContactIds: ['c-ada', 'c-bob'],
      organizationId: 'c-ada',
      mail: MAIL,
    });

    const { interaction, events } = decideRepoint(current, 'c-ada', 'c-bob', T1);

    expect(interaction.participantContactIds).toEqual(['c-bob']);
    expect(interaction.organizationId).toBe('c-bob');
    expect(interaction.mail?.from[0]?.contactId).toBe('c-bob');
    expect(events[0]).toMatchObject({
      changedFields: ['participantContactIds', 'organizationId', 'mail'],
    });
  });

  it('changes a deleted interaction too, and nothing when the victim is not named', () => {
    const deleted = decideDelete(created(), 1, T1).interaction;

    expect(decideRepoint(deleted, 'c-ada', 'c-eve', T1).interaction.participantContactIds).toEqual([
      'c-eve',
    ]);
    expect(decideRepoint(deleted, 'c-zed', 'c-eve', T1).events).toEqual([]);
  });
});

describe('decideErase', () => {
  it('keeps only what is about no one when the person was the only participant', () => {
    const current = created({
      subject: 'Call with Ada',
      body: 'Ada said...',
      mail: MAIL,
      bodyTruncated: true,
    });

    const { interaction } = decideErase(current, { contactId: 'c-ada', emails: [] }, T1);

    expect(interaction).toEqual({
      ...current,
      participantContactIds: [],
      subject: undefined,
      body: undefined,
      bodyTruncated: undefined,
      mail: undefined,
      version: 2,
      updatedAt: T1,
    });
  });

  it("removes the person's id and addresses, in the lists and the text, where others took part", () => {
    const current = created({
      participantContactIds: ['c-ada', 'c-bob'],
      subject: 'Fwd: from ADA@example.org',
      body: 'ada@example.org wrote to bob@example.org',
      mail: MAIL,
    });

    const { interaction } = decideErase(current, { contactId: 'c-ada', emails: [] }, T1);

    expect(interaction.participantContactIds).toEqual(['c-bob']);
    expect(interaction.subject).toBe('Fwd: from [erased]');
    expect(interaction.body).toBe('[erased] wrote to bob@example.org');
    expect(interaction.mail).toEqual({ ...MAIL, from: [] });
  });

  it('removes an address of the person that matched no contact when the message was logged', () => {
    const current = created({
      participantContactIds: ['c-bob'],
      mail: { ...MAIL, from: [{ address: 'ada@home.example' }] },
    });

    const { interaction } = decideErase(
      current,
      { contactId: 'c-ada', emails: ['ada@home.example'] },
      T1,
    );

    expect(interaction.mail?.from).toEqual([]);
    expect(interaction.participantContactIds).toEqual(['c-bob']);
  });

  it('changes nothing for an interaction that never named the person (a redelivery)', () => {
    expect(decideErase(created(), { contactId: 'c-zed', emails: [] }, T1).events).toEqual([]);
  });
});
