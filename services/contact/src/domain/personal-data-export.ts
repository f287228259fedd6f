// What the contact service answers to a subject access request (GDPR art. 15), as named JSON
// sections of the kith.privacy.v1 contract: the contact with its consent history, the audit
// trail, every household membership (current and past, with the household's name), every
// relationship from the person's side (the other contact by id and display name only: their
// other data is theirs, not the subject's), and custom field values when the contact has any.
// Pure: the use case reads, this shapes.
import type { Contact } from './contact';
import type { AuditEntry } from './contact-audit';
import type { Household } from './household';
import { sideOf, type RelatedContact, type Relationship } from './relationship';

export interface ExportSection {
  name: string;
  json: string;
}

export interface ContactExportParts {
  contact: Contact;
  audit: readonly AuditEntry[];
  households: readonly Household[];
  relationships: readonly Relationship[];
  /** The other side of each relationship, by id; a missing one is deleted or foreign. */
  others: ReadonlyMap<string, RelatedContact>;
}

export function assembleContactExport(parts: ContactExportParts): ExportSection[] {
  const { contact } = parts;
  const {
    searchNames: _derived,
    customFields,
    ...held
  } = contact as Contact & { customFields?: Record<string, unknown> };
  const sections: ExportSection[] = [
    section('contact', held),
    section('audit', parts.audit),
    section('households', householdMemberships(parts.households, contact.id)),
    section('relationships', relationshipRows(parts.relationships, contact.id, parts.others)),
  ];
  if (customFields && Object.keys(customFields).length > 0) {
    sections.push(section('customFields', customFields));
  }
  return sections;
}

function householdMemberships(households: readonly Household[], contactId: string) {
  return households.flatMap((household) =>
    household.members
      .filter((member) => member.contactId === contactId)
      .map((member) => ({
        householdId: household.id,
        householdName: household.name,
        householdDeleted: household.deletedAt !== undefined,
        role: member.role,
        inheritsAddress: member.inheritsAddress,
        joinedAt: member.joinedAt,
        leftAt: member.leftAt ?? null,
        current: member.leftAt === undefined && household.deletedAt === undefined,
        nameAsRecorded: { firstName: member.firstName ?? null, lastName: member.lastName ?? null },
      })),
  );
}

function relationshipRows(
  relationships: readonly Relationship[],
  contactId: string,
  others: ReadonlyMap<string, RelatedContact>,
) {
  return relationships.flatMap((relationship) => {
    const side = sideOf(relationship, contactId);
    if (!side) return [];
    const otherId = side === 'a' ? relationship.contactBId : relationship.contactAId;
    const other = others.get(otherId);
    return [
      {
        relationshipId: relationship.id,
        typeCode: relationship.typeCode,
        side,
        other: { id: otherId, displayName: other?.displayName ?? null },
        startDate: relationship.startDate ?? null,
        endDate: relationship.endDate ?? null,
        description: relationship.description ?? null,
        deletedAt: relationship.deletedAt ?? null,
      },
    ];
  });
}

function section(name: string, value: unknown): ExportSection {
  return { name, json: JSON.stringify(value) };
}
