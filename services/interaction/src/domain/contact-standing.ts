// Whether the contacts an interaction names may be named: what the service's own projection
// of kith.contact.v1 says of each (app/contact-standings.ts reads it, following merge chains).
// A live contact is kept, a merge victim becomes the end of its chain, anything else is
// refused with a field error naming the id and why.
import type { DomainFieldError } from '@kith/errors';
import type { InteractionFields } from './interaction';
import { InteractionError } from './interaction-error';

export type ContactStanding =
  | { state: 'live'; kind: 'person' | 'organization'; /** end of the merge chain */ id: string }
  | { state: 'unknown' | 'deleted' | 'erased' };

export type Standings = ReadonlyMap<string, ContactStanding>;

const WHY: Record<Exclude<ContactStanding['state'], 'live'>, string> = {
  unknown: 'is not a contact of this tenant (or not known here yet)',
  deleted: 'is a deleted contact',
  erased: 'is an erased contact',
};

/** The contact ids `fields` names: participants, and the organization. */
export function contactIdsOf(
  fields: Pick<InteractionFields, 'participantContactIds' | 'organizationId'>,
): string[] {
  return [
    ...new Set([
      ...fields.participantContactIds,
      ...(fields.organizationId ? [fields.organizationId] : []),
    ]),
  ];
}

/**
 * `fields` with every merge victim replaced by its survivor (participants deduped again), or
 * FAILED_PRECONDITION naming each contact that may not be named. `unchanged`: ids an update
 * keeps from before, accepted as they are (an interaction with a contact deleted since can
 * still have its subject corrected; merges and erasures reach it through the hooks).
 */
export function withStandings<
  F extends Pick<InteractionFields, 'participantContactIds' | 'organizationId'>,
>(fields: F, standings: Standings, unchanged: ReadonlySet<string> = new Set()): F {
  const errors: DomainFieldError[] = [];
  const live = (id: string, field: string): { id: string; kind?: string } | undefined => {
    if (unchanged.has(id)) return { id };
    const standing = standings.get(id) ?? { state: 'unknown' as const };
    if (standing.state === 'live') return standing;
    errors.push({ field, message: `${id} ${WHY[standing.state]}` });
    return undefined;
  };
  const participants = fields.participantContactIds.flatMap((id, i) => {
    const standing = live(id, `participantContactIds[${i}]`);
    return standing ? [standing.id] : [];
  });
  let organizationId = fields.organizationId;
  if (organizationId) {
    const standing = live(organizationId, 'organizationId');
    if (standing?.kind !== undefined && standing.kind !== 'organization') {
      errors.push({ field: 'organizationId', message: `${organizationId} is not an organization` });
    }
    organizationId = standing?.id;
  }
  if (errors.length > 0) {
    throw InteractionError.refused(
      `interaction names contacts it may not: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
  return {
    ...fields,
    participantContactIds: [...new Set(participants)],
    ...(organizationId ? { organizationId } : {}),
  };
}
