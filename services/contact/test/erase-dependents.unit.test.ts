import type { AuditEntry } from '../src/domain/contact-audit';
import {
  ERASED_MEMBER_VERSION,
  auditEntryHoldsValues,
  decideEraseHouseholdMember,
  decideEraseRelationshipDescription,
  erasureAuditEntry,
  namesOf,
  scrubAuditEntry,
} from '../src/domain/erase-dependents';
import { decideRefreshMemberName } from '../src/domain/household-decisions';
import type { Relationship } from '../src/domain/relationship';
import { JANE, T2, givenJaneAndJohn } from './support/household-givens';

const JANE_ERASED = { contactId: JANE.id, names: ['Jane', 'Smith'] };

describe('decideEraseHouseholdMember', () => {
  it('removes the name snapshot of the erased member and names the household from the others', () => {
    const { household, events } = decideEraseHouseholdMember(givenJaneAndJohn(), JANE_ERASED, T2);

    const jane = household.members.find((m) => m.contactId === JANE.id);
    expect(jane).not.toHaveProperty('firstName');
    expect(jane).not.toHaveProperty('lastName');
    expect(household.name).toBe('John Smith');
    expect(events).toHaveLength(1);
  });

  it('lets a current member leave', () => {
    const { household, events } = decideEraseHouseholdMember(givenJaneAndJohn(), JANE_ERASED, T2);

    expect(household.members.find((m) => m.contactId === JANE.id)?.leftAt).toBe(T2);
    expect(events[0]).toMatchObject({ memberChanges: [{ contactId: JANE.id, change: 'left' }] });
  });

  it('drops a name override that spells one of the erased names, whatever the case', () => {
    const household = { ...givenJaneAndJohn(), nameOverride: 'The JANE gang' };

    const erased = decideEraseHouseholdMember(household, JANE_ERASED, T2).household;

    expect(erased.nameOverride).toBeUndefined();
  });

  it('keeps an override that names nobody erased', () => {
    const household = { ...givenJaneAndJohn(), greetingOverride: 'Dear neighbours' };

    const erased = decideEraseHouseholdMember(household, JANE_ERASED, T2).household;

    expect(erased.greetingOverride).toBe('Dear neighbours');
  });

  it('decides nothing the second time', () => {
    const once = decideEraseHouseholdMember(givenJaneAndJohn(), JANE_ERASED, T2).household;

    const twice = decideEraseHouseholdMember(once, { contactId: JANE.id, names: [] }, T2);

    expect(twice).toEqual({ household: once, events: [] });
  });

  it('lets no late rename event write the erased name back', () => {
    const once = decideEraseHouseholdMember(givenJaneAndJohn(), JANE_ERASED, T2).household;

    const late = decideRefreshMemberName(
      once,
      { contactId: JANE.id, version: 7, firstName: 'Jane', lastName: 'Doe' },
      T2,
    );

    expect(late.events).toEqual([]);
    expect(once.members.find((m) => m.contactId === JANE.id)?.contactVersion).toBe(
      ERASED_MEMBER_VERSION,
    );
  });
});

describe('decideEraseRelationshipDescription', () => {
  const relationship: Relationship = {
    id: 'r-1',
    tenantId: 'tenant-a',
    version: 2,
    typeCode: 'spouse-of',
    contactAId: 'c-a',
    contactBId: 'c-b',
    description: "Jane's carer",
    createdAt: T2,
    updatedAt: T2,
  };

  it('clears the description and publishes the change', () => {
    const { relationship: next, events } = decideEraseRelationshipDescription(relationship, T2);

    expect(next).not.toHaveProperty('description');
    expect(next.version).toBe(3);
    expect(events).toEqual([
      { type: 'kith.relationship.updated.v1', relationship: next, changedFields: ['description'] },
    ]);
  });

  it('decides nothing for a relationship without a description', () => {
    const { description: _none, ...plain } = relationship;

    expect(decideEraseRelationshipDescription(plain, T2).events).toEqual([]);
  });
});

describe('audit scrubbing', () => {
  const entry: AuditEntry = {
    id: 'e-1',
    tenantId: 'tenant-a',
    contactId: 'c-1',
    version: 2,
    at: T2,
    action: 'updated',
    actorId: 'u-1',
    changes: [{ field: 'birthDate', before: '1984-07-19', after: '1984-07-20' }],
  };

  it('keeps who, when and which field, and drops the values', () => {
    expect(scrubAuditEntry(entry)).toEqual({ ...entry, changes: [{ field: 'birthDate' }] });
  });

  it('tells a scrubbed entry from one that still holds values', () => {
    expect(auditEntryHoldsValues(entry)).toBe(true);
    expect(auditEntryHoldsValues(scrubAuditEntry(entry))).toBe(false);
  });

  it('records the erasure with its actor and the erased field names only', () => {
    const recorded = erasureAuditEntry({
      id: 'e-9',
      data: { contactId: 'c-1', tenantId: 'tenant-a', version: 5, erasedAt: T2, actorId: 'dpo' },
    });

    expect(recorded).toMatchObject({ id: 'e-9', version: 5, action: 'erased', actorId: 'dpo' });
    expect(recorded.changes.every((change) => Object.keys(change).join() === 'field')).toBe(true);
  });
});

describe('namesOf', () => {
  it('takes every name part of two letters or more', () => {
    expect(
      namesOf({ prefix: 'Dr', firstName: 'Ada', middleName: 'K', lastName: ' Byron ' }),
    ).toEqual(['Dr', 'Ada', 'Byron']);
  });
});
