import { DomainError } from '@kith/errors';
import type { Contact } from '../src/domain/contact';
import { ContactErrorCode } from '../src/domain/contact-error';
import {
  RELATIONSHIP_EVENT_TYPES,
  decideCreateRelationship,
  decideDeleteRelationship,
  decideUpdateRelationship,
  type CreateRelationshipCommand,
} from '../src/domain/relationship-decisions';
import type { Relationship } from '../src/domain/relationship';
import {
  builtInForTenant,
  builtInRelationshipType,
  type RelationshipType,
} from '../src/domain/relationship-type';

import { aContact } from './support/contact-fixture';

const TENANT = 'tenant-a';
const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-02T09:00:00.000Z';
const REL_ID = '01900000-0000-7000-8000-0000000000aa';

function contact(id: string, kind: Contact['kind'], overrides: Partial<Contact> = {}): Contact {
  return aContact({ id, tenantId: TENANT, kind, createdAt: T0, updatedAt: T0, ...overrides });
}

const ada = contact('p-ada', 'person');
const bea = contact('p-bea', 'person');
const acme = contact('o-acme', 'organization');

function type(code: string, overrides: Partial<RelationshipType> = {}): RelationshipType {
  const definition = builtInRelationshipType(code);
  if (!definition) throw new Error(`no built-in ${code}`);
  return { ...builtInForTenant(TENANT, definition), ...overrides };
}

function create(
  command: Partial<CreateRelationshipCommand>,
  context: { type?: RelationshipType; contactA?: Contact; contactB?: Contact } = {},
) {
  return decideCreateRelationship(
    {
      tenantId: TENANT,
      typeCode: 'employee-of',
      contactAId: ada.id,
      contactBId: acme.id,
      fields: {},
      ...command,
    },
    {
      type: 'type' in context ? context.type : type(command.typeCode ?? 'employee-of'),
      contactA: 'contactA' in context ? context.contactA : ada,
      contactB: 'contactB' in context ? context.contactB : acme,
      id: REL_ID,
      now: T0,
    },
  );
}

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a RelationshipError or ContactError');
}

function givenEmployment(overrides: Partial<Relationship> = {}): Relationship {
  return { ...create({ fields: { startDate: '2024-01-01' } }).relationship, ...overrides };
}

describe('creating a relationship', () => {
  it('creates version 1 between the two contacts with a created event', () => {
    const { relationship, events } = create({ fields: { startDate: '2024-01-01' } });

    expect(relationship).toEqual({
      id: REL_ID,
      tenantId: TENANT,
      version: 1,
      typeCode: 'employee-of',
      contactAId: ada.id,
      contactBId: acme.id,
      startDate: '2024-01-01',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(events).toEqual([{ type: RELATIONSHIP_EVENT_TYPES.created, relationship }]);
  });

  it('keeps the order the caller chose for a directed type', () => {
    const { relationship } = create(
      { typeCode: 'parent-of', contactAId: bea.id, contactBId: ada.id },
      { contactA: bea, contactB: ada },
    );

    expect([relationship.contactAId, relationship.contactBId]).toEqual([bea.id, ada.id]);
  });

  it('stores a symmetric pair with the smaller id first, whichever side created it', () => {
    const { relationship } = create(
      { typeCode: 'spouse-of', contactAId: bea.id, contactBId: ada.id },
      { contactA: bea, contactB: ada },
    );

    expect([relationship.contactAId, relationship.contactBId]).toEqual([ada.id, bea.id]);
  });

  it('refuses an organization on the person side of employee-of', () => {
    const err = failure(() =>
      create({ contactAId: acme.id, contactBId: ada.id }, { contactA: acme, contactB: ada }),
    );

    expect(err.code).toBe(ContactErrorCode.VALIDATION_FAILED);
    expect(err.fieldErrors.map((e) => e.field)).toEqual(['contactAId', 'contactBId']);
  });

  it('accepts either kind on a side the type marks any', () => {
    const organizationMember = create(
      {
        typeCode: 'member-of',
        contactAId: acme.id,
        contactBId: contact('o-umbrella', 'organization').id,
      },
      { contactA: acme, contactB: contact('o-umbrella', 'organization') },
    );

    expect(organizationMember.relationship.typeCode).toBe('member-of');
  });

  it('refuses a contact related to itself', () => {
    const err = failure(() =>
      create({ typeCode: 'sibling-of', contactAId: ada.id, contactBId: ada.id }, { contactB: ada }),
    );

    expect(err.fieldErrors).toEqual([
      { field: 'contactBId', message: 'a contact cannot be related to itself' },
    ]);
  });

  it('answers NOT_FOUND for a contact of another tenant', () => {
    const foreign = contact('o-foreign', 'organization', { tenantId: 'tenant-b' });

    const err = failure(() => create({ contactBId: foreign.id }, { contactB: foreign }));

    expect(err.code).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('answers NOT_FOUND for a deleted contact', () => {
    const deleted = { ...acme, deletedAt: T0 };

    const err = failure(() => create({}, { contactB: deleted }));

    expect(err.code).toBe(ContactErrorCode.NOT_FOUND);
  });

  it('refuses an unknown type as a field error on typeCode', () => {
    const err = failure(() => create({ typeCode: 'nemesis-of' }, { type: undefined }));

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['typeCode']);
  });

  it('refuses a deactivated type as a failed precondition', () => {
    const err = failure(() => create({}, { type: type('employee-of', { active: false }) }));

    expect(err.code).toBe(ContactErrorCode.FAILED_PRECONDITION);
  });

  it('refuses an end date before the start date', () => {
    const err = failure(() =>
      create({ fields: { startDate: '2025-05-01', endDate: '2025-04-30' } }),
    );

    expect(err.fieldErrors).toEqual([
      { field: 'endDate', message: 'must be on or after startDate' },
    ]);
  });

  it('accepts an end date on the start date (a one-day relationship)', () => {
    const { relationship } = create({ fields: { startDate: '2025-05-01', endDate: '2025-05-01' } });

    expect(relationship.endDate).toBe('2025-05-01');
  });
});

describe('changing a relationship', () => {
  it('ends it by setting the end date, naming endDate as changed', () => {
    const { relationship, events } = decideUpdateRelationship(
      givenEmployment(),
      {
        id: REL_ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { endDate: '2026-02-28' },
        updateMask: ['end_date'],
      },
      T1,
    );

    expect(relationship).toMatchObject({ version: 2, endDate: '2026-02-28', updatedAt: T1 });
    expect(events).toEqual([
      { type: RELATIONSHIP_EVENT_TYPES.updated, relationship, changedFields: ['endDate'] },
    ]);
  });

  it('clears a masked field sent empty', () => {
    const { relationship } = decideUpdateRelationship(
      givenEmployment(),
      { id: REL_ID, tenantId: TENANT, expectedVersion: 1, fields: {}, updateMask: ['startDate'] },
      T1,
    );

    expect(relationship.startDate).toBeUndefined();
  });

  it('writes nothing when the change sets what is there', () => {
    const current = givenEmployment();

    const decision = decideUpdateRelationship(
      current,
      {
        id: REL_ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { startDate: '2024-01-01' },
        updateMask: ['start_date'],
      },
      T1,
    );

    expect(decision).toEqual({ relationship: current, events: [] });
  });

  it('checks the date order against the stored start date', () => {
    const err = failure(() =>
      decideUpdateRelationship(
        givenEmployment(),
        {
          id: REL_ID,
          tenantId: TENANT,
          expectedVersion: 1,
          fields: { endDate: '2023-12-31' },
          updateMask: ['end_date'],
        },
        T1,
      ),
    );

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['endDate']);
  });

  it('refuses paths that cannot change, such as the contacts', () => {
    const err = failure(() =>
      decideUpdateRelationship(
        givenEmployment(),
        {
          id: REL_ID,
          tenantId: TENANT,
          expectedVersion: 1,
          fields: {},
          updateMask: ['contact_a_id'],
        },
        T1,
      ),
    );

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['updateMask']);
  });

  it('answers VERSION_CONFLICT to a stale expected version', () => {
    const err = failure(() =>
      decideUpdateRelationship(
        givenEmployment({ version: 3 }),
        {
          id: REL_ID,
          tenantId: TENANT,
          expectedVersion: 2,
          fields: {},
          updateMask: ['description'],
        },
        T1,
      ),
    );

    expect(err.code).toBe(ContactErrorCode.VERSION_CONFLICT);
  });

  it('answers NOT_FOUND to another tenant', () => {
    const err = failure(() =>
      decideUpdateRelationship(
        givenEmployment(),
        {
          id: REL_ID,
          tenantId: 'tenant-b',
          expectedVersion: 1,
          fields: {},
          updateMask: ['description'],
        },
        T1,
      ),
    );

    expect(err.code).toBe(ContactErrorCode.NOT_FOUND);
  });
});

describe('deleting a relationship', () => {
  it('soft-deletes it with a deleted event', () => {
    const { relationship, events } = decideDeleteRelationship(
      givenEmployment(),
      { id: REL_ID, tenantId: TENANT, expectedVersion: 1 },
      T1,
    );

    expect(relationship).toMatchObject({ version: 2, deletedAt: T1 });
    expect(events).toEqual([{ type: RELATIONSHIP_EVENT_TYPES.deleted, relationship }]);
  });

  it('answers ALREADY_DELETED to a second delete', () => {
    const err = failure(() =>
      decideDeleteRelationship(
        givenEmployment({ version: 2, deletedAt: T1 }),
        { id: REL_ID, tenantId: TENANT, expectedVersion: 2 },
        T1,
      ),
    );

    expect(err.code).toBe(ContactErrorCode.ALREADY_DELETED);
  });
});
