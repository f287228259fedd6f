// Consent when two contacts merge (domain/contact-merge.ts): both histories are kept, and the
// current status per channel is decided so that no opt-out is lost.
import { CHANNELS, type CommunicationPreferences, type ConsentRecord } from './consent';

/** Both histories, each record once, in the order they were recorded. */
export function unionConsentHistory(
  a: readonly ConsentRecord[],
  b: readonly ConsentRecord[],
): ConsentRecord[] {
  const byKey = new Map<string, ConsentRecord>();
  for (const record of [...a, ...b]) {
    const key = [
      record.channel,
      record.status,
      record.capturedAt,
      record.recordedAt,
      record.source,
    ];
    byKey.set(key.join('|'), record);
  }
  return [...byKey.values()].sort((x, y) => x.recordedAt.localeCompare(y.recordedAt));
}

/**
 * Current consent per channel: the latest captured of the two, except that an opt-out current
 * on either record wins. The person withdrew consent under one identity; an opt-in captured
 * under the other does not prove they meant to take that back (GDPR: consent must be
 * unambiguous). A fresh opt-in recorded after the merge makes the channel usable again.
 */
export function mergeCommunication(
  survivor: CommunicationPreferences,
  victim: CommunicationPreferences,
): CommunicationPreferences {
  const merged: CommunicationPreferences = {};
  for (const channel of CHANNELS) {
    const mine = survivor[channel];
    const theirs = victim[channel];
    const optedOut = [mine, theirs].filter((r) => r?.status === 'opted_out');
    const candidates = optedOut.length > 0 ? optedOut : [mine, theirs];
    const latest = candidates
      .filter((r): r is ConsentRecord => r !== undefined)
      .sort((x, y) => y.capturedAt.localeCompare(x.capturedAt))[0];
    if (latest) merged[channel] = latest;
  }
  return merged;
}
