// What a service that does not own contacts knows about one: the facts it needs to act on its
// own records (is the person still there, merged into whom, erased, in which household, may
// they be reached on a channel), read from kith.contact.v1 events. Plain functions, no I/O:
// each event becomes one projected version; the store keeps the highest.
import type { ContactSnapshot, HouseholdSnapshot } from '@kith/events';

export const CHANNELS = ['email', 'sms', 'phone', 'mail'] as const;
export type Channel = (typeof CHANNELS)[number];

export type ContactStatus = 'active' | 'deleted' | 'merged' | 'erased';

export interface ChannelReach {
  status: 'opted_in' | 'opted_out' | 'unknown';
  /** true: the channel must not be used (do not contact, deceased, opted out, no address). */
  suppressed: boolean;
}

export interface ProjectedContact {
  id: string;
  tenantId: string;
  kind: 'person' | 'organization';
  /** The contact version this state is of: a replayed or late older event never wins. */
  version: number;
  status: ContactStatus;
  /** Set on a merge victim: the survivor that absorbed it. */
  mergedInto?: string;
  erased: boolean;
  reachability: Record<Channel, ChannelReach>;
  /**
   * The live contact's email addresses, trimmed and lower-cased, so mail can be matched to
   * people (lookup by tenant and address). Empty once the contact is deleted, merged away or
   * erased: a merge's survivor carries the victim's addresses, and an erasure forgets them.
   */
  emails: string[];
}

/** How every service compares addresses: trimmed, lower case (the domain and the local part). */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** Nothing may be sent to a contact that is gone, nor before its consent is known. */
const UNREACHABLE: ChannelReach = { status: 'unknown', suppressed: true };

function unreachableEverywhere(): Record<Channel, ChannelReach> {
  return { email: UNREACHABLE, sms: UNREACHABLE, phone: UNREACHABLE, mail: UNREACHABLE };
}

function statusOf(snapshot: ContactSnapshot): ContactStatus {
  if (snapshot.mergedInto) return 'merged';
  return snapshot.deletedAt ? 'deleted' : 'active';
}

/** The projection of a contact's full state, as created/updated/deleted/merged events carry it. */
export function projectSnapshot(snapshot: ContactSnapshot): ProjectedContact {
  const status = statusOf(snapshot);
  const reach = snapshot.reachability;
  const reachability =
    reach && status === 'active'
      ? Object.fromEntries(
          CHANNELS.map((c) => [c, { status: reach[c].status, suppressed: reach[c].suppressed }]),
        )
      : unreachableEverywhere();
  return {
    id: snapshot.id,
    tenantId: snapshot.tenantId,
    kind: snapshot.kind,
    version: snapshot.version,
    status,
    ...(snapshot.mergedInto ? { mergedInto: snapshot.mergedInto } : {}),
    erased: false,
    reachability: reachability as Record<Channel, ChannelReach>,
    emails:
      status === 'active'
        ? [...new Set(snapshot.emails.map((e) => normalizeEmail(e.address)))]
        : [],
  };
}

/**
 * The projection after kith.contact.erased.v1, which carries no state: only ids and the
 * version the erasure produced. Erasure is for persons; a merge victim stays pointed at its
 * survivor so records that still name it can be followed.
 */
export function projectErasure(
  erased: { contactId: string; tenantId: string; version: number },
  before: ProjectedContact | undefined,
): ProjectedContact {
  return {
    id: erased.contactId,
    tenantId: erased.tenantId,
    kind: before?.kind ?? 'person',
    version: erased.version,
    status: 'erased',
    ...(before?.mergedInto ? { mergedInto: before.mergedInto } : {}),
    erased: true,
    reachability: unreachableEverywhere(),
    emails: [],
  };
}

/** A merge victim's tombstone when the event predates the `victim` field: one past nothing known. */
export function projectVictim(
  merged: { tenantId: string; victimId: string; survivorId: string },
  before: ProjectedContact | undefined,
): ProjectedContact {
  return {
    id: merged.victimId,
    tenantId: merged.tenantId,
    kind: before?.kind ?? 'person',
    version: (before?.version ?? 0) + 1,
    status: 'merged',
    mergedInto: merged.survivorId,
    erased: before?.erased ?? false,
    reachability: unreachableEverywhere(),
    emails: [],
  };
}

/**
 * Each member's place in a household, from its snapshot: current unless they left or the
 * household was deleted, and whether they died. Former members keep a place (not current), so
 * a late older event cannot make them current again (the store guards by household version).
 */
export function projectHouseholdPlaces(
  household: HouseholdSnapshot,
): Array<{ contactId: string; current: boolean; deceased: boolean }> {
  const gone = household.deletedAt !== undefined;
  return household.members.map((m) => ({
    contactId: m.contactId,
    current: !gone && !m.leftAt,
    deceased: m.deceased === true,
  }));
}
