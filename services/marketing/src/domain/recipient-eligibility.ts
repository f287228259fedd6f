// Whether a campaign may go to a contact now, and if not, the one reason it is counted under.
// Checked for each recipient at the moment of sending, from the freshest profile (a consent
// withdrawn after the audience was read still stops the message). Pure.
import type { MarketingProfile } from './marketing-profile';

export const EXCLUSION_REASONS = [
  'erased',
  'deleted',
  'merged',
  'deceased',
  'do-not-contact',
  'opted-out',
  'no-email',
  'suppressed',
  'already-sent',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * The reason the contact may not get campaign email, most fundamental first, or undefined.
 * `suppressedAddress`: the address is on the tenant's suppression list (an erased person's).
 */
export function emailExclusion(
  profile: MarketingProfile | undefined,
  suppressedAddress: boolean,
): ExclusionReason | undefined {
  if (!profile || profile.status === 'erased') return 'erased';
  if (profile.status === 'deleted') return 'deleted';
  if (profile.status === 'merged') return 'merged';
  if (profile.deceased) return 'deceased';
  if (profile.doNotContact) return 'do-not-contact';
  const email = profile.channels.email;
  if (email.consent === 'opted_out' || email.reasons.includes('opted-out')) return 'opted-out';
  if (!profile.email || email.reasons.includes('no-valid-address')) return 'no-email';
  if (suppressedAddress) return 'suppressed';
  // Suppressed by the contact service for a reason we do not know by name: respect it.
  if (email.suppressed) return 'suppressed';
  return undefined;
}
