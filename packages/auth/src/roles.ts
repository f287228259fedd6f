/** Every role a Kith user can hold; docs/ says what each may do. */
export const ROLES = [
  'admin',
  'manager',
  'fundraiser',
  'marketer',
  'analyst',
  'volunteer-coordinator',
  'readonly',
] as const;

export type Role = (typeof ROLES)[number];

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

/** The identity a verified token carries. */
export interface Claims {
  sub: string;
  tenant: string;
  roles: Role[];
}
