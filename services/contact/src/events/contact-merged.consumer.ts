// Re-points the contact service's own records (relationships, household membership) from a
// merge victim to its survivor, on kith.contact.merged.v1. Its own consumer group, so a
// failure here never holds up the audit trail or household names. Idempotent: see
// app/merge-repointing.service.ts; ConsumerRunner also skips processed event ids.
import type { EventHandler } from '@kith/bus';
import { EVENT_TYPES, parseEventData } from '@kith/events';
import type { MergeRepointing } from '../app/merge-repointing.service';

export const CONTACT_MERGED_CONSUMER_GROUP = 'contact-merge-repointing';

export function contactMergedHandlers(
  repointing: Pick<MergeRepointing, 'repoint'>,
): Record<string, EventHandler> {
  return {
    [EVENT_TYPES.contactMerged]: async (event) => {
      const { survivorId, victimId } = parseEventData(EVENT_TYPES.contactMerged, event.data);
      await repointing.repoint(event.tenantId, victimId, survivorId);
    },
  };
}
