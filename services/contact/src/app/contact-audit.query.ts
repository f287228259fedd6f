// Reading the audit trail of one contact, a page at a time in version order.
import { PAGE_SIZE_LIMITS, pageTokens } from '@kith/paging';
import type { AuditEntry } from '../domain/contact-audit';
import { ContactError } from '../domain/contact-error';
import type { ContactAuditRepository } from '../store/contact-audit.repository';

/** Page tokens of one contact's audit trail (version order). */
const auditPageTokens = pageTokens('contact-audit', {
  isPosition: (value: unknown): value is number =>
    Number.isSafeInteger(value) && Number(value) >= 0,
});

export function encodeAuditPageToken(lastVersion: number): string {
  return auditPageTokens.encode(lastVersion);
}

export function decodeAuditPageToken(token: string): number | undefined {
  const decoded = auditPageTokens.decode(token);
  return decoded.ok ? decoded.position : undefined;
}

export class ContactAuditQuery {
  constructor(private readonly repository: ContactAuditRepository) {}

  /**
   * Tenant-scoped by the filter: another tenant's contact id simply has no entries here.
   * Entries appear once the audit consumer has read the event (usually milliseconds).
   */
  async list(input: {
    tenantId: string;
    contactId: string;
    pageSize?: number;
    pageToken?: string;
  }): Promise<{ entries: AuditEntry[]; nextPageToken?: string }> {
    const size = input.pageSize ?? 0;
    if (!Number.isInteger(size) || size < 0 || size > PAGE_SIZE_LIMITS.maxSize) {
      throw ContactError.validation([
        { field: 'pageSize', message: `must be between 1 and ${PAGE_SIZE_LIMITS.maxSize}` },
      ]);
    }
    let afterVersion = 0;
    if (input.pageToken) {
      const decoded = decodeAuditPageToken(input.pageToken);
      if (decoded === undefined) {
        throw ContactError.validation([
          { field: 'pageToken', message: 'is not a token this service issued' },
        ]);
      }
      afterVersion = decoded;
    }
    const { entries, hasMore } = await this.repository.list(input.tenantId, input.contactId, {
      afterVersion,
      limit: size === 0 ? PAGE_SIZE_LIMITS.defaultSize : size,
    });
    const last = entries.at(-1);
    return hasMore && last
      ? { entries, nextPageToken: encodeAuditPageToken(last.version) }
      : { entries };
  }
}
