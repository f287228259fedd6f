// Stored document <-> domain Household. Optional fields are left out rather than set to
// undefined or null, so domain equality checks and event snapshots stay clean.
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
  const household: Household = {
    id: doc._id,
    tenantId: doc.tenantId,
    version: doc.version,
    name: doc.name,
    greeting: doc.greeting,
    members: (doc.members ?? []).map(toMember),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.nameOverride) household.nameOverride = doc.nameOverride;
  if (doc.greetingOverride) household.greetingOverride = doc.greetingOverride;
  if (doc.mailingAddress) household.mailingAddress = withoutEmpty(doc.mailingAddress);
  if (doc.deletedAt) household.deletedAt = doc.deletedAt;
  return household;
}

export function toHouseholdDocumentState(household: Household): StateFields {
  const doc: StateFields = {
    _id: household.id,
    tenantId: household.tenantId,
    version: household.version,
    name: household.name,
    greeting: household.greeting,
    members: household.members.map(toMember),
    createdAt: household.createdAt,
    updatedAt: household.updatedAt,
    deletedAt: household.deletedAt ?? null,
  };
  for (const field of OPTIONAL_HOUSEHOLD_FIELDS) {
    const value = household[field];
    if (value !== undefined) (doc as Record<typeof field, unknown>)[field] = value;
  }
  return doc;
}

function toMember(member: HouseholdMember): HouseholdMember {
  const out: HouseholdMember = {
    contactId: member.contactId,
    role: member.role,
    inheritsAddress: member.inheritsAddress,
    joinedAt: member.joinedAt,
    contactVersion: member.contactVersion ?? 0,
  };
  if (member.leftAt) out.leftAt = member.leftAt;
  if (member.firstName) out.firstName = member.firstName;
  if (member.lastName) out.lastName = member.lastName;
  if (member.deceased === true) out.deceased = true;
  return out;
}

function withoutEmpty(address: PostalAddress): PostalAddress {
  return Object.fromEntries(
    Object.entries(address).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as unknown as PostalAddress;
}
