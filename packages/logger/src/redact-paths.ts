// Keys that may carry secrets or personal data. pino's redaction matches exact paths (a `*`
// stands for one level), so each key is listed at the top level and one and two levels down;
// that covers `{ contact: { emails } }` and `{ req: { headers: { authorization } } }`.
const SENSITIVE_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'hs256Secret',
  'rs256PrivateKey',
  'email',
  'emails',
  'phone',
  'phones',
];

export const REDACT_PATHS: string[] = SENSITIVE_KEYS.flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
]);

export const REDACT_CENSOR = '[redacted]';
