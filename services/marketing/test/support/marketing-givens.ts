// Givens for the marketing unit tests: profiles, gifts and interactions as the projections
// hold them, with only what a test changes spelled out.
import type { ActivityFact, GiftFact } from '../../src/domain/marketing-facts';
import type { ChannelState, MarketingProfile } from '../../src/domain/marketing-profile';

const open: ChannelState = { consent: 'unknown', suppressed: false, reasons: [] };

export function aProfile(overrides: Partial<MarketingProfile> = {}): MarketingProfile {
  return {
    id: 'c-1',
    tenantId: 'tenant-a',
    version: 1,
    status: 'active',
    kind: 'person',
    displayName: 'Jane Smith',
    firstName: 'Jane',
    lastName: 'Smith',
    createdAt: '2026-01-01T00:00:00.000Z',
    email: 'jane@example.org',
    tags: [],
    customFields: {},
    deceased: false,
    doNotContact: false,
    channels: { email: open, sms: open, phone: open, mail: open },
    ...overrides,
  };
}

export function withEmail(
  profile: MarketingProfile,
  email: Partial<ChannelState>,
): MarketingProfile {
  return {
    ...profile,
    channels: { ...profile.channels, email: { ...profile.channels.email, ...email } },
  };
}

let giftSeq = 0;
export function aGift(overrides: Partial<GiftFact> = {}): GiftFact {
  giftSeq += 1;
  return {
    id: `d-${giftSeq}`,
    tenantId: 'tenant-a',
    version: 1,
    donorId: 'c-1',
    amountMinor: 5000,
    currency: 'USD',
    refundedMinor: 0,
    status: 'completed',
    receivedAt: '2026-10-01T00:00:00.000Z',
    ...overrides,
  };
}

let activitySeq = 0;
export function anActivity(overrides: Partial<ActivityFact> = {}): ActivityFact {
  activitySeq += 1;
  return {
    id: `i-${activitySeq}`,
    tenantId: 'tenant-a',
    version: 1,
    type: 'meeting',
    occurredAt: '2026-11-01T00:00:00.000Z',
    contactIds: ['c-1'],
    deleted: false,
    ...overrides,
  };
}
