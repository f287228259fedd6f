import { parseEventData } from '@kith/events';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { Relationship } from '../src/domain/relationship';
import { RELATIONSHIP_EVENT_TYPES } from '../src/domain/relationship-decisions';
import { builtInForTenant, builtInRelationshipType } from '../src/domain/relationship-type';
import { RELATIONSHIP_TYPE_CHANGED } from '../src/domain/relationship-type-decisions';
import {
  relationshipOutboxItems,
  relationshipTypeOutboxItems,
} from '../src/events/relationship-events';

const employeeOf = builtInRelationshipType('employee-of');
if (!employeeOf) throw new Error('employee-of is a built-in');

const ended: Relationship = {
  id: '01900000-0000-7000-8000-0000000000aa',
  tenantId: 'tenant-a',
  version: 2,
  typeCode: 'employee-of',
  contactAId: 'p-ada',
  contactBId: 'o-acme',
  startDate: '2024-01-01',
  endDate: '2026-02-28',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

describe('relationship events', () => {
  it('publishes an update keyed by the relationship id with both contacts and both labels', () => {
    const [item] = relationshipOutboxItems(
      [{ type: RELATIONSHIP_EVENT_TYPES.updated, relationship: ended, changedFields: ['endDate'] }],
      employeeOf,
      ROOT_CONTEXT,
    );

    expect(item?.key).toBe(ended.id);
    expect(item?.topic).toBe('kith.contact.v1');
    expect(parseEventData('kith.relationship.updated.v1', item?.event.data)).toEqual({
      changedFields: ['endDate'],
      relationship: {
        id: ended.id,
        tenantId: 'tenant-a',
        version: 2,
        typeCode: 'employee-of',
        labelAToB: 'employee of',
        labelBToA: 'employer of',
        symmetric: false,
        contactAId: 'p-ada',
        contactBId: 'o-acme',
        startDate: '2024-01-01',
        endDate: '2026-02-28',
        createdAt: ended.createdAt,
        updatedAt: ended.updatedAt,
      },
    });
  });

  it('keys a catalogue change by tenant and code, valid against its schema', () => {
    const relationshipType = {
      ...builtInForTenant('tenant-a', employeeOf),
      active: false,
      version: 2,
    };

    const [item] = relationshipTypeOutboxItems(
      [
        {
          type: RELATIONSHIP_TYPE_CHANGED,
          relationshipType,
          change: 'updated',
          changedFields: ['active'],
        },
      ],
      '2026-03-01T00:00:00.000Z',
      ROOT_CONTEXT,
    );

    expect(item?.key).toBe('tenant-a:employee-of');
    expect(parseEventData('kith.relationship-type.changed.v1', item?.event.data)).toMatchObject({
      change: 'updated',
      relationshipType: { code: 'employee-of', active: false, builtIn: true, version: 2 },
    });
  });
});
