import type { Contact } from '../src/domain/contact';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import { ERASED_DISPLAY_NAME, decideErase } from '../src/domain/contact-erase';
import type { ConsentRecord } from '../src/domain/consent';
import { aContact, anInheritedAddress } from './support/contact-fixture';

const NOW = '2026-11-23T10:00:00.000Z';
const ID = '0193a0b2-7c4e-7000-8000-000000000001';

const optIn: ConsentRecord = {
  channel: 'email',
  status: 'opted_in',
  source: 'web-form',
  capturedAt: '2026-01-02T00:00:00.000Z',
  statement: 'Yes, Ada Lovelace wants the newsletter',
  campaignId: 'spring-2026',
  recordedAt: '2026-01-02T00:00:00.000Z',
  recordedBy: 'user-1',
};
const optOut: ConsentRecord = {
  channel: 'sms',
  status: 'opted_out',
  source: 'phone-call',
  capturedAt: '2026-02-03T00:00:00.000Z',
  statement: 'Ada said stop texting 555-0100',
  recordedAt: '2026-02-03T00:00:00.000Z',
  recordedBy: 'user-2',
};

function ada(overrides: Partial<Contact> = {}): Contact {
  return aContact({
    id: ID,
    tenantId: 'tenant-a',
    version: 4,
    displayName: 'Ada Lovelace',
    searchNames: ['ada lovelace', 'lovelace'],
    person: { firstName: 'Ada', lastName: 'Lovelace' },
    emails: [{ address: 'ada@example.org', type: 'home', primary: true, valid: true }],
    phones: [
      { number: '555-0100', normalized: '5550100', type: 'mobile', primary: true, valid: true },
    ],
    addresses: [
      { type: 'home', primary: true, line1: '12 St James Sq', countryCode: 'GB', valid: true },
    ],
    tags: ['major-donor'],
    source: 'gala-2025',
    ownerId: 'user-9',
    birthDate: '1815-12-10',
    gender: 'female',
    pronouns: 'she/her',
    communication: { email: optIn, sms: optOut },
    consentHistory: [optIn, optOut],
    ...overrides,
  });
}

describe('decideErase', () => {
  it('leaves no name, address, date or free text of the person in the erased contact', () => {
    const { contact } = decideErase(ada(), { id: ID, tenantId: 'tenant-a' }, NOW);

    const stored = JSON.stringify(contact);
    for (const value of ['Ada', 'Lovelace', 'ada@example.org', '555-0100', 'St James', '1815']) {
      expect(stored).not.toContain(value);
    }
    for (const value of ['major-donor', 'gala-2025', 'user-9', 'female', 'she/her']) {
      expect(stored).not.toContain(value);
    }
  });

  it('drops the household address the person inherited: it says where they live', () => {
    const householdAddress = anInheritedAddress();

    const { contact } = decideErase(
      ada({ householdAddress }),
      { id: ID, tenantId: 'tenant-a' },
      NOW,
    );

    expect(contact).not.toHaveProperty('householdAddress');
  });

  it('names the erased person with the placeholder and no search names', () => {
    const { contact } = decideErase(ada(), { id: ID, tenantId: 'tenant-a' }, NOW);

    expect(contact.displayName).toBe(ERASED_DISPLAY_NAME);
    expect(contact.person).toBeUndefined();
    expect(contact.searchNames).toEqual([]);
  });

  it('keeps identity and lifecycle, moves the version on, and marks it erased and deleted', () => {
    const { contact, erased } = decideErase(ada(), { id: ID, tenantId: 'tenant-a' }, NOW);

    expect(erased).toBe(true);
    expect(contact).toMatchObject({
      id: ID,
      tenantId: 'tenant-a',
      kind: 'person',
      version: 5,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: NOW,
      deletedAt: NOW,
      erasedAt: NOW,
    });
  });

  it('keeps an earlier deletion time when the contact was deleted before', () => {
    const deletedAt = '2026-06-01T00:00:00.000Z';

    const { contact } = decideErase(ada({ deletedAt }), { id: ID, tenantId: 'tenant-a' }, NOW);

    expect(contact.deletedAt).toBe(deletedAt);
  });

  it('keeps only the fact of an opt-out, without its wording, campaign or recorder', () => {
    const { contact } = decideErase(ada(), { id: ID, tenantId: 'tenant-a' }, NOW);

    expect(contact.consentHistory).toEqual([
      {
        channel: 'sms',
        status: 'opted_out',
        source: 'erased',
        capturedAt: optOut.capturedAt,
        recordedAt: optOut.recordedAt,
      },
    ]);
    expect(contact.communication).toEqual({ sms: contact.consentHistory[0] });
    expect(contact.doNotContact).toBe(true);
  });

  it('drops custom field values', () => {
    const withValues = { ...ada(), customFields: { shoeSize: 38, diagnosis: 'private' } };

    const { contact } = decideErase(withValues, { id: ID, tenantId: 'tenant-a' }, NOW);

    expect(contact.customFields).toEqual({});
  });

  it('answers an erased contact unchanged and erases nothing a second time', () => {
    const first = decideErase(ada(), { id: ID, tenantId: 'tenant-a' }, NOW).contact;

    const again = decideErase(
      first,
      { id: ID, tenantId: 'tenant-a', expectedVersion: 2 },
      '2026-11-24T00:00:00.000Z',
    );

    expect(again).toEqual({ contact: first, erased: false });
  });

  it('refuses a stale expected version', () => {
    expect(() =>
      decideErase(ada(), { id: ID, tenantId: 'tenant-a', expectedVersion: 3 }, NOW),
    ).toThrow(expect.objectContaining({ code: ContactErrorCode.VERSION_CONFLICT }));
  });

  it('erases whatever version is current when no version is expected', () => {
    const { contact } = decideErase(ada({ version: 9 }), { id: ID, tenantId: 'tenant-a' }, NOW);

    expect(contact.version).toBe(10);
  });

  it('refuses to erase an organization', () => {
    const acme = ada({ kind: 'organization', organization: { name: 'Acme' }, person: undefined });

    expect(() => decideErase(acme, { id: ID, tenantId: 'tenant-a' }, NOW)).toThrow(
      expect.objectContaining({ code: ContactErrorCode.FAILED_PRECONDITION }),
    );
  });

  it("answers NOT_FOUND for another tenant's contact", () => {
    expect(() => decideErase(ada(), { id: ID, tenantId: 'tenant-b' }, NOW)).toThrow(ContactError);
  });
});
