import { TOPICS, parseEventData } from '@kith/events';
import { decideArchive, decideDefine } from '../src/domain/custom-field-decisions';
import { toCustomFieldOutboxItems } from '../src/events/custom-field-events';

const NONE = { existing: undefined, definedCount: 0 };
const T0 = '2026-01-01T00:00:00.000Z';
const ref = { tenantId: 't1', recordType: 'person', key: 'joined' };

describe('custom field outbox items', () => {
  const created = decideDefine(
    { ...ref, spec: { label: 'Joined', type: 'date', validation: { min: '2000-01-01' } } },
    NONE,
    T0,
  );

  it('publishes on kith.contact.v1 keyed and subjected by the definition id', () => {
    const [item] = toCustomFieldOutboxItems(created.events);

    expect(item).toMatchObject({
      topic: TOPICS.contact,
      key: 't1:person:joined',
      event: { type: 'kith.custom-field.defined.v1', subject: 't1:person:joined', tenantId: 't1' },
    });
  });

  it('carries data that the catalogue schema of each type accepts', () => {
    const archived = decideArchive(created.definition, { ...ref, expectedVersion: 1 }, T0);
    const items = toCustomFieldOutboxItems([...created.events, ...archived.events]);

    for (const { event } of items) {
      expect(() => parseEventData(event.type, event.data)).not.toThrow();
    }
    expect(items.map((i) => i.event.type)).toEqual([
      'kith.custom-field.defined.v1',
      'kith.custom-field.archived.v1',
    ]);
  });
});
