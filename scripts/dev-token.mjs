// Mints a JWT for the local stack started by `npm start` (signed with its dev secret in
// .kith/dev/jwt-secret). Usage: npm run token -- --tenant demo --roles admin,fundraiser
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { mintJwt } = createRequire(import.meta.url)(path.join(root, 'packages/auth/dist/index.js'));
const { values } = parseArgs({
  options: {
    tenant: { type: 'string', default: 'demo' },
    sub: { type: 'string', default: 'dev-user' },
    roles: { type: 'string', default: 'admin' },
    hours: { type: 'string', default: '8' },
  },
});
const secret =
  process.env.KITH_JWT_HS256_SECRET ??
  fs.readFileSync(path.join(root, '.kith/dev/jwt-secret'), 'utf8').trim();
console.log(
  mintJwt(
    { sub: values.sub, tenant: values.tenant, roles: values.roles.split(',') },
    {
      issuer: process.env.KITH_JWT_ISSUER ?? 'kith-dev',
      audience: process.env.KITH_JWT_AUDIENCE ?? 'kith-api',
      hs256Secret: secret,
      expiresInSeconds: Number(values.hours) * 3600,
    },
  ),
);
