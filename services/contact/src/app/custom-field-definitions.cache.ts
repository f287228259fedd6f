// The custom field definitions a contact write checks values against, cached per tenant and
// record type for a few seconds: every create needs them (required fields), and on FerretDB
// reading them is a scan of the definitions collection. This process drops a tenant's entries
// as soon as it changes a definition; another replica's change is seen within `ttlMs`.
import type { CustomFieldDefinition, CustomFieldRecordType } from '../domain/custom-field';

export interface CustomFieldDefinitionSource {
  forRecordType(
    tenantId: string,
    recordType: CustomFieldRecordType,
  ): Promise<CustomFieldDefinition[]>;
}

export class CustomFieldDefinitionsCache implements CustomFieldDefinitionSource {
  private readonly entries = new Map<
    string,
    { at: number; value: Promise<CustomFieldDefinition[]> }
  >();

  constructor(
    private readonly source: CustomFieldDefinitionSource,
    private readonly opts: { ttlMs?: number; now?: () => number; maxEntries?: number } = {},
  ) {}

  forRecordType(
    tenantId: string,
    recordType: CustomFieldRecordType,
  ): Promise<CustomFieldDefinition[]> {
    const now = (this.opts.now ?? Date.now)();
    const key = `${tenantId}\u0000${recordType}`;
    const hit = this.entries.get(key);
    if (hit && now - hit.at < (this.opts.ttlMs ?? 5000)) return hit.value;
    const value = this.source.forRecordType(tenantId, recordType);
    // A failed read is not cached.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size >= (this.opts.maxEntries ?? 10_000)) this.entries.clear();
    this.entries.set(key, { at: now, value });
    return value;
  }

  invalidate(tenantId: string): void {
    for (const key of this.entries.keys()) {
      if (key.startsWith(`${tenantId}\u0000`)) this.entries.delete(key);
    }
  }
}
