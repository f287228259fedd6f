// What the marketing service knows about a contact: its own projection of the contact's
// snapshot (kith.contact.v1), kept for segments, merge fields and the send-time check. Only
// what those need: names for merge fields, the primary email address to send to, tags, custom
// fields, consent and suppression per channel, the deceased and do-not-contact flags. A contact
// deleted, merged away or erased keeps a tombstone without personal data, so a late older
// event cannot bring it back. Pure: no I/O.
import type { ContactSnapshot } from '@kith/events';
import { SEGMENT_CHANNELS as CHANNELS } from '@kith/contracts';

export type Channel = (typeof CHANNELS)[number];
export type ConsentStatus = 'opted_in' | 'opted_out' | 'unknown';
export type ProfileStatus = 'active' | 'deleted' | 'merged' | 'erased';
export type CustomFieldValue = string | number | boolean | string[];

export interface ChannelState {
  consent: ConsentStatus;
  suppressed: boolean;
  /** The contact service's reasons (deceased, do-not-contact, opted-out, no-valid-address …). */
  reasons: string[];
}

export interface MarketingProfile {
  /** The contact id. */
  id: string;
  tenantId: string;
  version: number;
  status: ProfileStatus;
  mergedInto?: string;
  kind: 'person' | 'organization';
  displayName?: string;
  firstName?: string;
  lastName?: string;
  preferredName?: string;
  source?: string;
  gender?: string;
  birthDate?: string;
  createdAt?: string;
  /** Where campaign mail goes: the primary valid address, else the first valid one. */
  email?: string;
  tags: string[];
  customFields: Record<string, CustomFieldValue>;
  deceased: boolean;
  doNotContact: boolean;
  channels: Record<Channel, ChannelState>;
}

const GONE: ChannelState = { consent: 'unknown', suppressed: true, reasons: ['deleted'] };

function goneChannels(): Record<Channel, ChannelState> {
  return { email: GONE, sms: GONE, phone: GONE, mail: GONE };
}

/** The address campaign mail goes to: the primary valid one, else the first valid one. */
export function sendingAddress(emails: ContactSnapshot['emails']): string | undefined {
  const valid = emails.filter((e) => e.valid !== false);
  return (valid.find((e) => e.primary) ?? valid[0])?.address.trim();
}

export function profileFromSnapshot(snapshot: ContactSnapshot): MarketingProfile {
  const status: ProfileStatus = snapshot.mergedInto
    ? 'merged'
    : snapshot.deletedAt
      ? 'deleted'
      : 'active';
  if (status !== 'active') return tombstone(snapshot, status, snapshot.mergedInto);
  const reach = snapshot.reachability;
  const channels = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      reach
        ? {
            consent: reach[c].status,
            suppressed: reach[c].suppressed,
            reasons: [...reach[c].reasons],
          }
        : { consent: 'unknown', suppressed: true, reasons: ['unknown-reachability'] },
    ]),
  ) as Record<Channel, ChannelState>;
  const email = sendingAddress(snapshot.emails);
  const person = snapshot.person;
  return {
    id: snapshot.id,
    tenantId: snapshot.tenantId,
    version: snapshot.version,
    status,
    kind: snapshot.kind,
    displayName: snapshot.displayName,
    ...(person?.firstName ? { firstName: person.firstName } : {}),
    ...(person?.lastName ? { lastName: person.lastName } : {}),
    ...(person?.preferredName ? { preferredName: person.preferredName } : {}),
    ...(snapshot.source ? { source: snapshot.source } : {}),
    ...(snapshot.gender ? { gender: snapshot.gender } : {}),
    ...(snapshot.birthDate ? { birthDate: snapshot.birthDate } : {}),
    createdAt: new Date(snapshot.createdAt).toISOString(),
    ...(email ? { email } : {}),
    tags: [...snapshot.tags],
    customFields: { ...(snapshot.customFields ?? {}) },
    deceased: snapshot.deceased === true,
    doNotContact: snapshot.doNotContact === true,
    channels,
  };
}

/** No personal data: a deleted, merged-away or erased contact as far as marketing cares. */
export function tombstone(
  of: { id: string; tenantId: string; version: number; kind?: 'person' | 'organization' },
  status: Exclude<ProfileStatus, 'active'>,
  mergedInto?: string,
): MarketingProfile {
  return {
    id: of.id,
    tenantId: of.tenantId,
    version: of.version,
    status,
    ...(mergedInto ? { mergedInto } : {}),
    kind: of.kind ?? 'person',
    tags: [],
    customFields: {},
    deceased: false,
    doNotContact: false,
    channels: goneChannels(),
  };
}
