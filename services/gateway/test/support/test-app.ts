// Builds the gateway app with fakes and mints tokens for it.
import { createJwtVerifier, mintJwt } from '@kith/auth';
import type { Role } from '@kith/auth';
import { createLogger } from '@kith/logger';
import { Registry } from 'prom-client';
import { Writable } from 'node:stream';
import { createApp } from '../../src/http/app';
import { contactModule } from '../../src/modules/contact/contact.module';
import { interactionModule } from '../../src/modules/interaction/interaction.module';
import { transactionModule } from '../../src/modules/transaction/transaction.module';
import { analyticsModule } from '../../src/modules/analytics/analytics.module';
import { marketingModule } from '../../src/modules/marketing/marketing.module';
import type { ReadinessCheck } from '../../src/http/health.routes';
import type { RateLimitPolicies } from '../../src/http/rate-limit.middleware';
import { fakeContacts } from './fake-contact-service';
import { fakeImports } from './fake-contact-import-service';
import { fakeInteractions } from './fake-interaction-service';
import { fakeDonations } from './fake-donation-service';
import { fakeAnalytics } from './fake-analytics-service';
import { fakeCampaigns, fakeSegments } from './fake-marketing-service';
import { fakeCustomFields } from './fake-custom-field-service';
import { fakeDuplicates } from './fake-duplicate-service';
import { fakeHouseholds } from './fake-household-service';
import { fakeRelationships } from './fake-relationship-service';
import { fakeEraser, upstreamWith } from './fake-privacy';
import type { PersonalDataUpstream } from '../../src/grpc/personal-data.client';
import { MemoryIdempotencyStore } from './memory-idempotency-store';

export const JWT = {
  issuer: 'kith-unit',
  audience: 'kith-api',
  hs256Secret: 'unit-test-secret-0123456789abcdefghijklmnop',
};

export function token(
  opts: { tenant?: string; sub?: string; roles?: Role[]; expiresInSeconds?: number } = {},
  overrides: Partial<typeof JWT> = {},
): string {
  return mintJwt(
    {
      tenant: opts.tenant ?? 'tenant-a',
      sub: opts.sub ?? 'user-1',
      roles: opts.roles ?? ['admin'],
    },
    { ...JWT, ...overrides, expiresInSeconds: opts.expiresInSeconds ?? 600 },
  );
}

export function bearer(opts: Parameters<typeof token>[0] = {}): string {
  return `Bearer ${token(opts)}`;
}

export function buildTestApp(
  opts: {
    readiness?: ReadinessCheck[];
    bodyLimit?: string;
    /** Personal-data upstreams; default: a contact service holding one empty section. */
    upstreams?: PersonalDataUpstream[];
    /** How long a duplicate waits for an in-flight Idempotency-Key; default none. */
    idempotencyWaitMs?: number;
    rateLimits?: RateLimitPolicies;
  } = {},
) {
  const contacts = fakeContacts();
  const customFields = fakeCustomFields();
  const duplicates = fakeDuplicates(contacts);
  const households = fakeHouseholds();
  const relationships = fakeRelationships();
  const imports = fakeImports();
  const interactions = fakeInteractions();
  const donations = fakeDonations();
  const analytics = fakeAnalytics();
  const segments = fakeSegments();
  const campaigns = fakeCampaigns();
  const idempotencyStore = new MemoryIdempotencyStore();
  const eraser = fakeEraser();
  const upstreams = opts.upstreams ?? [upstreamWith('contact', { contact: {} })];
  const logLines: string[] = [];
  const logger = createLogger({
    service: 'gateway-test',
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const app = createApp({
    modules: [
      contactModule({
        client: { contacts, customFields, duplicates, households, imports, relationships, eraser },
        personalData: upstreams,
      }),
      interactionModule({ client: interactions }),
      transactionModule({ client: { donations } }),
      analyticsModule({ client: { analytics } }),
      marketingModule({ client: { segments, campaigns } }),
    ],
    idempotencyStore,
    verifyToken: createJwtVerifier(JWT),
    readiness: opts.readiness ?? [],
    metrics: new Registry(),
    logger,
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    ...(opts.idempotencyWaitMs ? { idempotencyWaitMs: opts.idempotencyWaitMs } : {}),
    ...(opts.rateLimits ? { rateLimits: opts.rateLimits } : {}),
  });
  return {
    app,
    contacts,
    customFields,
    duplicates,
    households,
    imports,
    relationships,
    donations,
    analytics,
    segments,
    campaigns,
    eraser,
    interactions,
    idempotencyStore,
    logLines,
  };
}

export const PERSON = { name: { firstName: 'Ada', lastName: 'Lovelace' } };
export const ORGANIZATION = { name: 'Analytical Engines Ltd', organizationType: 'company' };
