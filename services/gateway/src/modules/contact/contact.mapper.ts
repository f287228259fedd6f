// The REST shapes of people and organizations, and the pure mapping from the contact
// service's proto messages to them. Proto3 has no "unset" for strings, so an empty
// string from the service becomes null in JSON: every key is always present. The resource
// types are the response schemas' (z.output); proto enums-as-strings are taken as the values
// the schemas list, which are the only ones the contact service sends.
import type { contactV1 } from '@kith/contracts';
import type { z } from 'zod';
import type { AuditEntrySchema } from './audit.schema';
import { CHANNELS } from './consent.schema';
import type {
  ChannelReachabilitySchema,
  CommunicationSchema,
  ConsentRecordSchema,
  ReachabilitySchema,
} from './consent.schema';
import type { AddressSchema } from './contact-point.schema';
import type { contactResourceShape } from './contact-shape.schema';
import type { OrganizationSchema } from './organization.schema';
import type { PersonSchema } from './person.schema';

export type ResourceKind = 'person' | 'organization';

export type AddressResource = z.output<typeof AddressSchema>;
export type ConsentRecordResource = z.output<typeof ConsentRecordSchema>;
type ChannelReachabilityResource = z.output<typeof ChannelReachabilitySchema>;
type CommunicationResource = z.output<typeof CommunicationSchema>;
type ReachabilityResource = z.output<typeof ReachabilitySchema>;
export type PersonResource = z.output<typeof PersonSchema>;
export type OrganizationResource = z.output<typeof OrganizationSchema>;
export type ContactResource = PersonResource | OrganizationResource;
/** What both kinds carry: id, version and the shared resource shape. */
type ContactResourceBase = Pick<
  PersonResource,
  'id' | 'version' | keyof typeof contactResourceShape
>;
export type AuditEntryResource = z.output<typeof AuditEntrySchema>;

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

export function toConsentRecordResource(
  record: contactV1.ConsentRecord__Output,
): ConsentRecordResource {
  return {
    id: orNull(record.id),
    channel: record.channel as ConsentRecordResource['channel'],
    status: record.status as ConsentRecordResource['status'],
    source: record.source,
    capturedAt: record.capturedAt,
    statement: orNull(record.statement),
    campaignId: orNull(record.campaignId),
    recordedAt: record.recordedAt,
    recordedBy: orNull(record.recordedBy),
  };
}

export function toAddressResource(a: contactV1.PostalAddress__Output): AddressResource {
  return {
    type: a.type,
    primary: a.primary,
    line1: a.line1,
    line2: orNull(a.line2),
    city: orNull(a.city),
    region: orNull(a.region),
    postalCode: orNull(a.postalCode),
    countryCode: a.countryCode,
    // proto3 `optional`: unset means valid.
    valid: a.valid !== false,
    validFrom: orNull(a.validFrom),
    validTo: orNull(a.validTo),
  };
}

/** Every channel present: null when the service sent no record for it. */
export function toCommunicationResource(
  records: readonly contactV1.ConsentRecord__Output[],
): CommunicationResource {
  const byChannel = new Map(records.map((r) => [r.channel, r]));
  return Object.fromEntries(
    CHANNELS.map((channel) => {
      const record = byChannel.get(channel);
      return [channel, record ? toConsentRecordResource(record) : null];
    }),
  ) as CommunicationResource;
}

function reachabilityOf(entry: contactV1.ChannelReachability__Output): ChannelReachabilityResource {
  return {
    status: entry.status as ChannelReachabilityResource['status'],
    suppressed: entry.suppressed,
    reasons: [...entry.reasons] as ChannelReachabilityResource['reasons'],
  };
}

export function toReachabilityResource(
  entries: readonly contactV1.ChannelReachability__Output[],
): ReachabilityResource {
  const byChannel = new Map(entries.map((r) => [r.channel, r]));
  return Object.fromEntries(
    CHANNELS.map((channel) => {
      const entry = byChannel.get(channel);
      return [
        channel,
        entry ? reachabilityOf(entry) : { status: 'unknown', suppressed: false, reasons: [] },
      ];
    }),
  ) as ReachabilityResource;
}

/** The custom field values the contact service sends as JSON. */
export function parseCustomFields(json: string | undefined): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
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
      valid: e.valid !== false,
    })),
    phones: (fields?.phones ?? []).map((p) => ({
      number: p.number,
      type: p.type,
      primary: p.primary,
      valid: p.valid !== false,
    })),
    addresses: (fields?.addresses ?? []).map(toAddressResource),
    doNotContact: fields?.doNotContact ?? false,
    customFields: parseCustomFields(fields?.customFieldsJson),
    communication: toCommunicationResource(contact.communication ?? []),
    reachability: toReachabilityResource(contact.reachability ?? []),
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
    birthDate: orNull(contact.fields?.birthDate),
    gender: orNull(contact.fields?.gender),
    pronouns: orNull(contact.fields?.pronouns),
    deceased: contact.fields?.deceased ?? false,
    deceasedDate: orNull(contact.fields?.deceasedDate),
    householdAddress: contact.householdAddress?.address
      ? {
          householdId: contact.householdAddress.householdId,
          address: toAddressResource(contact.householdAddress.address),
        }
      : null,
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

function parseJsonOrNull(json: string): unknown {
  return json === '' ? null : (JSON.parse(json) as unknown);
}

export function toAuditEntryResource(entry: contactV1.AuditEntry__Output): AuditEntryResource {
  return {
    id: entry.id,
    version: Number(entry.version),
    at: entry.at,
    action: entry.action as AuditEntryResource['action'],
    actorId: orNull(entry.actorId),
    changes: entry.changes.map((c) => ({
      field: c.field,
      before: parseJsonOrNull(c.beforeJson),
      after: parseJsonOrNull(c.afterJson),
    })),
  };
}
