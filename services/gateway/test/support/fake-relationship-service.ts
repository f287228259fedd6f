// An in-memory RelationshipService with the real one's observable rules that the gateway
// relies on: tenant-scoped ids, versions, ABORTED on a stale version, NOT_FOUND for other
// tenants, ALREADY_EXISTS for a duplicate current pair, and each side's label in lists.
// Contacts are registered by the test with their kind and name.
import * as grpc from '@grpc/grpc-js';
import type { relationshipV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { fakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

type Relationship = relationshipV1.Relationship__Output;
type RelationshipType = relationshipV1.RelationshipType__Output;

const EMPLOYEE_OF: RelationshipType = {
  code: 'employee-of',
  labelAToB: 'employee of',
  labelBToA: 'employer of',
  contactKindA: 'person',
  contactKindB: 'organization',
  symmetric: false,
  active: true,
  builtIn: true,
  version: '1',
  createdAt: '',
  updatedAt: '',
};

class RelationshipRules {
  private readonly contacts = new Map<string, { kind: string; displayName: string }>();
  private readonly relationships = new Map<string, Relationship>();
  private readonly types = new Map<string, RelationshipType>();
  private seq = 0;

  /** Makes a contact known to the fake in a tenant. */
  addContact(tenantId: string, id: string, kind: 'person' | 'organization', displayName: string) {
    this.contacts.set(`${tenantId}/${id}`, { kind, displayName });
  }

  async ListRelationshipTypes(
    req: relationshipV1.ListRelationshipTypesRequest,
    ctx: RequestContext,
  ) {
    return { relationshipTypes: this.typesOf(ctx.tenantId), nextPageToken: '' };
  }

  async UpsertRelationshipType(
    req: relationshipV1.UpsertRelationshipTypeRequest,
    ctx: RequestContext,
  ) {
    const key = `${ctx.tenantId}/${req.code}`;
    const current = this.typesOf(ctx.tenantId).find((t) => t.code === req.code);
    if (req.expectedVersion === '0') {
      if (current) throw grpcError(grpc.status.ALREADY_EXISTS, 'type exists');
      const created: RelationshipType = {
        ...EMPLOYEE_OF,
        code: req.code ?? '',
        labelAToB: req.labelAToB ?? '',
        labelBToA: req.symmetric ? (req.labelAToB ?? '') : (req.labelBToA ?? ''),
        contactKindA: req.contactKindA ?? '',
        contactKindB: req.contactKindB ?? '',
        symmetric: req.symmetric ?? false,
        builtIn: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      this.types.set(key, created);
      return { relationshipType: created };
    }
    if (!current) throw grpcError(grpc.status.NOT_FOUND, 'no such type');
    if (current.version !== req.expectedVersion) throw grpcError(grpc.status.ABORTED, 'stale');
    const changed = { ...current, version: String(Number(current.version) + 1) };
    for (const path of req.updateMask?.paths ?? []) {
      if (path === 'active') changed.active = req.active ?? false;
      if (path === 'label_a_to_b') changed.labelAToB = req.labelAToB ?? '';
      if (path === 'label_b_to_a') changed.labelBToA = req.labelBToA ?? '';
    }
    this.types.set(key, changed);
    return { relationshipType: changed };
  }

  async CreateRelationship(req: relationshipV1.CreateRelationshipRequest, ctx: RequestContext) {
    const type = this.typesOf(ctx.tenantId).find((t) => t.code === req.typeCode);
    if (!type)
      throw grpcError(grpc.status.INVALID_ARGUMENT, 'unknown type', [
        { field: 'typeCode', message: 'no such type' },
      ]);
    for (const id of [req.contactAId, req.contactBId]) {
      if (!this.contacts.has(`${ctx.tenantId}/${id}`)) {
        throw grpcError(grpc.status.NOT_FOUND, `contact ${id} not found`);
      }
    }
    const duplicate = [...this.relationships.values()].some(
      (r) =>
        r.tenantId === ctx.tenantId &&
        r.typeCode === req.typeCode &&
        r.contactAId === req.contactAId &&
        r.contactBId === req.contactBId &&
        r.active,
    );
    if (duplicate) throw grpcError(grpc.status.ALREADY_EXISTS, 'a current relationship exists');
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq)).toISOString();
    const relationship: Relationship = {
      id: `r-${String(++this.seq).padStart(4, '0')}`,
      tenantId: ctx.tenantId,
      version: '1',
      typeCode: type.code,
      labelAToB: type.labelAToB,
      labelBToA: type.labelBToA,
      symmetric: type.symmetric,
      contactAId: req.contactAId ?? '',
      contactBId: req.contactBId ?? '',
      startDate: req.fields?.startDate ?? '',
      endDate: req.fields?.endDate ?? '',
      description: req.fields?.description ?? '',
      active: !req.fields?.endDate,
      createdAt: at,
      updatedAt: at,
      deletedAt: '',
    };
    this.relationships.set(relationship.id, relationship);
    return { relationship: { ...relationship } };
  }

  async GetRelationship(req: relationshipV1.GetRelationshipRequest, ctx: RequestContext) {
    return { relationship: { ...this.find(req.id ?? '', ctx) } };
  }

  async UpdateRelationship(req: relationshipV1.UpdateRelationshipRequest, ctx: RequestContext) {
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    const next: Relationship = { ...current, version: String(Number(current.version) + 1) };
    for (const path of req.updateMask?.paths ?? []) {
      if (path === 'start_date') next.startDate = req.fields?.startDate ?? '';
      if (path === 'end_date') next.endDate = req.fields?.endDate ?? '';
      if (path === 'description') next.description = req.fields?.description ?? '';
    }
    next.active = next.endDate === '';
    this.relationships.set(next.id, next);
    return { relationship: { ...next } };
  }

  async DeleteRelationship(req: relationshipV1.DeleteRelationshipRequest, ctx: RequestContext) {
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    const deleted = { ...current, active: false, deletedAt: '2026-01-02T00:00:00.000Z' };
    this.relationships.set(deleted.id, deleted);
    return { relationship: { ...deleted } };
  }

  async ListContactRelationships(
    req: relationshipV1.ListContactRelationshipsRequest,
    ctx: RequestContext,
  ) {
    const contact = this.contacts.get(`${ctx.tenantId}/${req.contactId}`);
    if (!contact || (req.contactKind && contact.kind !== req.contactKind)) {
      throw grpcError(grpc.status.NOT_FOUND, 'no such contact');
    }
    const rows = [...this.relationships.values()]
      .filter((r) => r.tenantId === ctx.tenantId && r.deletedAt === '')
      .filter((r) => r.contactAId === req.contactId || r.contactBId === req.contactId)
      .filter((r) => req.includeInactive || r.active)
      .map((r) => {
        const sideA = r.contactAId === req.contactId;
        const otherId = sideA ? r.contactBId : r.contactAId;
        const other = this.contacts.get(`${ctx.tenantId}/${otherId}`);
        return {
          relationship: { ...r },
          contactId: req.contactId ?? '',
          side: sideA ? ('RELATIONSHIP_SIDE_A' as const) : ('RELATIONSHIP_SIDE_B' as const),
          label: sideA ? r.labelAToB : r.labelBToA,
          otherContactId: otherId,
          otherContactKind: other?.kind ?? '',
          otherDisplayName: other?.displayName ?? '',
        };
      });
    const offset = req.pageToken ? Number(req.pageToken) : 0;
    const size = req.pageSize || 50;
    const next = offset + size < rows.length ? String(offset + size) : '';
    return { relationships: rows.slice(offset, offset + size), nextPageToken: next };
  }

  private typesOf(tenantId: string): RelationshipType[] {
    const stored = this.types.get(`${tenantId}/employee-of`);
    const own = [...this.types.entries()]
      .filter(([k, t]) => k.startsWith(`${tenantId}/`) && t.code !== 'employee-of')
      .map(([, t]) => t);
    return [stored ?? EMPLOYEE_OF, ...own];
  }

  private find(id: string, ctx: RequestContext): Relationship {
    const found = this.relationships.get(id);
    if (!found || found.tenantId !== ctx.tenantId || found.deletedAt !== '') {
      throw grpcError(grpc.status.NOT_FOUND, 'no such relationship');
    }
    return found;
  }

  private writable(id: string, expected: unknown, ctx: RequestContext): Relationship {
    const current = this.find(id, ctx);
    if (String(expected) !== current.version) throw grpcError(grpc.status.ABORTED, 'stale');
    return current;
  }
}

/** The relationship service fake: its rules behind the generic fakeUpstream. */
export function fakeRelationships() {
  return fakeUpstream<DefinitionOf<'RelationshipService'>, RelationshipRules>(
    new RelationshipRules(),
  );
}
