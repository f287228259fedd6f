// Reading the audit trail of one contact, a page at a time in version order.
import type { AuditEntry } from '../domain/contact-audit';
import { ContactError } from '../domain/contact-error';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/contact-list-query';
import type { ContactAuditRepository } from '../store/contact-audit.repository';

const TOKEN_PREFIX = 'a1:';

export function encodeAuditPageToken(lastVersion: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${lastVersion}`, 'utf8').toString('base64url');
}

export function decodeAuditPageToken(token: string): number | undefined {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith(TOKEN_PREFIX)) return undefined;
  const version = Number(decoded.slice(TOKEN_PREFIX.length));
  return Number.isSafeInteger(version) && version >= 0 ? version : undefined;
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
    if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
      throw ContactError.validation([
        { field: 'pageSize', message: `must be between 1 and ${MAX_PAGE_SIZE}` },
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
      limit: size === 0 ? DEFAULT_PAGE_SIZE : size,
    });
    const last = entries.at(-1);
    return hasMore && last
      ? { entries, nextPageToken: encodeAuditPageToken(last.version) }
      : { entries };
  }
}
