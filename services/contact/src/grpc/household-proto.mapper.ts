// kith.contact.v1 household messages <-> domain types. Proto3 sends '' and null for "not
// set"; the domain treats a blank override as "clear", so the update mask alone says what
// changes.
import type { householdV1 } from '@kith/contracts';
import { HouseholdError } from '../domain/household-error';
import type { Household, HouseholdChanges } from '../domain/household';
import type { PostalAddress, PostalAddressInput } from '../domain/postal-address';
import {
  addressFromProto as contactAddressFromProto,
  addressToProto as contactAddressToProto,
} from './contact-proto.mapper';

const MASK_PATHS: Record<string, keyof HouseholdChanges> = {
  name_override: 'nameOverride',
  nameOverride: 'nameOverride',
  greeting_override: 'greetingOverride',
  greetingOverride: 'greetingOverride',
  mailing_address: 'mailingAddress',
  mailingAddress: 'mailingAddress',
};

export function addressFromProto(
  address: householdV1.PostalAddress__Output | null | undefined,
): PostalAddressInput | undefined {
  return address ? contactAddressFromProto(address) : undefined;
}

export function addressToProto(
  address: PostalAddress | undefined,
): householdV1.PostalAddress | null {
  return address ? contactAddressToProto(address) : null;
}

/** Create: whatever is set is taken. */
export function createChangesFromProto(
  req: householdV1.CreateHouseholdRequest__Output,
): HouseholdChanges {
  const changes: HouseholdChanges = {};
  if (req.nameOverride) changes.nameOverride = req.nameOverride;
  if (req.greetingOverride) changes.greetingOverride = req.greetingOverride;
  const address = addressFromProto(req.mailingAddress);
  if (address) changes.mailingAddress = address;
  return changes;
}

/** Update: the paths in the mask change; a masked path with no value clears it. */
export function updateChangesFromProto(
  req: householdV1.UpdateHouseholdRequest__Output,
): HouseholdChanges {
  const paths = req.updateMask?.paths ?? [];
  if (paths.length === 0) {
    throw HouseholdError.validation([{ field: 'updateMask', message: 'name at least one path' }]);
  }
  const changes: HouseholdChanges = {};
  for (const path of paths) {
    const field = MASK_PATHS[path];
    if (!field) {
      throw HouseholdError.validation([
        {
          field: 'updateMask',
          message: `unknown path ${path}; use name_override, greeting_override, mailing_address`,
        },
      ]);
    }
    if (field === 'mailingAddress')
      changes.mailingAddress = addressFromProto(req.mailingAddress) ?? null;
    else changes[field] = req[field] || null;
  }
  return changes;
}

export function householdToProto(household: Household): householdV1.Household {
  return {
    id: household.id,
    tenantId: household.tenantId,
    version: String(household.version),
    name: household.name,
    greeting: household.greeting,
    nameOverride: household.nameOverride ?? '',
    greetingOverride: household.greetingOverride ?? '',
    mailingAddress: addressToProto(household.mailingAddress),
    members: household.members.map((m) => ({
      contactId: m.contactId,
      role: m.role,
      inheritsAddress: m.inheritsAddress,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt ?? '',
      firstName: m.firstName ?? '',
      lastName: m.lastName ?? '',
      deceased: m.deceased === true,
    })),
    createdAt: household.createdAt,
    updatedAt: household.updatedAt,
    deletedAt: household.deletedAt ?? '',
  };
}
