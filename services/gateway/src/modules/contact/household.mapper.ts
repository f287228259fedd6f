// The REST shape of a household and the pure mappings between it and HouseholdService
// messages. Proto3 has no "unset" for strings, so an empty string becomes null in JSON:
// every key is always present.
import type { householdV1 } from '@kith/contracts';
import type { z } from 'zod';
import { toAddressResource } from './contact.mapper';
import type {
  CreateHouseholdBodySchema,
  HouseholdSchema,
  PatchHouseholdBodySchema,
  PostalAddressInputSchema,
} from './household.schema';

export type HouseholdResource = z.output<typeof HouseholdSchema>;
type PostalAddressInput = z.output<typeof PostalAddressInputSchema>;
type CreateHouseholdBody = z.output<typeof CreateHouseholdBodySchema>;
type HouseholdPatch = z.output<typeof PatchHouseholdBodySchema>;

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

export function createHouseholdRequest(
  body: CreateHouseholdBody,
): householdV1.CreateHouseholdRequest {
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
      role: m.role === 'child' ? ('child' as const) : ('adult' as const),
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
