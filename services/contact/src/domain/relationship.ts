// The relationship aggregate: one record per relationship, whichever side it was created
// from. Each contact reads it from its own side (see viewFrom), so creating "Ada employee of
// Acme" also shows "Acme employer of Ada" without a second record to keep in step.
import type { ContactKind } from './contact';
import { labelFor, type RelationshipTypeDefinition } from './relationship-type';

export interface RelationshipFields {
  /** YYYY-MM-DD. */
  startDate?: string;
  /** YYYY-MM-DD, on or after startDate. */
  endDate?: string;
  description?: string;
}

export interface Relationship extends RelationshipFields {
  id: string;
  tenantId: string;
  version: number;
  typeCode: string;
  contactAId: string;
  contactBId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

/** Only the other contact's identity and name: what a list row needs to show it. */
export interface RelatedContact {
  id: string;
  kind: ContactKind;
  displayName: string;
}

export type RelationshipSide = 'a' | 'b';

/** A relationship as one of its contacts sees it: "<contact> <label> <other>". */
export interface RelationshipView {
  relationship: Relationship;
  /** The contact whose point of view this is. */
  contactId: string;
  side: RelationshipSide;
  label: string;
  other: RelatedContact;
  active: boolean;
}

/**
 * Current = counts now: not deleted, and no end date or one after `today` (YYYY-MM-DD).
 * An end date is the first day the relationship no longer holds, so ending it "today" makes
 * it inactive today. A start date in the future still counts: it is planned, and a second
 * one of the same kind between the same pair would be a duplicate.
 */
export function isActive(relationship: RelationshipFields & { deletedAt?: string }, today: string) {
  if (relationship.deletedAt) return false;
  return relationship.endDate === undefined || relationship.endDate > today;
}

/**
 * Symmetric types store their pair in one order (the smaller id as A), so A–B and B–A are
 * one relationship; directed types keep the order the caller chose.
 */
export function normalisePair(
  type: Pick<RelationshipTypeDefinition, 'symmetric'>,
  contactAId: string,
  contactBId: string,
): { contactAId: string; contactBId: string } {
  if (type.symmetric && contactBId < contactAId) {
    return { contactAId: contactBId, contactBId: contactAId };
  }
  return { contactAId, contactBId };
}

/**
 * The id of the claim a current relationship holds on its (tenant, type, pair): unique, so
 * a second current relationship of the type between the pair cannot be created. Expects a
 * normalised pair.
 */
export function pairClaimId(
  relationship: Pick<Relationship, 'tenantId' | 'typeCode' | 'contactAId' | 'contactBId'>,
): string {
  const { tenantId, typeCode, contactAId, contactBId } = relationship;
  return `${tenantId}:${typeCode}:${contactAId}:${contactBId}`;
}

/** The side `contactId` stands on, or undefined if it is not part of the relationship. */
export function sideOf(
  relationship: Pick<Relationship, 'contactAId' | 'contactBId'>,
  contactId: string,
): RelationshipSide | undefined {
  if (relationship.contactAId === contactId) return 'a';
  if (relationship.contactBId === contactId) return 'b';
  return undefined;
}

export function otherContactId(
  relationship: Pick<Relationship, 'contactAId' | 'contactBId'>,
  side: RelationshipSide,
): string {
  return side === 'a' ? relationship.contactBId : relationship.contactAId;
}

/** The relationship read from `contactId`'s side, with the label that side reads. */
export function viewFrom(
  relationship: Relationship,
  contactId: string,
  type: RelationshipTypeDefinition,
  other: RelatedContact,
  today: string,
): RelationshipView | undefined {
  const side = sideOf(relationship, contactId);
  if (!side || other.id !== otherContactId(relationship, side)) return undefined;
  return {
    relationship,
    contactId,
    side,
    label: labelFor(type, side),
    other,
    active: isActive(relationship, today),
  };
}

export interface RelationshipListQuery {
  tenantId: string;
  contactId: string;
  pageSize: number;
  afterId?: string;
  typeCode?: string;
  /** When false, only relationships current on `today`. */
  includeInactive: boolean;
  today: string;
}
