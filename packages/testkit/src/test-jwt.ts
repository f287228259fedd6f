// Tokens for tests, signed with a test-only secret that the services under test are
// configured with. Never used outside tests.
import { mintJwt, type Role } from '@kith/auth';

export const TEST_JWT = {
  issuer: 'kith-test',
  audience: 'kith-api',
  hs256Secret: 'kith-test-secret-not-for-production-0123456789',
} as const;

export function mintTestJwt(opts: {
  tenant: string;
  sub?: string;
  roles?: Role[];
  expiresInSeconds?: number;
}): string {
  return mintJwt(
    { sub: opts.sub ?? 'user-test', tenant: opts.tenant, roles: opts.roles ?? ['admin'] },
    {
      issuer: TEST_JWT.issuer,
      audience: TEST_JWT.audience,
      hs256Secret: TEST_JWT.hs256Secret,
      expiresInSeconds: opts.expiresInSeconds ?? 600,
    },
  );
}
