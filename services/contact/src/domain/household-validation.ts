// Cleans what callers send about households: overrides, mailing address, member input.
// Every problem is collected, so a caller can fix all of them at once.
import type { ContactFieldError } from './contact-error';
import { HouseholdError } from './household-error';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodePageToken } from './contact-list-query';
import {
  HOUSEHOLD_LIMITS,
  MEMBER_ROLES,
  type HouseholdChanges,
  type MemberRole,
} from './household';
import { checkFreeText } from './free-text';
import { validatePostalAddress, type PostalAddress } from './postal-address';

/** The cleaned form of HouseholdChanges: undefined = unchanged, null = clear. */
export interface CleanHouseholdChanges {
  nameOverride?: string | null;
  greetingOverride?: string | null;
  mailingAddress?: PostalAddress | null;
}

export interface MemberInput {
  contactId: string;
  /** Empty or absent means adult. */
  role?: string;
  inheritsAddress?: boolean;
}

/** Blank overrides clear (the generated name comes back), so proto's "" works as "unset". */
export function validateHouseholdChanges(changes: HouseholdChanges): CleanHouseholdChanges {
  const errors: ContactFieldError[] = [];
  const clean: CleanHouseholdChanges = {};
  for (const field of ['nameOverride', 'greetingOverride'] as const) {
    const value = changes[field];
    if (value === undefined) continue;
    const text = value?.trim().replace(/\s+/g, ' ') ?? '';
    checkFreeText(errors, field, text, HOUSEHOLD_LIMITS.name);
    clean[field] = text === '' ? null : text;
  }
  if (changes.mailingAddress !== undefined) {
    clean.mailingAddress =
      changes.mailingAddress === null
        ? null
        : validatePostalAddress(changes.mailingAddress, 'mailingAddress', errors);
  }
  if (errors.length > 0) throw HouseholdError.validation(errors);
  return clean;
}

export function validateMemberInput(input: MemberInput): {
  contactId: string;
  role: MemberRole;
  inheritsAddress: boolean;
} {
  const errors: ContactFieldError[] = [];
  const contactId = input.contactId.trim();
  if (!contactId) errors.push({ field: 'contactId', message: 'is required' });
  const role = (input.role?.trim().toLowerCase() || 'adult') as MemberRole;
  if (!MEMBER_ROLES.includes(role)) {
    errors.push({ field: 'role', message: `must be one of ${MEMBER_ROLES.join(', ')}` });
  }
  if (errors.length > 0) throw HouseholdError.validation(errors);
  return { contactId, role, inheritsAddress: input.inheritsAddress === true };
}

/** Page size bounds and the opaque token, as contact lists have them. */
export function parseHouseholdListQuery(input: {
  tenantId: string;
  pageSize?: number;
  pageToken?: string;
}): { tenantId: string; pageSize: number; afterId?: string } {
  const errors: ContactFieldError[] = [];
  const requested = input.pageSize ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > MAX_PAGE_SIZE) {
    errors.push({ field: 'pageSize', message: `must be between 1 and ${MAX_PAGE_SIZE}` });
  }
  const query: { tenantId: string; pageSize: number; afterId?: string } = {
    tenantId: input.tenantId,
    pageSize: requested === 0 ? DEFAULT_PAGE_SIZE : requested,
  };
  if (input.pageToken) {
    const afterId = decodePageToken(input.pageToken);
    if (afterId) query.afterId = afterId;
    else errors.push({ field: 'pageToken', message: 'is not a token this service issued' });
  }
  if (errors.length > 0) throw HouseholdError.validation(errors);
  return query;
}
