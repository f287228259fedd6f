// kith.contact.v1 messages <-> domain types. Proto3 sends '' and null for "not set"; the
// domain treats empty as absent, so no defaulting logic lives here.
import type { contactV1 } from '@kith/contracts';
import type { Contact, ContactFieldsInput, ContactKind } from '../domain/contact';
import { ContactError } from '../domain/contact-error';

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
    emails: fields.emails.map(({ address, type, primary }) => ({ address, type, primary })),
    phones: fields.phones.map(({ number, type, primary }) => ({ number, type, primary })),
    tags: [...fields.tags],
    source: fields.source,
    ownerId: fields.ownerId,
  };
  if (fields.person) input.person = { ...fields.person };
  if (fields.organization) input.organization = { ...fields.organization };
  return input;
}

/** int64 arrives as a string (longs: String); anything unparsable fails validation later. */
export function versionFromProto(version: string | undefined): number {
  return version === undefined || version === '' ? 0 : Number(version);
}

export function contactToProto(contact: Contact): contactV1.Contact {
  return {
    id: contact.id,
    tenantId: contact.tenantId,
    kind: KIND_TO_PROTO[contact.kind],
    version: String(contact.version),
    displayName: contact.displayName,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    deletedAt: contact.deletedAt ?? '',
    fields: {
      person: contact.person ? { ...contact.person } : null,
      organization: contact.organization ? { ...contact.organization } : null,
      emails: contact.emails.map(({ address, type, primary }) => ({ address, type, primary })),
      phones: contact.phones.map(({ number, type, primary }) => ({ number, type, primary })),
      tags: [...contact.tags],
      source: contact.source ?? '',
      ownerId: contact.ownerId ?? '',
    },
  };
}
