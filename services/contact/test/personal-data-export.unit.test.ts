import { assembleContactExport } from '../src/domain/personal-data-export';
import type { Relationship } from '../src/domain/relationship';
import { aContact } from './support/contact-fixture';
import { JANE, T2, givenJaneAndJohn } from './support/household-givens';

const jane = aContact({
  id: JANE.id,
  tenantId: 'tenant-a',
  displayName: 'Jane Smith',
  searchNames: ['jane smith'],
  person: { firstName: 'Jane', lastName: 'Smith' },
});
const spouse: Relationship = {
  id: 'r-1',
  tenantId: 'tenant-a',
  version: 1,
  typeCode: 'spouse-of',
  contactAId: 'c-john',
  contactBId: JANE.id,
  description: 'married in 2001',
  createdAt: T2,
  updatedAt: T2,
};

function sections(parts: Partial<Parameters<typeof assembleContactExport>[0]> = {}) {
  const assembled = assembleContactExport({
    contact: jane,
    audit: [],
    households: [],
    relationships: [],
    others: new Map(),
    ...parts,
  });
  return Object.fromEntries(assembled.map((s) => [s.name, JSON.parse(s.json) as unknown]));
}

describe('assembleContactExport', () => {
  it('answers the contact, audit, households and relationships sections, in that order', () => {
    expect(Object.keys(sections())).toEqual(['contact', 'audit', 'households', 'relationships']);
  });

  it('leaves derived search keys out of the contact', () => {
    expect(sections().contact).not.toHaveProperty('searchNames');
  });

  it('adds custom field values as their own section when the contact has some', () => {
    const contact = { ...jane, customFields: { shoeSize: 38 } };

    const exported = sections({ contact });

    expect(exported.customFields).toEqual({ shoeSize: 38 });
    expect(exported.contact).not.toHaveProperty('customFields');
  });

  it('lists each household membership with the household name and whether it is current', () => {
    expect(sections({ households: [givenJaneAndJohn()] }).households).toEqual([
      expect.objectContaining({
        householdName: 'Jane and John Smith',
        current: true,
        leftAt: null,
        nameAsRecorded: { firstName: 'Jane', lastName: 'Smith' },
      }),
    ]);
  });

  it("shows a relationship from the person's side with only the other's id and display name", () => {
    const others = new Map([
      ['c-john', { id: 'c-john', kind: 'person' as const, displayName: 'John Smith' }],
    ]);

    expect(sections({ relationships: [spouse], others }).relationships).toEqual([
      {
        relationshipId: 'r-1',
        typeCode: 'spouse-of',
        side: 'b',
        other: { id: 'c-john', displayName: 'John Smith' },
        startDate: null,
        endDate: null,
        description: 'married in 2001',
        deletedAt: null,
      },
    ]);
  });

  it('shows no name for another contact that is deleted', () => {
    const rows = sections({ relationships: [spouse] }).relationships as Array<{
      other: unknown;
    }>;

    expect(rows[0]?.other).toEqual({ id: 'c-john', displayName: null });
  });
});
