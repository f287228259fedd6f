// Pure translation of validated REST input into contact-service requests. PATCH follows
// JSON merge-patch semantics: an absent key leaves the field alone, null clears it, a
// value replaces it (arrays are replaced whole). Each present key becomes one path of
// the proto update_mask, so the service changes exactly what the client sent.
import type { contactV1 } from '@kith/contracts';
import type { z } from 'zod';
import type { AddressInputSchema } from '../modules/contact/contact-point.schema';
import type {
  contactPointFields,
  contactPointPatchFields,
} from '../modules/contact/contact-shape.schema';
import type {
  CreateOrganizationBodySchema,
  PatchOrganizationBodySchema,
} from '../modules/contact/organization.schema';
import type {
  CreatePersonBodySchema,
  PatchPersonBodySchema,
} from '../modules/contact/person.schema';
import type { ListFilters } from './pagination';
import { protoKindOf } from '../modules/contact/contact.mapper';
import type { ResourceKind } from '../modules/contact/contact.mapper';

/** The request bodies as zod leaves them (defaults applied). */
export type CreatePersonInput = z.output<typeof CreatePersonBodySchema>;
export type CreateOrganizationInput = z.output<typeof CreateOrganizationBodySchema>;
export type PersonPatch = z.output<typeof PatchPersonBodySchema>;
export type OrganizationPatch = z.output<typeof PatchOrganizationBodySchema>;
/** What every kind's create body and patch share. */
type CommonCreateInput = Pick<CreatePersonInput, keyof typeof contactPointFields>;
type CommonPatch = Pick<PersonPatch, keyof typeof contactPointPatchFields>;
type AddressInput = z.output<typeof AddressInputSchema>;

function addressToProto(address: AddressInput): contactV1.PostalAddress {
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

export const PERSON_NAME_KEYS = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'preferredName',
] as const;
export type PersonNameKey = (typeof PERSON_NAME_KEYS)[number];

/** camelCase -> snake_case, the proto field names update_mask paths use. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function commonFields(input: CommonCreateInput, defaultOwnerId: string): contactV1.ContactFields {
  return {
    emails: input.emails ?? [],
    phones: input.phones ?? [],
    addresses: (input.addresses ?? []).map(addressToProto),
    doNotContact: input.doNotContact ?? false,
    customFieldsJson: input.customFields ? JSON.stringify(input.customFields) : '',
    tags: input.tags ?? [],
    source: input.source ?? '',
    // A new record is looked after by whoever created it unless the client says otherwise.
    ownerId: input.ownerId ?? defaultOwnerId,
  };
}

export function createPersonRequest(
  input: CreatePersonInput,
  defaultOwnerId: string,
): contactV1.CreateContactRequest {
  const person: contactV1.PersonName = {};
  for (const key of PERSON_NAME_KEYS) person[key] = input.name[key] ?? '';
  return {
    kind: protoKindOf('person'),
    fields: {
      ...commonFields(input, defaultOwnerId),
      person,
      birthDate: input.birthDate ?? '',
      gender: input.gender ?? '',
      pronouns: input.pronouns ?? '',
      deceased: input.deceased ?? false,
      deceasedDate: input.deceasedDate ?? '',
    },
  };
}

export function createOrganizationRequest(
  input: CreateOrganizationInput,
  defaultOwnerId: string,
): contactV1.CreateContactRequest {
  return {
    kind: protoKindOf('organization'),
    fields: {
      ...commonFields(input, defaultOwnerId),
      organization: {
        name: input.name,
        organizationType: input.organizationType ?? '',
        website: input.website ?? '',
      },
    },
  };
}

/** Applies the keys every kind shares; returns the mask paths it touched. */
function applyCommonPatch(patch: CommonPatch, fields: contactV1.ContactFields): string[] {
  const paths: string[] = [];
  if (patch.emails !== undefined) {
    fields.emails = patch.emails;
    paths.push('emails');
  }
  if (patch.phones !== undefined) {
    fields.phones = patch.phones;
    paths.push('phones');
  }
  if (patch.addresses !== undefined) {
    fields.addresses = patch.addresses.map(addressToProto);
    paths.push('addresses');
  }
  if (patch.doNotContact !== undefined) {
    fields.doNotContact = patch.doNotContact;
    paths.push('do_not_contact');
  }
  if (patch.tags !== undefined) {
    fields.tags = patch.tags;
    paths.push('tags');
  }
  if (patch.customFields !== undefined) {
    // One mask path per key: keys left out of the object stay as they are (merge patch).
    fields.customFieldsJson = JSON.stringify(patch.customFields);
    paths.push(...Object.keys(patch.customFields).map((key) => `custom_fields.${key}`));
  }
  if (patch.source !== undefined) {
    fields.source = patch.source ?? '';
    paths.push('source');
  }
  if (patch.ownerId !== undefined) {
    fields.ownerId = patch.ownerId ?? '';
    paths.push('owner_id');
  }
  return paths;
}

export function updatePersonRequest(
  id: string,
  expectedVersion: number,
  patch: PersonPatch,
): contactV1.UpdateContactRequest {
  const fields: contactV1.ContactFields = {};
  const paths: string[] = [];
  if (patch.name !== undefined) {
    const person: contactV1.PersonName = {};
    for (const key of PERSON_NAME_KEYS) {
      const value = patch.name[key];
      if (value === undefined) continue;
      person[key] = value ?? '';
      paths.push(`person.${snakeCase(key)}`);
    }
    fields.person = person;
  }
  for (const key of ['birthDate', 'gender', 'pronouns', 'deceasedDate'] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    fields[key] = value ?? '';
    paths.push(snakeCase(key));
  }
  if (patch.deceased !== undefined) {
    fields.deceased = patch.deceased;
    paths.push('deceased');
  }
  paths.push(...applyCommonPatch(patch, fields));
  return { id, expectedVersion: String(expectedVersion), fields, updateMask: { paths } };
}

export function updateOrganizationRequest(
  id: string,
  expectedVersion: number,
  patch: OrganizationPatch,
): contactV1.UpdateContactRequest {
  const fields: contactV1.ContactFields = {};
  const paths: string[] = [];
  const organization: contactV1.OrganizationProfile = {};
  if (patch.name !== undefined) {
    organization.name = patch.name;
    paths.push('organization.name');
  }
  if (patch.organizationType !== undefined) {
    organization.organizationType = patch.organizationType ?? '';
    paths.push('organization.organization_type');
  }
  if (patch.website !== undefined) {
    organization.website = patch.website ?? '';
    paths.push('organization.website');
  }
  if (paths.length > 0) fields.organization = organization;
  paths.push(...applyCommonPatch(patch, fields));
  return { id, expectedVersion: String(expectedVersion), fields, updateMask: { paths } };
}

export function listRequest(
  kind: ResourceKind,
  limit: number,
  pageToken: string,
  filters: ListFilters,
): contactV1.ListContactsRequest {
  return {
    kind: protoKindOf(kind),
    pageSize: limit,
    pageToken,
    namePrefix: filters.namePrefix ?? '',
    email: filters.email ?? '',
    tag: filters.tag ?? '',
    customFieldFilters: filters.customFields ?? {},
    search: filters.search ?? '',
    ...(filters.doNotContact === undefined ? {} : { doNotContact: filters.doNotContact }),
    ...(filters.deceased === undefined ? {} : { deceased: filters.deceased }),
  };
}
