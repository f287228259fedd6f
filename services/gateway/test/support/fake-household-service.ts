// An in-memory HouseholdService with the real one's observable rules: tenant-scoped ids,
// versions starting at 1, ABORTED on a stale expected version, NOT_FOUND for other tenants
// and deleted households, ALREADY_EXISTS for a person in another household,
// FAILED_PRECONDITION for an organization, and page tokens. Names are simplified.
import * as grpc from '@grpc/grpc-js';
import type { householdV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { grpcError } from './grpc-error';
import { fakeUpstream } from './fake-upstream';
import type { FakeUpstream } from './fake-upstream';

type HouseholdMessage = householdV1.Household__Output;

class HouseholdRules {
  private readonly records = new Map<string, HouseholdMessage>();
  private seq = 0;
  /** Contact ids the fake treats as organizations. */
  readonly organizations = new Set<string>();

  async CreateHousehold(req: householdV1.CreateHouseholdRequest, ctx: RequestContext) {
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
    return { household: { ...household } };
  }

  async GetHousehold(req: householdV1.GetHouseholdRequest, ctx: RequestContext) {
    return { household: { ...this.find(req.id ?? '', ctx) } };
  }

  async UpdateHousehold(req: householdV1.UpdateHouseholdRequest, ctx: RequestContext) {
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
    return this.saved(next, ctx);
  }

  async DeleteHousehold(req: householdV1.DeleteHouseholdRequest, ctx: RequestContext) {
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    return this.saved({ ...current, deletedAt: '2026-01-02T00:00:00.000Z' }, ctx);
  }

  async ListHouseholds(req: householdV1.ListHouseholdsRequest, ctx: RequestContext) {
    const all = [...this.records.values()].filter(
      (h) => h.tenantId === ctx.tenantId && h.deletedAt === '',
    );
    const start = req.pageToken ? Number(req.pageToken) : 0;
    const size = req.pageSize ?? 50;
    const page = all.slice(start, start + size);
    const more = start + size < all.length;
    return { households: page, nextPageToken: more ? String(start + size) : '' };
  }

  async AddHouseholdMember(req: householdV1.AddHouseholdMemberRequest, ctx: RequestContext) {
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
    return this.saved({ ...current, members: [...current.members, member] }, ctx);
  }

  async RemoveHouseholdMember(req: householdV1.RemoveHouseholdMemberRequest, ctx: RequestContext) {
    const current = this.writable(req.householdId ?? '', req.expectedVersion, ctx);
    if (!current.members.some((m) => m.contactId === req.contactId && m.leftAt === '')) {
      throw grpcError(grpc.status.NOT_FOUND, 'not a member');
    }
    const members = current.members.map((m) =>
      m.contactId === req.contactId ? { ...m, leftAt: '2026-01-03T00:00:00.000Z' } : m,
    );
    return this.saved({ ...current, members }, ctx);
  }

  async GetContactHousehold(req: householdV1.GetContactHouseholdRequest, ctx: RequestContext) {
    const contactId = req.contactId ?? '';
    const found = [...this.records.values()].find(
      (h) =>
        h.tenantId === ctx.tenantId &&
        h.deletedAt === '' &&
        h.members.some((m) => m.contactId === contactId && m.leftAt === ''),
    );
    if (!found) throw grpcError(grpc.status.NOT_FOUND, 'not in a household');
    return { household: { ...found } };
  }

  private writable(id: string, expected: unknown, ctx: RequestContext): HouseholdMessage {
    const current = this.find(id, ctx);
    if (String(expected) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'version mismatch');
    }
    return current;
  }

  private saved(next: HouseholdMessage, ctx: RequestContext) {
    return { household: this.save(next, ctx) };
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

/** The household service fake: its rules behind the generic fakeUpstream (calls recorded). */
export function fakeHouseholds(): FakeUpstream<DefinitionOf<'HouseholdService'>> & {
  organizations: Set<string>;
} {
  const rules = new HouseholdRules();
  return Object.assign(fakeUpstream<DefinitionOf<'HouseholdService'>>(rules), {
    organizations: rules.organizations,
  });
}
