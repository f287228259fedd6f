import { newEvent, type ContactSnapshot } from '@kith/events';
import { householdMemberHandlers } from '../src/events/household-members.consumer';

const T0 = '2026-01-01T10:00:00.000Z';
const CTX = { topic: 'kith.contact.v1', partition: 0, offset: '1' };

function updated(contact: Partial<ContactSnapshot>, changedFields: string[]) {
  return newEvent({
    type: 'kith.contact.updated.v1',
    source: 'kith/contact',
    subject: 'c-1',
    tenantId: 'tenant-a',
    time: T0,
    data: {
      contact: {
        id: 'c-1',
        tenantId: 'tenant-a',
        kind: 'person',
        version: 2,
        displayName: 'Jon Doe',
        person: { firstName: 'Jon', lastName: 'Doe' },
        emails: [],
        phones: [],
        tags: [],
        createdAt: T0,
        updatedAt: T0,
        ...contact,
      },
      changedFields,
    },
  });
}

describe('the household members consumer on renames', () => {
  it('refreshes the member when a person’s name changed', async () => {
    const refreshMemberName = jest.fn(async () => undefined);
    const handle = householdMemberHandlers({ refreshMemberName, removeDeletedPerson: jest.fn() })[
      'kith.contact.updated.v1'
    ];

    await handle?.(updated({}, ['displayName', 'person']), CTX);

    expect(refreshMemberName).toHaveBeenCalledWith('tenant-a', {
      contactId: 'c-1',
      version: 2,
      firstName: 'Jon',
      lastName: 'Doe',
    });
  });

  it('refreshes the member when a person was marked deceased', async () => {
    const refreshMemberName = jest.fn(async () => undefined);
    const handle = householdMemberHandlers({ refreshMemberName, removeDeletedPerson: jest.fn() })[
      'kith.contact.updated.v1'
    ];

    await handle?.(
      updated({ deceased: true, deceasedDate: '2026-01-01' }, ['deceased', 'deceasedDate']),
      CTX,
    );

    expect(refreshMemberName).toHaveBeenCalledWith('tenant-a', {
      contactId: 'c-1',
      version: 2,
      firstName: 'Jon',
      lastName: 'Doe',
      deceased: true,
    });
  });

  it('ignores updates that do not touch the name', async () => {
    const refreshMemberName = jest.fn(async () => undefined);
    const handle = householdMemberHandlers({ refreshMemberName, removeDeletedPerson: jest.fn() })[
      'kith.contact.updated.v1'
    ];

    await handle?.(updated({}, ['tags']), CTX);

    expect(refreshMemberName).not.toHaveBeenCalled();
  });
});

describe('the household members consumer on deletes', () => {
  it('lets a deleted person leave their household', async () => {
    const removeDeletedPerson = jest.fn(async () => undefined);
    const handlers = householdMemberHandlers({
      refreshMemberName: jest.fn(async () => undefined),
      removeDeletedPerson,
    });
    const event = updated({ deletedAt: T0 }, []);

    await handlers['kith.contact.deleted.v1']?.(
      { ...event, type: 'kith.contact.deleted.v1', data: { contact: event.data.contact } },
      CTX,
    );

    expect(removeDeletedPerson).toHaveBeenCalledWith('tenant-a', 'c-1');
  });
});
