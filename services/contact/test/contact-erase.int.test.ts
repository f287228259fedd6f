// GDPR erasure against the real servers: a person with every kind of personal data the
// contact service holds is erased, and afterwards no original value is found in any document
// of any collection of the service's databases (the contact database, its outbox and audit
// databases): contacts, audit trail, outbox, households, relationships, custom field values,
// merge records and the merged tombstone, import jobs and their error reports.
import * as grpc from '@grpc/grpc-js';
import { openForSuite, waitFor } from '@kith/testkit';
import type mongoose from 'mongoose';
import { openContactProcess } from './support/contact-process';
import { failureOf, type ContactTestClient } from './support/contact-test-client';
import type { CustomFieldTestClient } from './support/custom-field-test-client';
import { duplicateTestClient } from './support/duplicate-test-client';
import type { HouseholdTestClient } from './support/household-test-client';
import type { PrivacyTestClient } from './support/privacy-test-client';
import type { RelationshipTestClient } from './support/relationship-test-client';
import { newTenant, type TestContactService } from './support/start-contact-service';
import { outboxDrained, everyStoredDocument as storedDocuments } from './support/stored-documents';
import { contactImportTestClient } from './support/contact-import-test-client';

// Distinctive values, so a hit in a raw document can only be the person's data.
const PERSONAL = {
  firstName: 'Zephyrine',
  lastName: 'Quillfeather',
  email: 'zephyrine.quillfeather@example.org',
  phone: '+44 20 7946 0321',
  newPhone: '+44 20 7946 0999',
  street: '17 Marigold Crescent',
  postalCode: 'ZQ1 7MC',
  birthDate: '1984-07-19',
  newBirthDate: '1984-07-20',
  gender: 'genderfluid-test',
  pronouns: 'xe/xem',
  tag: 'oncology-appeal',
  source: 'charity-gala-lumen',
  statement: 'I agree that Kith may email me about Lumen appeals',
  description: 'carer after the hip surgery',
  customValue: 'allergic-to-penicillin-zq',
  /** The email of a duplicate of her merged into her record. */
  duplicateEmail: 'z.quillfeather@example.net',
  /** A row of hers that an import refused (its report keeps the row as read). */
  refusedBirthDate: '1984-19-07',
  refusedPhone: '020 7946 0321',
};

describe('erasing a person against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let households: HouseholdTestClient;
  let relationships: RelationshipTestClient;
  let customFields: CustomFieldTestClient;
  let privacy: PrivacyTestClient;
  let mongo: mongoose.mongo.MongoClient;

  openForSuite(async (own) => {
    ({ running, contacts, households, relationships, customFields, privacy, mongo } =
      await openContactProcess('contact-erase', own));
  });

  const erase = (tenantId: string, id: string) => privacy.erase(tenantId, id);
  const exportOf = (tenantId: string, contactId: string) => privacy.exportOf(tenantId, contactId);

  const everyStoredDocument = () => storedDocuments(mongo, running.dbName);

  async function arrangeZephyrine(tenant: string): Promise<string> {
    await customFields.create(tenant, {
      recordType: 'person',
      key: 'medical_note',
      spec: { label: 'Medical note', type: 'text' },
    });
    const created = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: {
        person: { firstName: PERSONAL.firstName, lastName: PERSONAL.lastName },
        emails: [{ address: PERSONAL.email, type: 'home', primary: true }],
        phones: [{ number: PERSONAL.phone, type: 'mobile', primary: true }],
        addresses: [
          {
            type: 'home',
            primary: true,
            line1: PERSONAL.street,
            city: 'Lumenbury',
            postalCode: PERSONAL.postalCode,
            countryCode: 'GB',
          },
        ],
        birthDate: PERSONAL.birthDate,
        gender: PERSONAL.gender,
        pronouns: PERSONAL.pronouns,
        tags: [PERSONAL.tag],
        source: PERSONAL.source,
        customFieldsJson: JSON.stringify({ medical_note: PERSONAL.customValue }),
      },
    });
    // Updates, so the audit trail holds before and after values.
    const updated = await contacts.update(tenant, {
      id: created.id,
      expectedVersion: created.version,
      fields: {
        birthDate: PERSONAL.newBirthDate,
        phones: [{ number: PERSONAL.newPhone, type: 'mobile', primary: true }],
      },
      updateMask: { paths: ['birth_date', 'phones'] },
    });
    await contacts.recordConsent(tenant, {
      contactId: updated.id,
      channel: 'email',
      status: 'opted_in',
      source: 'web-form',
      statement: PERSONAL.statement,
    });
    await contacts.recordConsent(tenant, {
      contactId: updated.id,
      channel: 'sms',
      status: 'opted_out',
      source: 'phone-call',
    });
    const partner = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Bob', lastName: 'Partner' } },
    });
    const household = await households.call('CreateHousehold', tenant, {});
    await households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: '1',
      contactId: created.id,
      role: 'adult',
    });
    await households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: '2',
      contactId: partner.id,
      role: 'adult',
    });
    await households.call('UpdateHousehold', tenant, {
      id: household.id,
      expectedVersion: '3',
      nameOverride: `The ${PERSONAL.lastName} Home`,
      updateMask: { paths: ['name_override'] },
    });
    await relationships.create(tenant, {
      typeCode: 'spouse-of',
      contactAId: created.id,
      contactBId: partner.id,
      fields: { description: PERSONAL.description },
    });
    // The audit consumer has recorded every change before the erasure.
    await waitFor(async () => (await contacts.audit(tenant, created.id)).entries.length >= 4, {
      what: 'audit entries',
    });
    return created.id;
  }

  /** A duplicate of her merged into her record: a merge record and a tombstone. */
  async function arrangeMergedDuplicate(tenant: string, survivorId: string): Promise<void> {
    const victim = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: {
        person: { firstName: PERSONAL.firstName, lastName: PERSONAL.lastName },
        emails: [{ address: PERSONAL.duplicateEmail, type: 'work' }],
      },
    });
    const duplicates = duplicateTestClient(running.service.grpcPort);
    try {
      await duplicates.merge(tenant, { survivorId, victimId: victim.id });
    } finally {
      duplicates.close();
    }
  }

  /** An import that refused a row of hers (a birth date that is no date): its error report. */
  async function arrangeRefusedImportRow(tenant: string): Promise<void> {
    const imports = contactImportTestClient(running.service.grpcPort);
    try {
      const [outcome] = await imports.importPeople(tenant, [
        {
          rowNumber: 1,
          fields: {
            person: { firstName: PERSONAL.firstName, lastName: PERSONAL.lastName },
            emails: [{ address: PERSONAL.email, type: 'home' }],
            phones: [{ number: PERSONAL.refusedPhone, type: 'home' }],
            birthDate: PERSONAL.refusedBirthDate,
          },
          cells: [
            { column: 'First name', value: PERSONAL.firstName },
            { column: 'Last name', value: PERSONAL.lastName },
            { column: 'Email', value: PERSONAL.email.toUpperCase() },
            { column: 'Phone', value: PERSONAL.refusedPhone },
            { column: 'Birth date', value: PERSONAL.refusedBirthDate },
          ],
        },
      ]);
      expect(outcome?.status).toBe('IMPORT_ROW_STATUS_FAILED');
    } finally {
      imports.close();
    }
  }

  it('leaves none of the personal values in any collection, and says so only once', async () => {
    const tenant = newTenant();
    const id = await arrangeZephyrine(tenant);
    await arrangeMergedDuplicate(tenant, id);
    await arrangeRefusedImportRow(tenant);
    const before = (await everyStoredDocument()).join('\n');
    expect(before).toContain(PERSONAL.street);
    expect(before).toContain(PERSONAL.description);
    expect(before).toContain(PERSONAL.duplicateEmail);
    expect(before).toContain(PERSONAL.refusedBirthDate);

    const erased = await erase(tenant, id);

    expect(erased).toMatchObject({ id, kind: 'person', alreadyErased: false });
    // The consumers have run: the audit trail ends with the erasure, and the outbox is drained.
    await waitFor(
      async () =>
        (await contacts.audit(tenant, id)).entries.some((entry) => entry.action === 'erased'),
      { what: 'the erasure audit entry' },
    );
    await outboxDrained(mongo, running.dbName);
    const leaks = (await everyStoredDocument()).filter((text) =>
      Object.values(PERSONAL).some((value) => text.toLowerCase().includes(value.toLowerCase())),
    );
    expect(leaks).toEqual([]);
    expect(await erase(tenant, id)).toMatchObject({ alreadyErased: true, version: erased.version });
    expect((await failureOf(contacts.get(tenant, id))).code).toBe(grpc.status.NOT_FOUND);
  });

  it('exports the contact, its audit trail, household and relationships before erasure', async () => {
    const tenant = newTenant();
    const id = await arrangeZephyrine(tenant);

    const exported = await exportOf(tenant, id);

    expect(exported.service).toBe('contact');
    const sections = Object.fromEntries(
      exported.sections.map((s) => [s.name, JSON.parse(s.json) as unknown]),
    );
    expect(Object.keys(sections)).toEqual([
      'contact',
      'audit',
      'households',
      'relationships',
      'customFields',
    ]);
    expect(JSON.stringify(sections.customFields)).toContain(PERSONAL.customValue);
    expect(sections.contact).toMatchObject({ id, birthDate: PERSONAL.newBirthDate });
    expect(JSON.stringify(sections.contact)).toContain(PERSONAL.statement);
    expect(sections.households).toEqual([
      expect.objectContaining({ householdName: `The ${PERSONAL.lastName} Home`, current: true }),
    ]);
    expect(sections.relationships).toEqual([
      expect.objectContaining({
        description: PERSONAL.description,
        other: expect.objectContaining({ displayName: 'Bob Partner' }),
      }),
    ]);
  });

  it('erases the tombstones of contacts merged into the person too', async () => {
    const tenant = newTenant();
    const person = (email: string) =>
      contacts.create(tenant, {
        kind: 'CONTACT_KIND_PERSON',
        fields: {
          person: { firstName: 'Orlaith', lastName: 'Vantongeren' },
          emails: [{ address: email, type: 'home', primary: true }],
        },
      });
    const survivor = await person('orlaith@example.org');
    const victim = await person('orlaith.v@example.org');
    const duplicates = duplicateTestClient(running.service.grpcPort);
    try {
      await duplicates.merge(tenant, { survivorId: survivor.id, victimId: victim.id });
    } finally {
      duplicates.close();
    }

    await erase(tenant, survivor.id);
    const tombstone = await mongo
      .db(running.dbName)
      .collection('contacts')
      .findOne({ _id: victim.id as never });

    expect(tombstone).toMatchObject({ erasedAt: expect.any(String), mergedInto: survivor.id });
    expect(JSON.stringify(tombstone)).not.toContain('Vantongeren');
    expect(JSON.stringify(tombstone)).not.toContain('orlaith.v@example.org');
  });

  it("answers NOT_FOUND for another tenant's contact, to export and to erase", async () => {
    const tenant = newTenant();
    const created = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Ann' } },
    });

    expect((await failureOf(exportOf(newTenant(), created.id))).code).toBe(grpc.status.NOT_FOUND);
    expect((await failureOf(erase(newTenant(), created.id))).code).toBe(grpc.status.NOT_FOUND);
  });
});
