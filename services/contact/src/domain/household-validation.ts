// Cleans what callers send about households: overrides, mailing address, member input.
// Every problem is collected, so a caller can fix all of them at once.
import { PAGE_SIZE_LIMITS, isUuidPosition, pageTokens, parsePageRequest } from '@kith/paging';
import type { ContactFieldError } from './contact-error';
import { HouseholdError } from './household-error';
import {
  HOUSEHOLD_LIMITS,
  MEMBER_ROLES,
  type HouseholdChanges,
  type MemberRole,
} from './household';
import { checkFreeText } from './free-text';
import { validatePostalAddress, type PostalAddress } from './postal-address';

/** Page tokens of household listings (id order), scoped to the tenant. */
export const householdPageTokens = pageTokens('households', { isPosition: isUuidPosition });

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
  const page = parsePageRequest(input, householdPageTokens, PAGE_SIZE_LIMITS, input.tenantId);
  const query: { tenantId: string; pageSize: number; afterId?: string } = {
    tenantId: input.tenantId,
    pageSize: page.pageSize,
  };
  if (page.after) query.afterId = page.after;
  const errors: ContactFieldError[] = page.errors;
  if (errors.length > 0) throw HouseholdError.validation(errors);
  return query;
}
