import * as grpc from '@grpc/grpc-js';
import { readTopic, testInfra } from '@kith/testkit';
import type { relationshipV1 } from '@kith/contracts';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import {
  relationshipTestClient,
  type RelationshipTestClient,
} from './support/relationship-test-client';
import {
  jane,
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

const acme = {
  kind: 'CONTACT_KIND_ORGANIZATION' as const,
  fields: { organization: { name: 'Acme Foundation' } },
};

describe('relationships over gRPC against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let relationships: RelationshipTestClient;

  beforeAll(async () => {
    running = await startContactService('relationship-lifecycle');
    contacts = contactTestClient(running.service.grpcPort);
    relationships = relationshipTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    contacts?.close();
    relationships?.close();
    await running?.stop();
  });

  it('shows an employment created from the person as "employer of" on the organization, refuses a duplicate, ends it and publishes its events', async () => {
    const tenant = newTenant();
    const person = await contacts.create(tenant, jane);
    const organization = await contacts.create(tenant, acme);

    const created = await relationships.create(tenant, {
      typeCode: 'employee-of',
      contactAId: person.id,
      contactBId: organization.id,
      fields: { startDate: '2024-03-01', description: 'Programme lead' },
    });
    const fromOrganization = await relationships.listFor(tenant, {
      contactId: organization.id,
      contactKind: 'organization',
    });
    const duplicate = await failureOf(
      relationships.create(tenant, {
        typeCode: 'employee-of',
        contactAId: person.id,
        contactBId: organization.id,
      }),
    );
    const ended = await relationships.call<relationshipV1.UpdateRelationshipResponse__Output>(
      'UpdateRelationship',
      tenant,
      {
        id: created.id,
        expectedVersion: '1',
        fields: { endDate: '2025-01-31' },
        updateMask: { paths: ['end_date'] },
      },
    );
    const currentAfterEnd = await relationships.listFor(tenant, { contactId: person.id });
    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 4,
    });

    expect(created).toMatchObject({ version: '1', labelAToB: 'employee of', active: true });
    expect(fromOrganization.relationships).toEqual([
      expect.objectContaining({
        contactId: organization.id,
        side: 'RELATIONSHIP_SIDE_B',
        label: 'employer of',
        otherContactId: person.id,
        otherContactKind: 'person',
        otherDisplayName: 'Jane Smith',
      }),
    ]);
    expect(duplicate.code).toBe(grpc.status.ALREADY_EXISTS);
    expect(ended.relationship).toMatchObject({
      version: '2',
      endDate: '2025-01-31',
      active: false,
    });
    expect(currentAfterEnd.relationships).toEqual([]);
    const relationshipEvents = messages.filter((m) => m.key === created.id);
    expect(relationshipEvents.map((m) => m.headers.ce_type)).toEqual([
      'kith.relationship.created.v1',
      'kith.relationship.updated.v1',
    ]);
    const updated = JSON.parse(relationshipEvents[1]?.value?.toString() ?? '{}');
    expect(updated).toEqual({
      changedFields: ['endDate'],
      relationship: expect.objectContaining({
        contactAId: person.id,
        contactBId: organization.id,
        labelAToB: 'employee of',
        labelBToA: 'employer of',
        endDate: '2025-01-31',
        version: 2,
      }),
    });
  });

  it('allows a new current relationship once the previous one of the pair has ended', async () => {
    const tenant = newTenant();
    const person = await contacts.create(tenant, jane);
    const organization = await contacts.create(tenant, acme);
    const first = await relationships.create(tenant, {
      typeCode: 'volunteer-for',
      contactAId: person.id,
      contactBId: organization.id,
    });
    await relationships.call('UpdateRelationship', tenant, {
      id: first.id,
      expectedVersion: '1',
      fields: { endDate: '2025-06-30' },
      updateMask: { paths: ['end_date'] },
    });

    const second = await relationships.create(tenant, {
      typeCode: 'volunteer-for',
      contactAId: person.id,
      contactBId: organization.id,
      fields: { startDate: '2026-01-01' },
    });

    expect(second.id).not.toBe(first.id);
  });

  it('treats a symmetric relationship created from either side as the same pair', async () => {
    const tenant = newTenant();
    const ada = await contacts.create(tenant, jane);
    const bea = await contacts.create(tenant, {
      ...jane,
      fields: { person: { firstName: 'Bea', lastName: 'Smith' } },
    });
    await relationships.create(tenant, {
      typeCode: 'spouse-of',
      contactAId: bea.id,
      contactBId: ada.id,
    });

    const reversed = await failureOf(
      relationships.create(tenant, {
        typeCode: 'spouse-of',
        contactAId: ada.id,
        contactBId: bea.id,
      }),
    );
    const fromAda = await relationships.listFor(tenant, { contactId: ada.id });

    expect(reversed.code).toBe(grpc.status.ALREADY_EXISTS);
    expect(fromAda.relationships.map((r) => [r.label, r.otherDisplayName])).toEqual([
      ['spouse of', 'Bea Smith'],
    ]);
  });

  it('answers NOT_FOUND for a contact of another tenant', async () => {
    const tenant = newTenant();
    const person = await contacts.create(tenant, jane);
    const foreignOrganization = await contacts.create(newTenant(), acme);

    const failure = await failureOf(
      relationships.create(tenant, {
        typeCode: 'employee-of',
        contactAId: person.id,
        contactBId: foreignOrganization.id,
      }),
    );

    expect(failure.code).toBe(grpc.status.NOT_FOUND);
  });

  it('lets a tenant deactivate a built-in type, which then takes no new relationships', async () => {
    const tenant = newTenant();
    const person = await contacts.create(tenant, jane);
    const organization = await contacts.create(tenant, acme);

    const changed = await relationships.call<relationshipV1.UpsertRelationshipTypeResponse__Output>(
      'UpsertRelationshipType',
      tenant,
      {
        code: 'board-member-of',
        expectedVersion: '1',
        active: false,
        updateMask: { paths: ['active'] },
      },
    );
    const refused = await failureOf(
      relationships.create(tenant, {
        typeCode: 'board-member-of',
        contactAId: person.id,
        contactBId: organization.id,
      }),
    );
    const otherTenant =
      await relationships.call<relationshipV1.ListRelationshipTypesResponse__Output>(
        'ListRelationshipTypes',
        newTenant(),
        {},
      );

    expect(changed.relationshipType).toMatchObject({ active: false, builtIn: true, version: '2' });
    expect(refused.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(otherTenant.relationshipTypes.find((t) => t.code === 'board-member-of')?.active).toBe(
      true,
    );
  });
});
