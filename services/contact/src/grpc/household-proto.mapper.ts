// kith.contact.v1 household messages <-> domain types. Proto3 sends '' and null for "not
// set"; the domain treats a blank override as "clear", so the update mask alone says what
// changes.
import type { householdV1 } from '@kith/contracts';
import { maskedFields } from '@kith/grpc-kit';
import { HouseholdError } from '../domain/household-error';
import type { Household, HouseholdChanges } from '../domain/household';
import { addressFromProto, addressToProto } from './contact-proto.mapper';

const MASKABLE = ['nameOverride', 'greetingOverride', 'mailingAddress'] as const;

/** Create: whatever is set is taken. */
export function createChangesFromProto(
  req: householdV1.CreateHouseholdRequest__Output,
): HouseholdChanges {
  const changes: HouseholdChanges = {};
  if (req.nameOverride) changes.nameOverride = req.nameOverride;
  if (req.greetingOverride) changes.greetingOverride = req.greetingOverride;
  if (req.mailingAddress) changes.mailingAddress = addressFromProto(req.mailingAddress);
  return changes;
}

/** Update: the paths in the mask change; a masked path with no value clears it. */
export function updateChangesFromProto(
  req: householdV1.UpdateHouseholdRequest__Output,
): HouseholdChanges {
  const { fields, unknown } = maskedFields(req.updateMask?.paths ?? [], MASKABLE);
  const problem =
    unknown.length > 0
      ? `unknown path ${unknown[0]}; use name_override, greeting_override, mailing_address`
      : fields.length === 0 && 'name at least one path';
  if (problem) throw HouseholdError.validation([{ field: 'updateMask', message: problem }]);
  const changes: HouseholdChanges = {};
  for (const field of fields) {
    if (field === 'mailingAddress') {
      changes.mailingAddress = req.mailingAddress ? addressFromProto(req.mailingAddress) : null;
    } else changes[field] = req[field] || null;
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
    mailingAddress: household.mailingAddress ? addressToProto(household.mailingAddress) : null,
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
