// The household aggregate as the domain sees it: plain data, no persistence or transport
// types. Modelled on CiviCRM's household contact with "Household Member of" relationships
// and Salesforce NPSP's household naming (formal name, informal greeting, overrides), but
// with members embedded: a household is small, and one document keeps a join or a leave
// to one single-document write (FerretDB 1.x has no transactions).
import { HOUSEHOLD_FIELD_LIMITS } from '@kith/contracts';
import type { PostalAddress, PostalAddressInput } from './postal-address';

export const MEMBER_ROLES = ['adult', 'child'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * What the generated names are built from, as the member was when they joined or their
 * contact last changed: their names, and whether they died.
 */
export interface MemberNameSnapshot {
  firstName?: string;
  lastName?: string;
  /** Set (true) once the person is deceased; absent while they live. */
  deceased?: boolean;
}

export interface HouseholdMember extends MemberNameSnapshot {
  contactId: string;
  role: MemberRole;
  /** The member's mail goes to the household's mailing address. */
  inheritsAddress: boolean;
  joinedAt: string;
  /** Set when the person left; the entry stays as history. */
  leftAt?: string;
  /**
   * The person's contact version the name snapshot was taken from. A rename event older
   * than it (a redelivery, a replay) changes nothing, so the refresh is idempotent.
   */
  contactVersion: number;
}

export interface Household {
  id: string;
  tenantId: string;
  /** Starts at 1; every accepted change adds one. */
  version: number;
  /** Formal name in effect: the override when set, else generated from the members. */
  name: string;
  /** Informal greeting in effect: the override when set, else generated. */
  greeting: string;
  /** Set by a user; sticks (members joining or leaving do not touch it) until cleared. */
  nameOverride?: string;
  greetingOverride?: string;
  mailingAddress?: PostalAddress;
  /** Current and former members, in the order they joined. */
  members: HouseholdMember[];
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

/** What a caller may set on a household. Absent = unchanged; null = clear. */
export interface HouseholdChanges {
  nameOverride?: string | null;
  greetingOverride?: string | null;
  mailingAddress?: PostalAddressInput | null;
}

/** A person as the membership rules need them, read from the contact store. */
export interface PersonForMembership extends MemberNameSnapshot {
  id: string;
  tenantId: string;
  kind: 'person' | 'organization';
  version: number;
  deleted: boolean;
}

export interface HouseholdPage {
  households: Household[];
  nextPageToken?: string;
}

/** Shared with the gateway's zod schemas (@kith/contracts field-limits.ts). */
export const HOUSEHOLD_LIMITS = HOUSEHOLD_FIELD_LIMITS;

export function currentMembers(household: Pick<Household, 'members'>): HouseholdMember[] {
  return household.members.filter((m) => m.leftAt === undefined);
}

export function isCurrentMember(household: Pick<Household, 'members'>, contactId: string): boolean {
  return household.members.some((m) => m.contactId === contactId && m.leftAt === undefined);
}
