// Who may do what through the REST API. One table so a reviewer can read the whole policy
// at a glance; docs/ describes the same table for humans. Tenant isolation is not a
// permission: it comes from the token and every downstream call is scoped by it.
import { ROLES, type Role } from '@kith/auth';

export type Permission =
  | 'contact:read'
  | 'contact:write'
  | 'contact:delete'
  | 'contact:audit'
  | 'contact:export'
  | 'contact:erase'
  | 'contact:merge'
  | 'matching-rules:manage'
  | 'contact:import'
  | 'contact:export-csv'
  | 'custom-field:read'
  | 'custom-field:manage'
  | 'relationship-type:manage'
  | 'interaction:read'
  | 'interaction:write'
  | 'donation:read'
  | 'donation:write'
  | 'donation:refund'
  | 'analytics:read'
  | 'analytics:admin'
  | 'segment:read'
  | 'segment:write'
  | 'campaign:read'
  | 'campaign:write'
  | 'campaign:send';

export const PERMISSIONS: Readonly<Record<Permission, readonly Role[]>> = {
  'contact:read': ROLES,
  'contact:write': ['admin', 'manager', 'fundraiser', 'marketer', 'volunteer-coordinator'],
  'contact:delete': ['admin', 'manager'],
  // The trail shows every past value, including ones later corrected or erased from view.
  'contact:audit': ['admin', 'manager'],
  // GDPR: a subject access export gathers everything on one person from every service, and
  // an erasure cannot be undone; both are the data protection officer's (an admin's) task.
  'contact:export': ['admin'],
  'contact:erase': ['admin'],
  // A merge retires a record for good (the victim becomes a tombstone), like a delete.
  'contact:merge': ['admin', 'manager'],
  // The rules decide what everyone in the tenant is shown as a duplicate.
  'matching-rules:manage': ['admin', 'manager'],
  // A file can create or change thousands of records at once: those who run the CRM.
  'contact:import': ['admin', 'manager'],
  // A whole list with personal data leaves the system: roles that work with lists.
  'contact:export-csv': ['admin', 'manager', 'marketer', 'analyst'],
  // Everyone who reads contacts must be able to read the fields they carry.
  'custom-field:read': ROLES,
  // Definitions shape every record of the tenant: only those who run the CRM change them.
  'custom-field:manage': ['admin', 'manager'],
  // The catalogue is shared by the whole tenant: adding or deactivating a type changes
  // what everyone can record, so it is an administrative task.
  'relationship-type:manage': ['admin', 'manager'],
  // What happened with whom is read by everyone who reads contacts.
  'interaction:read': ROLES,
  // Logging, correcting and removing one's calls, mails and notes is everyday work for
  // everyone who works with contacts (the same roles as contact:write).
  'interaction:write': ['admin', 'manager', 'fundraiser', 'marketer', 'volunteer-coordinator'],
  // Gifts and giving summaries: those who raise, steward and report on money, and readonly.
  // Not marketers or volunteer coordinators: a person's giving is not a targeting field.
  'donation:read': ['admin', 'manager', 'fundraiser', 'analyst', 'readonly'],
  // Recording and correcting gifts is the fundraising team's daily work.
  'donation:write': ['admin', 'manager', 'fundraiser'],
  // A refund sends money back out: those who run the CRM.
  'donation:refund': ['admin', 'manager'],
  // Dashboards are totals per currency, no person named: those who read giving, and readonly.
  'analytics:read': ['admin', 'manager', 'fundraiser', 'analyst', 'readonly'],
  // Changing the fiscal year moves every dashboard; a rebuild reads the whole history.
  'analytics:admin': ['admin'],
  // Segments and campaigns are the marketing team's tools; analysts read them for reporting.
  'segment:read': ['admin', 'manager', 'marketer', 'analyst'],
  'segment:write': ['admin', 'manager', 'marketer'],
  'campaign:read': ['admin', 'manager', 'marketer', 'analyst'],
  'campaign:write': ['admin', 'manager', 'marketer'],
  // A send mails every reachable member of the audience and cannot be taken back.
  'campaign:send': ['admin', 'manager', 'marketer'],
};

/** True when any of the caller's roles grants the permission. Unknown roles grant nothing. */
export function isAllowed(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
