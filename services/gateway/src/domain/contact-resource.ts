// The REST shapes of people and organizations, and the pure mapping from the contact
// service's proto messages to them. Proto3 has no "unset" for strings, so an empty
// string from the service becomes null in JSON: every key is always present.
import type { contactV1 } from '@kith/contracts';

export type ResourceKind = 'person' | 'organization';

export interface EmailResource {
  address: string;
  type: string;
  primary: boolean;
}

export interface PhoneResource {
  number: string;
  type: string;
  primary: boolean;
}

export interface PersonNameResource {
  prefix: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  preferredName: string | null;
}

interface ContactResourceBase {
  id: string;
  version: number;
  displayName: string;
  emails: EmailResource[];
  phones: PhoneResource[];
  tags: string[];
  source: string | null;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only set on the response to DELETE; deleted records no longer read. */
  deletedAt: string | null;
}

export interface PersonResource extends ContactResourceBase {
  kind: 'person';
  name: PersonNameResource;
}

export interface OrganizationResource extends ContactResourceBase {
  kind: 'organization';
  name: string;
  organizationType: string | null;
  website: string | null;
}

export type ContactResource = PersonResource | OrganizationResource;

const PROTO_KIND: Record<ResourceKind, contactV1.ContactKind__Output> = {
  person: 'CONTACT_KIND_PERSON',
  organization: 'CONTACT_KIND_ORGANIZATION',
};

export function protoKindOf(kind: ResourceKind): contactV1.ContactKind__Output {
  return PROTO_KIND[kind];
}

/** The REST kind of a proto contact, or undefined for a kind this API does not expose. */
export function resourceKindOf(contact: contactV1.Contact__Output): ResourceKind | undefined {
  if (contact.kind === 'CONTACT_KIND_PERSON') return 'person';
  if (contact.kind === 'CONTACT_KIND_ORGANIZATION') return 'organization';
  return undefined;
}

function orNull(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

function baseOf(contact: contactV1.Contact__Output): ContactResourceBase {
  const fields = contact.fields;
  return {
    id: contact.id,
    // int64 arrives as a decimal string (longs: String); versions stay far below 2^53.
    version: Number(contact.version),
    displayName: contact.displayName,
    emails: (fields?.emails ?? []).map((e) => ({
      address: e.address,
      type: e.type,
      primary: e.primary,
    })),
    phones: (fields?.phones ?? []).map((p) => ({
      number: p.number,
      type: p.type,
      primary: p.primary,
    })),
    tags: [...(fields?.tags ?? [])],
    source: orNull(fields?.source),
    ownerId: orNull(fields?.ownerId),
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    deletedAt: orNull(contact.deletedAt),
  };
}

export function toPersonResource(contact: contactV1.Contact__Output): PersonResource {
  const n = contact.fields?.person;
  // id, kind, version first: the order people read a record in.
  const { id, version, ...rest } = baseOf(contact);
  return {
    id,
    kind: 'person',
    version,
    ...rest,
    name: {
      prefix: orNull(n?.prefix),
      firstName: orNull(n?.firstName),
      middleName: orNull(n?.middleName),
      lastName: orNull(n?.lastName),
      suffix: orNull(n?.suffix),
      preferredName: orNull(n?.preferredName),
    },
  };
}

export function toOrganizationResource(contact: contactV1.Contact__Output): OrganizationResource {
  const o = contact.fields?.organization;
  const { id, version, ...rest } = baseOf(contact);
  return {
    id,
    kind: 'organization',
    version,
    ...rest,
    name: o?.name ?? '',
    organizationType: orNull(o?.organizationType),
    website: orNull(o?.website),
  };
}

export function toResource(contact: contactV1.Contact__Output): ContactResource | undefined {
  const kind = resourceKindOf(contact);
  if (kind === 'person') return toPersonResource(contact);
  if (kind === 'organization') return toOrganizationResource(contact);
  return undefined;
}
