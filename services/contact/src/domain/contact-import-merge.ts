// What "update" means for an imported duplicate (CiviCRM's "fill", made additive for
// lists): a value the row gives replaces the existing one, a value it leaves empty keeps
// what is there, and emails, phones, addresses and tags the row adds join the existing
// lists (an entry already there is not repeated, and the existing primary stays primary).
// The answer is an update command's fields and mask, so decideUpdate validates it as usual;
// the row's consent records that say something new (import-consent.ts) ride in the same write.
import type { ConsentRecord } from './consent';
import type { Contact, ContactFields, ContactFieldsInput } from './contact';
import { CONTACT_EVENT_TYPES, decideUpdate, type Decision } from './contact-decisions';
import type { CustomFieldDefinition } from './custom-field';
import { withImportedConsent } from './import-consent';

export interface ImportUpdate {
  fields: ContactFieldsInput;
  updateMask: string[];
}

const SCALARS = [
  'source',
  'ownerId',
  'birthDate',
  'gender',
  'pronouns',
  'deceasedDate',
] as const satisfies ReadonlyArray<keyof ContactFields>;

export function mergeImportedFields(existing: ContactFields, row: ContactFields): ImportUpdate {
  const fields: ContactFieldsInput = {};
  const updateMask: string[] = [];
  if (row.person) {
    for (const [part, value] of Object.entries(row.person)) {
      if (value) {
        fields.person = { ...fields.person, [part]: value };
        updateMask.push(`person.${part}`);
      }
    }
  }
  if (row.organization) {
    for (const [part, value] of Object.entries(row.organization)) {
      if (value) {
        fields.organization = { ...fields.organization, [part]: value };
        updateMask.push(`organization.${part}`);
      }
    }
  }
  for (const field of SCALARS) {
    const value = row[field];
    if (value !== undefined) {
      fields[field] = value;
      updateMask.push(field);
    }
  }
  for (const [key, value] of Object.entries(row.customFields ?? {})) {
    fields.customFields = { ...fields.customFields, [key]: value };
    updateMask.push(`customFields.${key}`);
  }
  if (row.deceased && !existing.deceased) {
    fields.deceased = true;
    updateMask.push('deceased');
  }
  if (row.doNotContact && !existing.doNotContact) {
    fields.doNotContact = true;
    updateMask.push('doNotContact');
  }

  const known = new Set(existing.emails.map((e) => e.address));
  const emails = row.emails.filter((e) => !known.has(e.address));
  if (emails.length > 0) {
    fields.emails = [...existing.emails, ...emails.map((e) => ({ ...e, primary: false }))];
    updateMask.push('emails');
  }
  const knownPhones = new Set(existing.phones.map((p) => p.normalized));
  const phones = row.phones.filter((p) => !knownPhones.has(p.normalized));
  if (phones.length > 0) {
    fields.phones = [...existing.phones, ...phones.map((p) => ({ ...p, primary: false }))];
    updateMask.push('phones');
  }
  const addressKey = (a: ContactFields['addresses'][number]) =>
    [a.line1, a.postalCode ?? '', a.countryCode].join('|').toLowerCase();
  const knownAddresses = new Set(existing.addresses.map(addressKey));
  const addresses = row.addresses.filter((a) => !knownAddresses.has(addressKey(a)));
  if (addresses.length > 0) {
    fields.addresses = [
      ...existing.addresses,
      ...addresses.map((a) => ({ ...a, primary: existing.addresses.length === 0 && a.primary })),
    ];
    updateMask.push('addresses');
  }
  const tags = row.tags.filter((t) => !existing.tags.includes(t));
  if (tags.length > 0) {
    fields.tags = [...existing.tags, ...tags];
    updateMask.push('tags');
  }
  return { fields, updateMask };
}

/**
 * The update an imported duplicate makes: its merged fields and its new consent records, as
 * one version (one write); no events when neither changes anything.
 */
export function decideImportUpdate(
  existing: Contact,
  row: { fields: ContactFields; consents: readonly ConsentRecord[] },
  context: { now: string; actorId?: string; definitions: readonly CustomFieldDefinition[] },
): Decision {
  const { fields, updateMask } = mergeImportedFields(existing, row.fields);
  const updated: Decision =
    updateMask.length === 0
      ? { contact: existing, events: [] }
      : decideUpdate(
          existing,
          {
            id: existing.id,
            tenantId: existing.tenantId,
            expectedVersion: existing.version,
            fields,
            updateMask,
            ...(context.actorId ? { actorId: context.actorId } : {}),
          },
          context.now,
          context.definitions,
        );
  const { contact: consented, added } = withImportedConsent(updated.contact, row.consents);
  if (added.length === 0) return updated;
  const contact =
    updated.events.length > 0
      ? consented
      : { ...consented, version: existing.version + 1, updatedAt: context.now };
  return {
    contact,
    events: [
      ...updated.events.map((event) => ({ ...event, contact })),
      ...added.map((record) => ({ type: CONTACT_EVENT_TYPES.consentChanged, contact, record })),
    ],
  };
}
