import type { ConsentRecord } from '../src/domain/consent';
import type { Contact } from '../src/domain/contact';
import { ContactErrorCode } from '../src/domain/contact-error';
import { decideMerge, type MergeCommand } from '../src/domain/contact-merge';
import { aContact } from './support/contact-fixture';

const TENANT = 'tenant-a';
const NOW = '2026-03-01T12:00:00.000Z';

function survivor(overrides: Partial<Contact> = {}): Contact {
  return aContact({
    id: 's-1',
    tenantId: TENANT,
    version: 3,
    person: { firstName: 'Jane', lastName: 'Smith' },
    emails: [{ address: 'jane@example.org', type: 'home', primary: true, valid: true }],
    tags: ['donor'],
    ...overrides,
  });
}

function victim(overrides: Partial<Contact> = {}): Contact {
  return aContact({
    id: 'v-1',
    tenantId: TENANT,
    version: 2,
    person: { firstName: 'Janet', lastName: 'Smith', middleName: 'Ann' },
    emails: [
      { address: 'jane@example.org', type: 'work', primary: false, valid: false },
      { address: 'jsmith@work.example', type: 'work', primary: true, valid: true },
    ],
    tags: ['volunteer', 'donor'],
    ...overrides,
  });
}

function command(overrides: Partial<MergeCommand> = {}): MergeCommand {
  return { tenantId: TENANT, survivorId: 's-1', victimId: 'v-1', fieldChoices: {}, ...overrides };
}

function consent(status: ConsentRecord['status'], capturedAt: string): ConsentRecord {
  return { channel: 'email', status, source: 'web-form', capturedAt, recordedAt: capturedAt };
}

function expectCode(act: () => unknown, code: ContactErrorCode): void {
  expect(act).toThrow(expect.objectContaining({ code }));
}

describe('decideMerge', () => {
  it("keeps the survivor's value of a field by default", () => {
    const { survivor: merged } = decideMerge(survivor(), victim(), command(), NOW);

    expect(merged.person?.firstName).toBe('Jane');
  });

  it("takes the victim's value when the survivor's is empty", () => {
    const { survivor: merged, fieldChoices } = decideMerge(survivor(), victim(), command(), NOW);

    expect(merged.person?.middleName).toBe('Ann');
    expect(fieldChoices.middleName).toBe('victim');
  });

  it("takes the victim's value of a field the caller chose so", () => {
    const choices = { firstName: 'victim' as const };

    const { survivor: merged } = decideMerge(
      survivor(),
      victim(),
      command({ fieldChoices: choices }),
      NOW,
    );

    expect(merged.person?.firstName).toBe('Janet');
    expect(merged.displayName).toBe('Janet Smith');
  });

  it('refuses a choice of a field that cannot be chosen', () => {
    const choices = { emails: 'victim' as const };

    expectCode(
      () => decideMerge(survivor(), victim(), command({ fieldChoices: choices }), NOW),
      ContactErrorCode.VALIDATION_FAILED,
    );
  });

  it("unions emails once each, keeping only the survivor's primary", () => {
    const { survivor: merged } = decideMerge(survivor(), victim(), command(), NOW);

    expect(merged.emails.map((e) => [e.address, e.primary])).toEqual([
      ['jane@example.org', true],
      ['jsmith@work.example', false],
    ]);
  });

  it('marks a shared email invalid when it bounced on either record', () => {
    const { survivor: merged } = decideMerge(survivor(), victim(), command(), NOW);

    expect(merged.emails[0]?.valid).toBe(false);
  });

  it('unions phones by their normalized number', () => {
    const phone = {
      number: '555 0100',
      normalized: '5550100',
      type: 'home' as const,
      primary: true,
      valid: true,
    };
    const other = { ...phone, number: '555-0100' };

    const { survivor: merged } = decideMerge(
      survivor({ phones: [phone] }),
      victim({ phones: [other] }),
      command(),
      NOW,
    );

    expect(merged.phones).toHaveLength(1);
  });

  it('unions addresses by country, postal code and first line', () => {
    const home = {
      type: 'home' as const,
      primary: true,
      line1: '1 Main St',
      postalCode: 'SW1A 1AA',
      countryCode: 'GB',
      valid: true,
    };
    const office = { ...home, type: 'work' as const, line1: '9 Office Rd' };

    const { survivor: merged } = decideMerge(
      survivor({ addresses: [home] }),
      victim({ addresses: [{ ...home, line1: '1 main  st' }, office] }),
      command(),
      NOW,
    );

    expect(merged.addresses.map((a) => a.line1)).toEqual(['1 Main St', '9 Office Rd']);
  });

  it('merges tags when the victim has tags the survivor lacks', () => {
    const { survivor: merged } = decideMerge(survivor(), victim(), command(), NOW);

    expect(merged.tags).toEqual(['donor', 'volunteer']);
  });

  it("keeps the survivor's custom field values and fills the gaps from the victim's", () => {
    const { survivor: merged } = decideMerge(
      survivor({ customFields: { level: 'gold' } }),
      victim({ customFields: { level: 'silver', score: 7 } }),
      command(),
      NOW,
    );

    expect(merged.customFields).toEqual({ level: 'gold', score: 7 });
  });

  it('sets do-not-contact and deceased when either record has them', () => {
    const { survivor: merged } = decideMerge(
      survivor(),
      victim({ doNotContact: true, deceased: true }),
      command(),
      NOW,
    );

    expect([merged.doNotContact, merged.deceased]).toEqual([true, true]);
  });

  it('keeps both consent histories in recording order', () => {
    const early = consent('opted_in', '2025-01-01T00:00:00.000Z');
    const late = consent('opted_in', '2025-06-01T00:00:00.000Z');

    const { survivor: merged } = decideMerge(
      survivor({ consentHistory: [late] }),
      victim({ consentHistory: [early] }),
      command(),
      NOW,
    );

    expect(merged.consentHistory).toEqual([early, late]);
  });

  it('makes the latest captured consent current when neither opted out', () => {
    const unknown = { ...consent('unknown', '2025-01-01T00:00:00.000Z') };
    const optIn = consent('opted_in', '2025-06-01T00:00:00.000Z');

    const { survivor: merged } = decideMerge(
      survivor({ communication: { email: unknown } }),
      victim({ communication: { email: optIn } }),
      command(),
      NOW,
    );

    expect(merged.communication.email).toEqual(optIn);
  });

  it('keeps an opt-out current even when the other record opted in later', () => {
    const optOut = consent('opted_out', '2025-01-01T00:00:00.000Z');
    const optIn = consent('opted_in', '2025-06-01T00:00:00.000Z');

    const { survivor: merged } = decideMerge(
      survivor({ communication: { email: optIn } }),
      victim({ communication: { email: optOut } }),
      command(),
      NOW,
    );

    expect(merged.communication.email?.status).toBe('opted_out');
  });

  it('records the victim in the survivor and bumps its version', () => {
    const { survivor: merged } = decideMerge(survivor(), victim(), command(), NOW);

    expect([merged.version, merged.mergedFrom, merged.updatedAt]).toEqual([4, ['v-1'], NOW]);
  });

  it("keeps the survivor's inherited household address, not the victim's", () => {
    const address = {
      type: 'home' as const,
      primary: true,
      line1: '1 Main St',
      countryCode: 'US',
      valid: true,
    };
    const mine = { householdId: 'h-s', address };

    const { survivor: merged } = decideMerge(
      survivor({ householdAddress: mine }),
      victim({ householdAddress: { householdId: 'h-v', address } }),
      command(),
      NOW,
    );
    const { survivor: withoutOne } = decideMerge(
      survivor(),
      victim({ householdAddress: { householdId: 'h-v', address } }),
      command(),
      NOW,
    );

    expect(merged.householdAddress).toEqual(mine);
    // The victim's household place reaches the survivor through re-pointing, then the consumer.
    expect(withoutOne.householdAddress).toBeUndefined();
  });

  it('turns the victim into a deleted tombstone that points at the survivor', () => {
    const { victim: tombstone } = decideMerge(survivor(), victim(), command(), NOW);

    expect(tombstone).toMatchObject({ version: 3, deletedAt: NOW, mergedInto: 's-1' });
    expect(tombstone.emails).toHaveLength(2);
  });

  it('refuses to merge a contact into itself', () => {
    expectCode(
      () => decideMerge(survivor(), survivor(), command({ victimId: 's-1' }), NOW),
      ContactErrorCode.VALIDATION_FAILED,
    );
  });

  it("answers NOT_FOUND for another tenant's victim", () => {
    expectCode(
      () => decideMerge(survivor(), victim({ tenantId: 'tenant-b' }), command(), NOW),
      ContactErrorCode.NOT_FOUND,
    );
  });

  it('refuses to merge an organization into a person', () => {
    const org = victim({ kind: 'organization', person: undefined, organization: { name: 'Acme' } });

    expectCode(
      () => decideMerge(survivor(), org, command(), NOW),
      ContactErrorCode.FAILED_PRECONDITION,
    );
  });

  it('refuses a victim that was already merged, naming the contact it went to', () => {
    const merged = victim({ deletedAt: NOW, mergedInto: 's-9' });

    expectCode(
      () => decideMerge(survivor(), merged, command(), NOW),
      ContactErrorCode.FAILED_PRECONDITION,
    );
    expect(() => decideMerge(survivor(), merged, command(), NOW)).toThrow(
      expect.objectContaining({ facts: { mergedInto: 's-9' } }),
    );
  });

  it('refuses a deleted survivor', () => {
    expectCode(
      () => decideMerge(survivor({ deletedAt: NOW }), victim(), command(), NOW),
      ContactErrorCode.ALREADY_DELETED,
    );
  });

  it('refuses a stale expected version of the victim', () => {
    expectCode(
      () => decideMerge(survivor(), victim(), command({ expectedVictimVersion: 1 }), NOW),
      ContactErrorCode.VERSION_CONFLICT,
    );
  });
});
