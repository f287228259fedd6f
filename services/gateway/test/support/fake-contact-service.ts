// An in-memory contact service with the real one's observable rules: tenant-scoped ids,
// versions starting at 1, ABORTED on a stale expected version, NOT_FOUND for other
// tenants and deleted records (naming the survivor of a merged one), and page tokens. It
// answers a write naming the other kind (expectedKind) NOT_FOUND. Calls are recorded by
// fakeUpstream under their rpc names.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS, type contactV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { grpcError } from './grpc-error';
import { fakeUpstream } from './fake-upstream';

type Stored = contactV1.Contact__Output & { tenantId: string };

class ContactServiceRules {
  private readonly records = new Map<string, Stored>();
  private readonly histories = new Map<string, contactV1.ConsentRecord__Output[]>();
  /** `<tenant>/<victim>` -> survivor id, for merged (tombstoned) contacts. */
  private readonly mergedInto = new Map<string, string>();
  private seq = 0;
  /** The next call rejects with this error instead of running. */
  failNext: Error | undefined;
  /** When set, create waits for this promise (to hold a request in flight). */
  createGate: Promise<void> | undefined;

  async CreateContact(req: contactV1.CreateContactRequest, ctx: RequestContext) {
    this.failIfAsked();
    if (this.createGate) await this.createGate;
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq)).toISOString();
    const id = `c-${String(++this.seq).padStart(4, '0')}`;
    const fields = normaliseFields(req.fields ?? {});
    const contact: Stored = {
      id,
      tenantId: ctx.tenantId,
      kind: req.kind as contactV1.ContactKind__Output,
      version: '1',
      fields,
      displayName: displayNameOf(fields),
      createdAt: now,
      updatedAt: now,
      deletedAt: '',
      communication: [],
      reachability: [],
      householdAddress: null,
    };
    this.records.set(key(ctx.tenantId, id), contact);
    return { contact: { ...contact } };
  }

  async GetContact(req: contactV1.GetContactRequest, ctx: RequestContext) {
    this.failIfAsked();
    return { contact: { ...this.find(req.id ?? '', ctx) } };
  }

  async UpdateContact(req: contactV1.UpdateContactRequest, ctx: RequestContext) {
    this.failIfAsked();
    const current = this.findOfKind(req.id ?? '', req.expectedKind, ctx);
    if (String(req.expectedVersion) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'version mismatch');
    }
    const fields = normaliseFields({ ...current.fields, ...mergeMasked(current, req) });
    const updated: Stored = {
      ...current,
      fields,
      displayName: displayNameOf(fields),
      version: String(Number(current.version) + 1),
    };
    this.records.set(key(ctx.tenantId, current.id), updated);
    return { contact: { ...updated } };
  }

  async DeleteContact(req: contactV1.DeleteContactRequest, ctx: RequestContext) {
    this.failIfAsked();
    const current = this.findOfKind(req.id ?? '', req.expectedKind, ctx);
    if (String(req.expectedVersion) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'version mismatch');
    }
    const deleted: Stored = { ...current, deletedAt: '2026-01-02T00:00:00.000Z' };
    this.records.set(key(ctx.tenantId, current.id), deleted);
    return { contact: { ...deleted } };
  }

  async ListContacts(req: contactV1.ListContactsRequest, ctx: RequestContext) {
    this.failIfAsked();
    const all = [...this.records.values()].filter(
      (c) => c.tenantId === ctx.tenantId && c.deletedAt === '' && c.kind === req.kind,
    );
    const offset = req.pageToken ? Number(req.pageToken) : 0;
    const size = req.pageSize || 50;
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? String(offset + size) : '';
    return { contacts: page.map((c) => ({ ...c })), nextPageToken: next };
  }

  /** Like the service: the latest captured record per channel is current; all are kept. */
  async RecordConsent(req: contactV1.RecordConsentRequest, ctx: RequestContext) {
    this.failIfAsked();
    const current = this.find(req.contactId ?? '', ctx);
    const history0 = this.histories.get(key(ctx.tenantId, current.id)) ?? [];
    const record: contactV1.ConsentRecord__Output = {
      id: `consent-${history0.length + 1}`,
      channel: req.channel ?? '',
      status: req.status ?? '',
      source: req.source ?? '',
      capturedAt: req.capturedAt || '2026-01-03T00:00:00.000Z',
      statement: req.statement ?? '',
      campaignId: req.campaignId ?? '',
      recordedAt: '2026-01-03T00:00:00.000Z',
      recordedBy: ctx.userId,
    };
    const history = [...history0, record];
    this.histories.set(key(ctx.tenantId, current.id), history);
    const existing = current.communication.find((r) => r.channel === record.channel);
    const communication =
      existing && existing.capturedAt > record.capturedAt
        ? current.communication
        : [...current.communication.filter((r) => r.channel !== record.channel), record];
    const updated: Stored = {
      ...current,
      communication,
      version: String(Number(current.version) + 1),
    };
    this.records.set(key(ctx.tenantId, current.id), updated);
    return { contact: { ...updated }, record };
  }

  async ListConsentHistory(req: contactV1.ListConsentHistoryRequest, ctx: RequestContext) {
    this.failIfAsked();
    const current = this.find(req.contactId ?? '', ctx);
    return { records: [...(this.histories.get(key(ctx.tenantId, current.id)) ?? [])] };
  }

  /** Audit entries a test wants the next audit call to answer. */
  auditEntries: contactV1.AuditEntry__Output[] = [];

  async ListContactAudit(_req: contactV1.ListContactAuditRequest, _ctx: RequestContext) {
    this.failIfAsked();
    return { entries: [...this.auditEntries], nextPageToken: '' };
  }

  private failIfAsked(): void {
    const failure = this.failNext;
    if (failure) {
      this.failNext = undefined;
      throw failure;
    }
  }

  /** What a merge does to its victim: a tombstone that names the survivor. */
  tombstone(id: string, survivorId: string, ctx: RequestContext): void {
    const current = this.find(id, ctx);
    this.records.set(key(ctx.tenantId, id), { ...current, deletedAt: '2026-01-02T00:00:00.000Z' });
    this.mergedInto.set(key(ctx.tenantId, id), survivorId);
  }

  /** Like the service: a write naming a kind finds no record of the other kind. */
  private findOfKind(id: string, kind: unknown, ctx: RequestContext): Stored {
    const found = this.find(id, ctx);
    const expected = kind ?? 'CONTACT_KIND_UNSPECIFIED';
    if (expected !== 'CONTACT_KIND_UNSPECIFIED' && found.kind !== expected) {
      throw grpcError(grpc.status.NOT_FOUND, 'no such contact of this kind');
    }
    return found;
  }

  private find(id: string, ctx: RequestContext): Stored {
    const found = this.records.get(key(ctx.tenantId, id));
    const survivorId = this.mergedInto.get(key(ctx.tenantId, id));
    if (survivorId) {
      throw grpcError(grpc.status.NOT_FOUND, `contact ${id} was merged into ${survivorId}`, [], {
        reason: CONTACT_ERROR_REASONS.merged,
        metadata: { survivorId },
      });
    }
    if (!found || found.deletedAt !== '') throw grpcError(grpc.status.NOT_FOUND, 'no such contact');
    return found;
  }
}

function key(tenantId: string, id: string): string {
  return `${tenantId}/${id}`;
}

function mergeMasked(
  current: Stored,
  req: contactV1.UpdateContactRequest,
): Partial<contactV1.ContactFields__Output> {
  const out: Record<string, unknown> = {};
  const fields = (req.fields ?? {}) as Record<string, unknown>;
  for (const path of req.updateMask?.paths ?? []) {
    const [head, sub] = path.split('.') as [string, string | undefined];
    const camelHead = head.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (sub === undefined) {
      out[camelHead] = fields[camelHead];
      continue;
    }
    const camelSub = sub.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const base = (out[camelHead] ?? {
      ...((current.fields as unknown as Record<string, object>)[camelHead] ?? {}),
    }) as Record<string, unknown>;
    base[camelSub] = (fields[camelHead] as Record<string, unknown> | undefined)?.[camelSub];
    out[camelHead] = base;
  }
  return out as Partial<contactV1.ContactFields__Output>;
}

function normaliseFields(f: contactV1.ContactFields): contactV1.ContactFields__Output {
  return JSON.parse(
    JSON.stringify({
      person: f.person ?? null,
      organization: f.organization ?? null,
      emails: f.emails ?? [],
      phones: f.phones ?? [],
      addresses: f.addresses ?? [],
      tags: f.tags ?? [],
      source: f.source ?? '',
      ownerId: f.ownerId ?? '',
      birthDate: f.birthDate ?? '',
      gender: f.gender ?? '',
      pronouns: f.pronouns ?? '',
      deceased: f.deceased ?? false,
      deceasedDate: f.deceasedDate ?? '',
      doNotContact: f.doNotContact ?? false,
      customFieldsJson: f.customFieldsJson ?? '',
    }),
  ) as contactV1.ContactFields__Output;
}

function displayNameOf(f: contactV1.ContactFields__Output): string {
  if (f.organization) return f.organization.name;
  const p = f.person;
  return [p?.preferredName || p?.firstName, p?.lastName].filter(Boolean).join(' ');
}

/** The contact service fake: its rules behind the generic fakeUpstream. */
export function fakeContacts() {
  return fakeUpstream<DefinitionOf<'ContactService'>, ContactServiceRules>(
    new ContactServiceRules(),
  );
}
export type FakeContacts = ReturnType<typeof fakeContacts>;
