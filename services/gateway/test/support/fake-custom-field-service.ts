// An in-memory CustomFieldService with the real one's observable rules: tenant-scoped keys,
// versions from 1, ABORTED on a stale version, FAILED_PRECONDITION on a type change or on
// archived fields, ALREADY_EXISTS on a taken key. Records every call's request and context.
import * as grpc from '@grpc/grpc-js';
import type { customFieldV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { fakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

type Field = customFieldV1.CustomField__Output;

class CustomFieldRules {
  private readonly records = new Map<string, Field>();

  async ListCustomFields(req: customFieldV1.ListCustomFieldsRequest, ctx: RequestContext) {
    const all = [...this.records.values()]
      .filter((f) => f.tenantId === ctx.tenantId)
      .filter((f) => !req.recordType || f.recordType === req.recordType)
      .filter((f) => req.includeArchived || !f.archived)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const offset = req.pageToken ? Number(req.pageToken) : 0;
    const size = req.pageSize || 100;
    const next = offset + size < all.length ? String(offset + size) : '';
    return { customFields: all.slice(offset, offset + size), nextPageToken: next };
  }

  async GetCustomField(req: customFieldV1.GetCustomFieldRequest, ctx: RequestContext) {
    return { customField: this.find(req.recordType ?? '', req.key ?? '', ctx) };
  }

  async CreateCustomField(req: customFieldV1.CreateCustomFieldRequest, ctx: RequestContext) {
    const id = `${ctx.tenantId}:${req.recordType}:${req.key}`;
    if (this.records.has(id)) throw grpcError(grpc.status.ALREADY_EXISTS, 'key is taken');
    const field: Field = {
      id,
      tenantId: ctx.tenantId,
      recordType: req.recordType ?? '',
      key: req.key ?? '',
      spec: spec(req.spec ?? {}),
      archived: false,
      version: '1',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    this.records.set(id, field);
    return { customField: field };
  }

  async UpdateCustomField(req: customFieldV1.UpdateCustomFieldRequest, ctx: RequestContext) {
    const current = this.writable(req.recordType ?? '', req.key ?? '', req.expectedVersion, ctx);
    const paths = req.updateMask?.paths ?? [];
    const given = spec(req.spec ?? {});
    if (paths.includes('type') && given.type !== current.spec?.type) {
      throw grpcError(grpc.status.FAILED_PRECONDITION, 'a type never changes', [
        { field: 'type', message: 'cannot change' },
      ]);
    }
    const merged = { ...current.spec } as Record<string, unknown>;
    for (const path of paths) merged[path] = (given as unknown as Record<string, unknown>)[path];
    return {
      customField: this.save({
        ...current,
        spec: merged as unknown as customFieldV1.CustomFieldSpec__Output,
        version: String(Number(current.version) + 1),
      }),
    };
  }

  async ArchiveCustomField(req: customFieldV1.ArchiveCustomFieldRequest, ctx: RequestContext) {
    const current = this.writable(req.recordType ?? '', req.key ?? '', req.expectedVersion, ctx);
    return {
      customField: this.save({
        ...current,
        archived: true,
        version: String(Number(current.version) + 1),
      }),
    };
  }

  private save(field: Field): Field {
    this.records.set(field.id, field);
    return field;
  }

  private find(recordType: string, key: string, ctx: RequestContext): Field {
    const found = this.records.get(`${ctx.tenantId}:${recordType}:${key}`);
    if (!found) throw grpcError(grpc.status.NOT_FOUND, 'no such custom field');
    return found;
  }

  private writable(recordType: string, key: string, expected: unknown, ctx: RequestContext): Field {
    const current = this.find(recordType, key, ctx);
    if (current.archived) throw grpcError(grpc.status.FAILED_PRECONDITION, 'archived');
    if (String(expected) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'version mismatch');
    }
    return current;
  }
}

function spec(s: customFieldV1.CustomFieldSpec): customFieldV1.CustomFieldSpec__Output {
  return JSON.parse(
    JSON.stringify({
      label: s.label ?? '',
      description: s.description ?? '',
      type: s.type ?? '',
      required: s.required ?? false,
      options: s.options ?? [],
      validation: s.validation ?? {},
    }),
  ) as customFieldV1.CustomFieldSpec__Output;
}

/** The custom field service fake: its rules behind the generic fakeUpstream. */
export function fakeCustomFields() {
  return fakeUpstream<DefinitionOf<'CustomFieldService'>, CustomFieldRules>(new CustomFieldRules());
}
