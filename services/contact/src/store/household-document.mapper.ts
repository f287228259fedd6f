// Stored document <-> domain Household. Optional fields are left out rather than set to
// undefined or null (withoutAbsent), so domain equality checks and event snapshots stay clean.
import { withoutAbsent } from '@kith/aggregate-store';
import type { Household, HouseholdMember } from '../domain/household';
import type { PostalAddress } from '../domain/postal-address';
import type { HouseholdDocument } from './household.model';

type StateFields = Omit<HouseholdDocument, '_outboxLog'>;

/** Optional top-level fields an update must $unset when the new state lacks them. */
export const OPTIONAL_HOUSEHOLD_FIELDS = [
  'nameOverride',
  'greetingOverride',
  'mailingAddress',
] as const;

export function toHousehold(doc: StateFields): Household {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    version: doc.version,
    name: doc.name,
    greeting: doc.greeting,
    members: (doc.members ?? []).map(toMember),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    ...withoutAbsent({
      nameOverride: doc.nameOverride,
      greetingOverride: doc.greetingOverride,
      // Stored addresses may carry null or '' for parts left blank.
      mailingAddress: doc.mailingAddress && (withoutAbsent(doc.mailingAddress) as PostalAddress),
      deletedAt: doc.deletedAt,
    }),
  };
}

export function toHouseholdDocumentState(household: Household): StateFields {
  const { nameOverride, greetingOverride, mailingAddress } = household;
  return {
    _id: household.id,
    tenantId: household.tenantId,
    version: household.version,
    name: household.name,
    greeting: household.greeting,
    members: household.members.map(toMember),
    createdAt: household.createdAt,
    updatedAt: household.updatedAt,
    deletedAt: household.deletedAt ?? null,
    ...withoutAbsent({ nameOverride, greetingOverride, mailingAddress }),
  };
}

function toMember(member: HouseholdMember): HouseholdMember {
  return {
    contactId: member.contactId,
    role: member.role,
    inheritsAddress: member.inheritsAddress,
    joinedAt: member.joinedAt,
    contactVersion: member.contactVersion ?? 0,
    ...withoutAbsent({
      leftAt: member.leftAt,
      firstName: member.firstName,
      lastName: member.lastName,
      deceased: member.deceased === true || undefined,
    }),
  };
}
