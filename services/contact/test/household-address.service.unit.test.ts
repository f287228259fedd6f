// Recomputing a member's copy of the household address against in-memory stores, including a
// household change that lands between the recompute's read and its write.
import { HouseholdAddressService } from '../src/app/household-address.service';
import type { Contact } from '../src/domain/contact';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import type { Household } from '../src/domain/household';
import type { PostalAddress } from '../src/domain/postal-address';
import type { MembershipClaim } from '../src/store/household-membership.model';
import { aContact } from './support/contact-fixture';

const TENANT = 'tenant-a';
const NOW = '2026-01-05T10:00:00.000Z';
const HOME: PostalAddress = {
  type: 'home',
  primary: true,
  line1: '1 Main St',
  countryCode: 'US',
  valid: true,
};

function household(overrides: Partial<Household> = {}): Household {
  return {
    id: 'h-1',
    tenantId: TENANT,
    version: 2,
    name: 'Jane Smith',
    greeting: 'Jane',
    mailingAddress: HOME,
    members: [
      {
        contactId: 'jane',
        role: 'adult',
        inheritsAddress: true,
        joinedAt: NOW,
        contactVersion: 1,
      },
    ],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

class MemoryContacts {
  readonly rows = new Map<string, Contact>();
  readonly published: unknown[] = [];
  /** Runs once just before the next update is stored: a concurrent writer. */
  beforeNextUpdate: (() => void) | undefined;
  async findById(tenantId: string, id: string) {
    const c = this.rows.get(id);
    return c && c.tenantId === tenantId ? { contact: c, outboxLog: [] } : undefined;
  }
  async update(contact: Contact, expectedVersion: number, _log: unknown, items: unknown[]) {
    const interleave = this.beforeNextUpdate;
    this.beforeNextUpdate = undefined;
    interleave?.();
    if (this.rows.get(contact.id)?.version !== expectedVersion) {
      throw ContactError.versionConflict(contact.id, expectedVersion);
    }
    this.rows.set(contact.id, contact);
    this.published.push(...items);
  }
}

function setup() {
  const contacts = new MemoryContacts();
  contacts.rows.set('jane', aContact({ id: 'jane', tenantId: TENANT }));
  const claims = new Map<string, MembershipClaim>([
    [
      `${TENANT}:jane`,
      {
        _id: `${TENANT}:jane`,
        tenantId: TENANT,
        contactId: 'jane',
        householdId: 'h-1',
        claimedAt: NOW,
      },
    ],
  ]);
  const households = new Map<string, Household>([['h-1', household()]]);
  const service = new HouseholdAddressService({
    contacts,
    memberships: { find: async (tenantId, contactId) => claims.get(`${tenantId}:${contactId}`) },
    households: {
      findById: async (_tenantId, id) => {
        const h = households.get(id);
        return h ? { household: h, outboxLog: [] } : undefined;
      },
    },
    now: () => NOW,
  });
  return { service, contacts, claims, households };
}

describe('recomputing a member’s household address', () => {
  it('copies the household’s address to an inheriting member and publishes the update', async () => {
    const { service, contacts } = setup();

    await service.recompute(TENANT, 'jane');

    expect(contacts.rows.get('jane')).toMatchObject({
      version: 2,
      householdAddress: { householdId: 'h-1', address: HOME },
    });
    expect(contacts.published).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({
          type: 'kith.contact.updated.v1',
          data: expect.objectContaining({ changedFields: ['householdAddress'] }),
        }),
      }),
    ]);
  });

  it('writes nothing the second time: a redelivered event changes nothing', async () => {
    const { service, contacts } = setup();
    await service.recompute(TENANT, 'jane');

    await service.recompute(TENANT, 'jane');

    expect(contacts.rows.get('jane')?.version).toBe(2);
    expect(contacts.published).toHaveLength(1);
  });

  it('clears the copy once the person left the household', async () => {
    const { service, contacts, households } = setup();
    await service.recompute(TENANT, 'jane');
    const [jane] = household().members;
    households.set('h-1', household({ version: 3, members: [{ ...jane!, leftAt: NOW }] }));

    await service.recompute(TENANT, 'jane');

    expect(contacts.rows.get('jane')?.householdAddress).toBeUndefined();
    expect(contacts.rows.get('jane')?.version).toBe(3);
  });

  it('clears the copy when the person holds no claim', async () => {
    const { service, contacts, claims } = setup();
    await service.recompute(TENANT, 'jane');
    claims.clear();

    await service.recompute(TENANT, 'jane');

    expect(contacts.rows.get('jane')?.householdAddress).toBeUndefined();
  });

  it('looks again when the household changed between its read and its write', async () => {
    const { service, contacts, households } = setup();
    const invalid = { ...HOME, valid: false };
    // The change lands after our read; its own recompute would find Jane unchanged.
    contacts.beforeNextUpdate = () => {
      households.set('h-1', household({ version: 3, mailingAddress: invalid }));
    };

    await service.recompute(TENANT, 'jane');

    expect(contacts.rows.get('jane')?.householdAddress?.address).toEqual(invalid);
    expect(contacts.rows.get('jane')?.version).toBe(3);
  });

  it('reads again after another write of the contact won the race', async () => {
    const { service, contacts } = setup();
    contacts.beforeNextUpdate = () => {
      const jane = contacts.rows.get('jane') as Contact;
      contacts.rows.set('jane', { ...jane, version: 2, tags: ['donor'] });
    };

    await service.recompute(TENANT, 'jane');

    expect(contacts.rows.get('jane')).toMatchObject({
      version: 3,
      tags: ['donor'],
      householdAddress: { householdId: 'h-1' },
    });
  });

  it('does nothing for a contact that does not exist in the tenant', async () => {
    const { service, contacts } = setup();

    await service.recompute('tenant-b', 'jane');

    expect(contacts.published).toEqual([]);
  });

  it('gives up with VERSION_CONFLICT when the household never stops changing', async () => {
    const { service, contacts, households } = setup();
    let version = 2;
    const original = contacts.update.bind(contacts);
    contacts.update = async (...args) => {
      households.set(
        'h-1',
        household({ version: ++version, mailingAddress: { ...HOME, valid: version % 2 === 0 } }),
      );
      return original(...args);
    };

    await expect(service.recompute(TENANT, 'jane')).rejects.toMatchObject({
      code: ContactErrorCode.VERSION_CONFLICT,
    });
  });
});
