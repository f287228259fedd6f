import type { Relationship } from '../src/domain/relationship';
import {
  CLAIM_IN_FLIGHT_MS,
  judgeClaim,
  type RelationshipClaim,
} from '../src/domain/relationship-claim';

const NOW = '2026-03-01T12:00:00.000Z';
const claim: RelationshipClaim = {
  id: 'tenant-a:employee-of:p-ada:o-acme',
  tenantId: 'tenant-a',
  relationshipId: 'r-1',
  claimedAt: '2026-03-01T11:00:00.000Z',
};
const holder: Relationship = {
  id: 'r-1',
  tenantId: 'tenant-a',
  version: 1,
  typeCode: 'employee-of',
  contactAId: 'p-ada',
  contactBId: 'o-acme',
  createdAt: claim.claimedAt,
  updatedAt: claim.claimedAt,
};

describe('judging a pair claim found in the way', () => {
  it('is held while its relationship is current', () => {
    expect(judgeClaim(claim, holder, NOW)).toBe('held');
  });

  it('is stale once its relationship has ended', () => {
    expect(judgeClaim(claim, { ...holder, endDate: '2026-02-28' }, NOW)).toBe('stale');
  });

  it('is stale once its relationship is deleted', () => {
    expect(judgeClaim(claim, { ...holder, deletedAt: NOW }, NOW)).toBe('stale');
  });

  it('is in flight while a missing relationship may still be being written', () => {
    const recent = { ...claim, claimedAt: new Date(Date.parse(NOW) - 1000).toISOString() };

    expect(judgeClaim(recent, undefined, NOW)).toBe('in-flight');
  });

  it('is stale when its relationship never got written within the in-flight period', () => {
    const old = {
      ...claim,
      claimedAt: new Date(Date.parse(NOW) - CLAIM_IN_FLIGHT_MS).toISOString(),
    };

    expect(judgeClaim(old, undefined, NOW)).toBe('stale');
  });
});
