// The REST shape of a household and the pure mappings between it and HouseholdService
// messages. Proto3 has no "unset" for strings, so an empty string becomes null in JSON:
// every key is always present.
import type { householdV1 } from '@kith/contracts';
import { toAddressResource, type AddressResource } from './contact.mapper';

export interface HouseholdMemberResource {
  contactId: string;
  role: string;
  inheritsAddress: boolean;
  firstName: string | null;
  lastName: string | null;
  /** The person died; they do not name the household while a living member remains. */
  deceased: boolean;
  joinedAt: string;
  /** null while the person is a member; set once they left (the entry stays as history). */
  leftAt: string | null;
}

export interface HouseholdResource {
  id: string;
  version: number;
  name: string;
  greeting: string;
  nameOverride: string | null;
  greetingOverride: string | null;
  mailingAddress: AddressResource | null;
  members: HouseholdMemberResource[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** What a body may carry as an address (the gateway's zod schema has cleaned it). */
export interface PostalAddressInput {
  type?: string | undefined;
  primary?: boolean | undefined;
  line1: string;
  line2?: string | undefined;
  city?: string | undefined;
  region?: string | undefined;
  postalCode?: string | undefined;
  countryCode: string;
  valid?: boolean | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
}

export interface HouseholdPatch {
  nameOverride?: string | null | undefined;
  greetingOverride?: string | null | undefined;
  mailingAddress?: PostalAddressInput | null | undefined;
}

function orNull(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

export function addressToProto(address: PostalAddressInput): householdV1.PostalAddress {
  return {
    type: address.type ?? 'home',
    primary: address.primary ?? true,
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city ?? '',
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    countryCode: address.countryCode,
    valid: address.valid ?? true,
    validFrom: address.validFrom ?? '',
    validTo: address.validTo ?? '',
  };
}

export function createHouseholdRequest(body: HouseholdPatch): householdV1.CreateHouseholdRequest {
  return {
    nameOverride: body.nameOverride ?? '',
    greetingOverride: body.greetingOverride ?? '',
    mailingAddress: body.mailingAddress ? addressToProto(body.mailingAddress) : null,
  };
}

/** Merge patch -> update mask: present keys change, null clears. */
export function updateHouseholdRequest(
  id: string,
  version: number,
  patch: HouseholdPatch,
): householdV1.UpdateHouseholdRequest {
  const paths: string[] = [];
  if (patch.nameOverride !== undefined) paths.push('name_override');
  if (patch.greetingOverride !== undefined) paths.push('greeting_override');
  if (patch.mailingAddress !== undefined) paths.push('mailing_address');
  return {
    id,
    expectedVersion: String(version),
    nameOverride: patch.nameOverride ?? '',
    greetingOverride: patch.greetingOverride ?? '',
    mailingAddress: patch.mailingAddress ? addressToProto(patch.mailingAddress) : null,
    updateMask: { paths },
  };
}

export function toHouseholdResource(household: householdV1.Household__Output): HouseholdResource {
  const a = household.mailingAddress;
  return {
    id: household.id,
    // int64 arrives as a decimal string (longs: String); versions stay far below 2^53.
    version: Number(household.version),
    name: household.name,
    greeting: household.greeting,
    nameOverride: orNull(household.nameOverride),
    greetingOverride: orNull(household.greetingOverride),
    mailingAddress: a ? toAddressResource(a) : null,
    members: household.members.map((m) => ({
      contactId: m.contactId,
      role: m.role,
      inheritsAddress: m.inheritsAddress,
      firstName: orNull(m.firstName),
      lastName: orNull(m.lastName),
      deceased: m.deceased,
      joinedAt: m.joinedAt,
      leftAt: orNull(m.leftAt),
    })),
    createdAt: household.createdAt,
    updatedAt: household.updatedAt,
    deletedAt: orNull(household.deletedAt),
  };
}
