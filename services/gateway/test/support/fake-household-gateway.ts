// An in-memory HouseholdService with the real one's observable rules: tenant-scoped ids,
// versions starting at 1, ABORTED on a stale expected version, NOT_FOUND for other tenants
// and deleted households, ALREADY_EXISTS for a person in another household,
// FAILED_PRECONDITION for an organization, and page tokens. Names are simplified.
import * as grpc from '@grpc/grpc-js';
import type { householdV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/contact.client';
import type { HouseholdGateway, HouseholdMessage } from '../../src/grpc/household.client';
import { grpcError } from './fake-contact-gateway';

export class FakeHouseholdGateway implements HouseholdGateway {
  readonly calls: Array<{ method: string; ctx: RequestContext; request: unknown }> = [];
  private readonly records = new Map<string, HouseholdMessage>();
  private seq = 0;
  /** Contact ids the fake treats as organizations. */
  readonly organizations = new Set<string>();

  async create(req: householdV1.CreateHouseholdRequest, ctx: RequestContext) {
    this.calls.push({ method: 'create', ctx, request: req });
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq)).toISOString();
    const id = `h-${String(++this.seq).padStart(4, '0')}`;
    const household: HouseholdMessage = {
      id,
      tenantId: ctx.tenantId,
      version: '1',
      name: req.nameOverride || 'Unnamed Household',
      greeting: req.greetingOverride || 'Friends',
      nameOverride: req.nameOverride ?? '',
      greetingOverride: req.greetingOverride ?? '',
      mailingAddress: (req.mailingAddress as householdV1.PostalAddress__Output | null) ?? null,
      members: [],
      createdAt: now,
      updatedAt: now,
      deletedAt: '',
    };
    this.records.set(key(ctx.tenantId, id), household);
    return { ...household };
  }

  async get(id: string, ctx: RequestContext) {
    this.calls.push({ method: 'get', ctx, request: { id } });
    return { ...this.find(id, ctx) };
  }

  async update(req: householdV1.UpdateHouseholdRequest, ctx: RequestContext) {
    this.calls.push({ method: 'update', ctx, request: req });
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    const paths = req.updateMask?.paths ?? [];
    const next = { ...current };
    if (paths.includes('name_override')) {
      next.nameOverride = req.nameOverride ?? '';
      next.name = next.nameOverride || 'Unnamed Household';
    }
    if (paths.includes('greeting_override')) next.greetingOverride = req.greetingOverride ?? '';
    if (paths.includes('mailing_address')) {
      next.mailingAddress = (req.mailingAddress as householdV1.PostalAddress__Output) ?? null;
    }
    return this.save(next, ctx);
  }

  async delete(req: householdV1.DeleteHouseholdRequest, ctx: RequestContext) {
    this.calls.push({ method: 'delete', ctx, request: req });
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    return this.save({ ...current, deletedAt: '2026-01-02T00:00:00.000Z' }, ctx);
  }

  async list(req: householdV1.ListHouseholdsRequest, ctx: RequestContext) {
    this.calls.push({ method: 'list', ctx, request: req });
    const all = [...this.records.values()].filter(
      (h) => h.tenantId === ctx.tenantId && h.deletedAt === '',
    );
    const start = req.pageToken ? Number(req.pageToken) : 0;
    const size = req.pageSize ?? 50;
    const page = all.slice(start, start + size);
    const more = start + size < all.length;
    return { households: page, nextPageToken: more ? String(start + size) : '' };
  }

  async addMember(req: householdV1.AddHouseholdMemberRequest, ctx: RequestContext) {
    this.calls.push({ method: 'addMember', ctx, request: req });
    const current = this.writable(req.householdId ?? '', req.expectedVersion, ctx);
    const contactId = req.contactId ?? '';
    if (this.organizations.has(contactId)) {
      throw grpcError(grpc.status.FAILED_PRECONDITION, 'an organization', [
        { field: 'contactId', message: 'only people can join a household' },
      ]);
    }
    const elsewhere = [...this.records.values()].some(
      (h) =>
        h.tenantId === ctx.tenantId &&
        h.members.some((m) => m.contactId === contactId && m.leftAt === ''),
    );
    if (elsewhere) throw grpcError(grpc.status.ALREADY_EXISTS, 'already in a household');
    const member: householdV1.HouseholdMember__Output = {
      contactId,
      role: req.role || 'adult',
      inheritsAddress: req.inheritsAddress ?? false,
      joinedAt: '2026-01-02T00:00:00.000Z',
      leftAt: '',
      firstName: '',
      lastName: '',
      deceased: false,
    };
    return this.save({ ...current, members: [...current.members, member] }, ctx);
  }

  async removeMember(req: householdV1.RemoveHouseholdMemberRequest, ctx: RequestContext) {
    this.calls.push({ method: 'removeMember', ctx, request: req });
    const current = this.writable(req.householdId ?? '', req.expectedVersion, ctx);
    if (!current.members.some((m) => m.contactId === req.contactId && m.leftAt === '')) {
      throw grpcError(grpc.status.NOT_FOUND, 'not a member');
    }
    const members = current.members.map((m) =>
      m.contactId === req.contactId ? { ...m, leftAt: '2026-01-03T00:00:00.000Z' } : m,
    );
    return this.save({ ...current, members }, ctx);
  }

  async getContactHousehold(contactId: string, ctx: RequestContext) {
    this.calls.push({ method: 'getContactHousehold', ctx, request: { contactId } });
    const found = [...this.records.values()].find(
      (h) =>
        h.tenantId === ctx.tenantId &&
        h.deletedAt === '' &&
        h.members.some((m) => m.contactId === contactId && m.leftAt === ''),
    );
    if (!found) throw grpcError(grpc.status.NOT_FOUND, 'not in a household');
    return { ...found };
  }

  private writable(id: string, expected: unknown, ctx: RequestContext): HouseholdMessage {
    const current = this.find(id, ctx);
    if (String(expected) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'version mismatch');
    }
    return current;
  }

  private save(next: HouseholdMessage, ctx: RequestContext): HouseholdMessage {
    const saved = { ...next, version: String(Number(next.version) + 1) };
    this.records.set(key(ctx.tenantId, saved.id), saved);
    return { ...saved };
  }

  private find(id: string, ctx: RequestContext): HouseholdMessage {
    const found = this.records.get(key(ctx.tenantId, id));
    if (!found || found.deletedAt !== '') throw grpcError(grpc.status.NOT_FOUND, 'not found');
    return found;
  }
}

function key(tenantId: string, id: string): string {
  return `${tenantId}/${id}`;
}
