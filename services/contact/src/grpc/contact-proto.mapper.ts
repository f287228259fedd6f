// kith.contact.v1 messages <-> domain types. Proto3 sends '' and null for "not set"; the
// domain treats empty as absent, so no defaulting logic lives here.
import type { contactV1 } from '@kith/contracts';
import type { Contact, ContactFieldsInput, ContactKind } from '../domain/contact';
import { ContactError } from '../domain/contact-error';
import { CHANNELS, reachability, type ConsentRecord } from '../domain/consent';
import type { AuditEntry } from '../domain/contact-audit';
import type { PostalAddress, PostalAddressInput } from '../domain/postal-address';

const KIND_FROM_PROTO: Record<string, ContactKind | undefined> = {
  CONTACT_KIND_PERSON: 'person',
  CONTACT_KIND_ORGANIZATION: 'organization',
};

const KIND_TO_PROTO: Record<ContactKind, contactV1.ContactKind__Output> = {
  person: 'CONTACT_KIND_PERSON',
  organization: 'CONTACT_KIND_ORGANIZATION',
};

/** Undefined for CONTACT_KIND_UNSPECIFIED (a list filter that means "every kind"). */
export function kindFromProto(
  kind: contactV1.ContactKind__Output | undefined,
): ContactKind | undefined {
  return kind === undefined ? undefined : KIND_FROM_PROTO[kind];
}

export function requiredKindFromProto(
  kind: contactV1.ContactKind__Output | undefined,
): ContactKind {
  const parsed = kindFromProto(kind);
  if (!parsed) {
    throw ContactError.validation([{ field: 'kind', message: 'must be person or organization' }]);
  }
  return parsed;
}

export function fieldsFromProto(
  fields: contactV1.ContactFields__Output | null,
): ContactFieldsInput {
  if (!fields) return {};
  const input: ContactFieldsInput = {
    emails: fields.emails.map(({ address, type, primary, valid }) => ({
      address,
      type,
      primary,
      valid: valid !== false,
    })),
    phones: fields.phones.map(({ number, type, primary, valid }) => ({
      number,
      type,
      primary,
      valid: valid !== false,
    })),
    addresses: (fields.addresses ?? []).map(addressFromProto),
    tags: [...fields.tags],
    source: fields.source,
    ownerId: fields.ownerId,
    birthDate: fields.birthDate,
    gender: fields.gender,
    pronouns: fields.pronouns,
    deceased: fields.deceased,
    deceasedDate: fields.deceasedDate,
    doNotContact: fields.doNotContact,
  };
  if (fields.customFieldsJson) input.customFields = customFieldsFromJson(fields.customFieldsJson);
  if (fields.person) input.person = { ...fields.person };
  if (fields.organization) input.organization = { ...fields.organization };
  return input;
}

/** int64 arrives as a string (longs: String); anything unparsable fails validation later. */
export { versionFromProto } from '@kith/grpc-kit';

function customFieldsFromJson(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw ContactError.validation([
      { field: 'customFields', message: 'must be a JSON object of values by key' },
    ]);
  }
  return parsed as Record<string, unknown>;
}

export function addressFromProto(address: contactV1.PostalAddress__Output): PostalAddressInput {
  return {
    type: address.type,
    primary: address.primary,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    valid: address.valid !== false,
    validFrom: address.validFrom,
    validTo: address.validTo,
  };
}

export function addressToProto(address: PostalAddress): contactV1.PostalAddress {
  return {
    type: address.type,
    primary: address.primary,
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city ?? '',
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    countryCode: address.countryCode,
    valid: address.valid,
    validFrom: address.validFrom ?? '',
    validTo: address.validTo ?? '',
  };
}

export function consentRecordToProto(record: ConsentRecord): contactV1.ConsentRecord {
  return {
    channel: record.channel,
    status: record.status,
    source: record.source,
    capturedAt: record.capturedAt,
    statement: record.statement ?? '',
    campaignId: record.campaignId ?? '',
    recordedAt: record.recordedAt,
    recordedBy: record.recordedBy ?? '',
    id: record.id ?? '',
  };
}

/** `today` (YYYY-MM-DD) decides which seasonal addresses count for reachability. */
export function contactToProto(
  contact: Contact,
  today: string = new Date().toISOString().slice(0, 10),
): contactV1.Contact {
  const reach = reachability(contact, today);
  return {
    id: contact.id,
    tenantId: contact.tenantId,
    kind: KIND_TO_PROTO[contact.kind],
    version: String(contact.version),
    displayName: contact.displayName,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    deletedAt: contact.deletedAt ?? '',
    communication: CHANNELS.flatMap((channel) => {
      const record = contact.communication[channel];
      return record ? [consentRecordToProto(record)] : [];
    }),
    reachability: CHANNELS.map((channel) => ({ channel, ...reach[channel] })),
    householdAddress: contact.householdAddress
      ? {
          householdId: contact.householdAddress.householdId,
          address: addressToProto(contact.householdAddress.address),
        }
      : null,
    fields: {
      person: contact.person ? { ...contact.person } : null,
      organization: contact.organization ? { ...contact.organization } : null,
      emails: contact.emails.map(({ address, type, primary, valid }) => ({
        address,
        type,
        primary,
        valid,
      })),
      phones: contact.phones.map(({ number, type, primary, valid }) => ({
        number,
        type,
        primary,
        valid,
      })),
      addresses: contact.addresses.map(addressToProto),
      tags: [...contact.tags],
      source: contact.source ?? '',
      ownerId: contact.ownerId ?? '',
      birthDate: contact.birthDate ?? '',
      gender: contact.gender ?? '',
      pronouns: contact.pronouns ?? '',
      deceased: contact.deceased,
      deceasedDate: contact.deceasedDate ?? '',
      doNotContact: contact.doNotContact,
      customFieldsJson: JSON.stringify(contact.customFields),
    },
  };
}

export function auditEntryToProto(entry: AuditEntry): contactV1.AuditEntry {
  return {
    id: entry.id,
    contactId: entry.contactId,
    version: String(entry.version),
    at: entry.at,
    action: entry.action,
    actorId: entry.actorId ?? '',
    changes: entry.changes.map((change) => ({
      field: change.field,
      beforeJson: change.before === undefined ? '' : JSON.stringify(change.before),
      afterJson: change.after === undefined ? '' : JSON.stringify(change.after),
    })),
  };
}
