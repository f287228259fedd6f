import { newEvent, type HouseholdSnapshot } from '@kith/events';
import { householdAddressHandlers } from '../src/events/household-address.consumer';

const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-02T10:00:00.000Z';
const CTX = { topic: 'kith.contact.v1', partition: 0, offset: '1' };

function snapshot(overrides: Partial<HouseholdSnapshot> = {}): HouseholdSnapshot {
  return {
    id: 'h-1',
    tenantId: 'tenant-a',
    version: 3,
    name: 'Jane and John Smith',
    greeting: 'Jane and John',
    mailingAddress: {
      type: 'home',
      primary: true,
      line1: '1 Main St',
      countryCode: 'US',
      valid: true,
    },
    members: [
      { contactId: 'jane', role: 'adult', inheritsAddress: true, joinedAt: T0 },
      { contactId: 'john', role: 'adult', inheritsAddress: false, joinedAt: T0 },
    ],
    createdAt: T0,
    updatedAt: T1,
    ...overrides,
  };
}

function event(type: string, data: unknown) {
  return newEvent({
    type,
    source: 'kith/contact',
    subject: 'h-1',
    tenantId: 'tenant-a',
    time: T1,
    data,
  });
}

function handlers() {
  const recompute = jest.fn(async () => undefined);
  return { recompute, handle: householdAddressHandlers({ recompute }) };
}

describe('the household address consumer', () => {
  it('recomputes the inheriting members when the mailing address changed', async () => {
    const { recompute, handle } = handlers();

    await handle['kith.household.updated.v1']?.(
      event('kith.household.updated.v1', {
        household: snapshot(),
        changedFields: ['mailingAddress'],
        memberChanges: [],
      }),
      CTX,
    );

    expect(recompute.mock.calls).toEqual([['tenant-a', 'jane']]);
  });

  it('recomputes the person who left', async () => {
    const { recompute, handle } = handlers();

    await handle['kith.household.updated.v1']?.(
      event('kith.household.updated.v1', {
        household: snapshot(),
        changedFields: ['name', 'greeting', 'members'],
        memberChanges: [{ contactId: 'john', change: 'left' }],
      }),
      CTX,
    );

    expect(recompute.mock.calls).toEqual([['tenant-a', 'john']]);
  });

  it('recomputes the inheriting members of a deleted household', async () => {
    const { recompute, handle } = handlers();
    const members = snapshot().members.map((m) => ({ ...m, leftAt: T1 }));

    await handle['kith.household.deleted.v1']?.(
      event('kith.household.deleted.v1', { household: snapshot({ members, deletedAt: T1 }) }),
      CTX,
    );

    expect(recompute.mock.calls).toEqual([['tenant-a', 'jane']]);
  });

  it('refuses an event the catalogue rejects, so it is retried and dead-lettered', async () => {
    const { recompute, handle } = handlers();

    await expect(
      handle['kith.household.updated.v1']?.(
        event('kith.household.updated.v1', { household: { id: 'h-1' } }),
        CTX,
      ),
    ).rejects.toThrow();
    expect(recompute).not.toHaveBeenCalled();
  });
});
