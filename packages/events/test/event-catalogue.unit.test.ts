import {
  EventDataError,
  TOPICS,
  dlqTopic,
  eventCatalogue,
  exportEventJsonSchemas,
  parseEventData,
  type ContactSnapshot,
} from '../src';

function snapshot(overrides: Partial<ContactSnapshot> = {}): ContactSnapshot {
  return {
    id: '0193a0b2-7c4e-7000-8000-000000000001',
    tenantId: 'tenant-a',
    kind: 'person',
    version: 1,
    displayName: 'Ada Lovelace',
    person: { firstName: 'Ada', lastName: 'Lovelace' },
    emails: [{ address: 'ada@example.org', type: 'work', primary: true }],
    phones: [],
    tags: ['donor'],
    createdAt: '2026-11-23T07:00:00.000Z',
    updatedAt: '2026-11-23T07:00:00.000Z',
    ...overrides,
  };
}

describe('event catalogue', () => {
  it('puts every event on the topic of the service that owns its aggregate', () => {
    for (const [type, entry] of Object.entries(eventCatalogue)) {
      const owner = type.startsWith('kith.interaction.')
        ? TOPICS.interaction
        : type.startsWith('kith.donation.')
          ? TOPICS.transaction
          : type.startsWith('kith.analytics.')
            ? TOPICS.analytics
            : type.startsWith('kith.marketing.')
              ? TOPICS.marketing
              : TOPICS.contact;
      expect(entry.topic).toBe(owner);
    }
  });

  it('keeps the free text of an interaction out of its events', () => {
    const interaction = {
      id: 'i-1',
      tenantId: 'tenant-a',
      version: 1,
      type: 'email',
      direction: 'inbound',
      occurredAt: '2026-11-23T07:00:00.000Z',
      participantContactIds: ['c-1'],
      loggedBy: 'user-1',
      source: 'mail',
      hasSubject: true,
      hasBody: true,
      createdAt: '2026-11-23T07:00:00.000Z',
      updatedAt: '2026-11-23T07:00:00.000Z',
      subject: 'Re: my late mother',
      body: 'Dear Ada, ...',
    };

    const parsed = parseEventData('kith.interaction.created.v1', { interaction });

    expect(parsed.interaction).not.toHaveProperty('subject');
    expect(parsed.interaction).not.toHaveProperty('body');
  });

  it('names a dead-letter topic after the topic and the consumer group', () => {
    expect(dlqTopic('kith.contact.v1', 'analytics')).toBe('kith.contact.v1.dlq.analytics');
  });

  it('returns the typed data of a valid contact.updated event', () => {
    const data = { contact: snapshot(), changedFields: ['displayName'] };

    const parsed = parseEventData('kith.contact.updated.v1', data);

    expect(parsed.changedFields).toEqual(['displayName']);
    expect(parsed.contact.kind).toBe('person');
  });

  it('drops unknown fields so an older consumer accepts a newer producer', () => {
    const data = { contact: { ...snapshot(), nickname: 'Countess' } };

    const parsed = parseEventData('kith.contact.created.v1', data);

    expect(parsed.contact).not.toHaveProperty('nickname');
  });

  it('refuses an unknown event type', () => {
    expect(() => parseEventData('kith.contact.merged.v9', {})).toThrow(
      expect.objectContaining({ reason: 'unknown-type' }),
    );
  });

  it.each([
    ['a kind outside person/organization', { kind: 'robot' }],
    ['a negative version', { version: -1 }],
    ['a time that is not ISO-8601', { updatedAt: '23/11/2026' }],
    ['an email without its primary flag', { emails: [{ address: 'a@b.c', type: 'work' }] }],
  ])('rejects a contact snapshot with %s', (_label, overrides) => {
    const data = { contact: { ...snapshot(), ...overrides } };

    expect(() => parseEventData('kith.contact.created.v1', data)).toThrow(EventDataError);
  });

  it('rejects a contact snapshot that misses a required field', () => {
    const { displayName: _missing, ...contact } = snapshot();

    expect(() => parseEventData('kith.contact.deleted.v1', { contact })).toThrow(
      expect.objectContaining({ reason: 'invalid' }),
    );
  });

  it('accepts a household.updated event that says who joined', () => {
    const household = {
      id: 'h-1',
      tenantId: 'tenant-a',
      version: 2,
      name: 'Jane Smith',
      greeting: 'Jane',
      members: [
        {
          contactId: 'c-1',
          role: 'adult',
          inheritsAddress: true,
          joinedAt: '2026-11-23T07:00:00.000Z',
          firstName: 'Jane',
          lastName: 'Smith',
        },
      ],
      createdAt: '2026-11-23T07:00:00.000Z',
      updatedAt: '2026-11-23T07:00:00.000Z',
    };
    const data = {
      household,
      changedFields: ['name', 'greeting', 'members'],
      memberChanges: [{ contactId: 'c-1', change: 'joined' }],
    };

    expect(parseEventData('kith.household.updated.v1', data)).toEqual(data);
  });

  it('exports a JSON Schema for each catalogue type', () => {
    const schemas = exportEventJsonSchemas();

    expect(Object.keys(schemas).sort()).toEqual(Object.keys(eventCatalogue).sort());
    for (const [type, schema] of Object.entries(schemas)) {
      // Each event carries its aggregate's full state under the aggregate's name, camelCased
      // from the type: kith.custom-field.defined.v1 -> customField. The erasure event is the
      // one exception: it must carry no state, only the erased contact's id. The analytics
      // and marketing services' types name the service first (kith.analytics.<thing>.<verb>.v1,
      // kith.marketing.segment.created.v1): analytics' aggregate is the settings or the rebuild;
      // marketing's message event carries one message, flat, by its id.
      const parts = type.split('.');
      const name = (parts[1] === 'marketing' ? parts[2] : parts[1])?.replace(
        /-([a-z])/g,
        (_m, c: string) => c.toUpperCase(),
      );
      const analytics = type.startsWith('kith.analytics.')
        ? type.includes('.rebuild.')
          ? 'rebuild'
          : 'settings'
        : undefined;
      const aggregate =
        type === 'kith.contact.erased.v1'
          ? 'contactId'
          : type === 'kith.marketing.message.requested.v1'
            ? 'messageId'
            : (analytics ?? name);
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: type,
        type: 'object',
        required: expect.arrayContaining([aggregate]),
      });
    }
  });

  it('accepts a contact.erased event that carries only ids, time and actor', () => {
    const data = {
      contactId: '0193a0b2-7c4e-7000-8000-000000000001',
      tenantId: 'tenant-a',
      version: 5,
      erasedAt: '2026-11-23T07:00:00.000Z',
      actorId: 'admin-1',
    };

    expect(parseEventData('kith.contact.erased.v1', data)).toEqual(data);
  });
});
