// The relationship type catalogue: what two contacts can be to each other, read from each
// side ("employee of" / "employer of"). Every tenant starts with the built-in types below
// without any setup; a tenant adds its own types and may relabel or deactivate any type,
// built-ins included, through a per-tenant document (never by deleting: existing
// relationships keep pointing at their type). Inspired by CiviCRM's relationship types
// (label_a_b / label_b_a, contact type per side, is_active) and NPSP's reciprocal records.

export const RELATIONSHIP_CONTACT_KINDS = ['person', 'organization', 'any'] as const;
export type RelationshipContactKind = (typeof RELATIONSHIP_CONTACT_KINDS)[number];

export interface RelationshipTypeDefinition {
  /** Slug, unique per tenant: `employee-of`. */
  code: string;
  /** How side A reads the relationship: "A is employee of B". */
  labelAToB: string;
  /** How side B reads it: "B is employer of A". Equal to labelAToB when symmetric. */
  labelBToA: string;
  contactKindA: RelationshipContactKind;
  contactKindB: RelationshipContactKind;
  /** A–B means the same as B–A (spouse, sibling): the pair is stored in one order. */
  symmetric: boolean;
  /** An inactive type keeps its relationships but takes no new ones. */
  active: boolean;
}

export interface RelationshipType extends RelationshipTypeDefinition {
  tenantId: string;
  /** True for the catalogue's built-in codes, overridden or not. */
  builtIn: boolean;
  /** A built-in the tenant never changed is at version 1; every change adds one. */
  version: number;
  /** Absent for a built-in the tenant never changed. */
  createdAt?: string;
  updatedAt?: string;
}

function builtIn(
  code: string,
  labelAToB: string,
  labelBToA: string,
  contactKindA: RelationshipContactKind,
  contactKindB: RelationshipContactKind,
): RelationshipTypeDefinition {
  return {
    code,
    labelAToB,
    labelBToA,
    contactKindA,
    contactKindB,
    symmetric: false,
    active: true,
  };
}

function symmetric(
  code: string,
  label: string,
  kind: RelationshipContactKind,
): RelationshipTypeDefinition {
  return {
    code,
    labelAToB: label,
    labelBToA: label,
    contactKindA: kind,
    contactKindB: kind,
    symmetric: true,
    active: true,
  };
}

/** Available to every tenant without setup, sorted by code. */
export const BUILT_IN_RELATIONSHIP_TYPES: readonly RelationshipTypeDefinition[] = [
  builtIn('board-member-of', 'board member of', 'has board member', 'person', 'organization'),
  builtIn('contact-person-of', 'contact person of', 'has contact person', 'person', 'organization'),
  builtIn('employee-of', 'employee of', 'employer of', 'person', 'organization'),
  builtIn('head-of-household-of', 'head of household of', 'has head of household', 'person', 'any'),
  builtIn('member-of', 'member of', 'has member', 'any', 'organization'),
  builtIn('parent-of', 'parent of', 'child of', 'person', 'person'),
  builtIn(
    'parent-organization-of',
    'parent organization of',
    'subsidiary of',
    'organization',
    'organization',
  ),
  symmetric('partner-of', 'partner of', 'person'),
  symmetric('sibling-of', 'sibling of', 'person'),
  symmetric('spouse-of', 'spouse of', 'person'),
  builtIn('volunteer-for', 'volunteer for', 'has volunteer', 'person', 'organization'),
].sort((a, b) => (a.code < b.code ? -1 : 1));

const BUILT_IN_BY_CODE = new Map(BUILT_IN_RELATIONSHIP_TYPES.map((t) => [t.code, t]));

export function builtInRelationshipType(code: string): RelationshipTypeDefinition | undefined {
  return BUILT_IN_BY_CODE.get(code);
}

/** The document id of a tenant's type: one `_id` lookup finds it, on FerretDB too. */
export function relationshipTypeId(tenantId: string, code: string): string {
  return `${tenantId}:${code}`;
}

/** A built-in as a tenant sees it before changing it. */
export function builtInForTenant(
  tenantId: string,
  definition: RelationshipTypeDefinition,
): RelationshipType {
  return { ...definition, tenantId, builtIn: true, version: 1 };
}

/**
 * The tenant's effective catalogue: built-ins, replaced by the tenant's override where there
 * is one, plus the tenant's own types; sorted by code.
 */
export function effectiveCatalogue(
  tenantId: string,
  stored: readonly RelationshipType[],
): RelationshipType[] {
  const byCode = new Map<string, RelationshipType>();
  for (const definition of BUILT_IN_RELATIONSHIP_TYPES) {
    byCode.set(definition.code, builtInForTenant(tenantId, definition));
  }
  for (const type of stored) if (type.tenantId === tenantId) byCode.set(type.code, type);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** One type of the tenant: its stored document if any, else the built-in, else undefined. */
export function effectiveType(
  tenantId: string,
  code: string,
  stored: RelationshipType | undefined,
): RelationshipType | undefined {
  if (stored && stored.tenantId === tenantId && stored.code === code) return stored;
  const definition = builtInRelationshipType(code);
  return definition ? builtInForTenant(tenantId, definition) : undefined;
}

/** The label a contact on `side` reads: side A reads labelAToB. */
export function labelFor(type: RelationshipTypeDefinition, side: 'a' | 'b'): string {
  return side === 'a' ? type.labelAToB : type.labelBToA;
}

/** Whether a contact of `kind` may stand on a side that requires `required`. */
export function kindFits(required: RelationshipContactKind, kind: 'person' | 'organization') {
  return required === 'any' || required === kind;
}

/**
 * How a relationship reads if its type ever left the catalogue (types are never deleted, so
 * this is a safety net): its code as both labels, inactive.
 */
export function placeholderType(code: string): RelationshipTypeDefinition {
  return {
    code,
    labelAToB: code,
    labelBToA: code,
    contactKindA: 'any',
    contactKindB: 'any',
    symmetric: false,
    active: false,
  };
}
