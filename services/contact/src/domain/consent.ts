// Communication preferences and consent: per channel, opted in / opted out / unknown, each
// change recorded with where it came from, when, and the words or campaign that captured
// it. The history is append-only; the current status is the latest record per channel.
// Reachability combines them with the hard suppressions (do not contact, deceased,
// deleted, no valid address) into the one answer the marketing service enforces at send time.
// For mail, a household's mailing address the person inherits counts like their own.
import { CONSENT_CHANNELS, CONSENT_FIELD_LIMITS, CONSENT_STATUSES } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import { isAddressUsableOn, type PostalAddress } from './postal-address';

/** Shared with the gateway's zod schemas (@kith/contracts field-vocabulary.ts). */
export const CHANNELS = CONSENT_CHANNELS;
export type Channel = (typeof CHANNELS)[number];

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentRecord {
  /**
   * Unique per record; derived from the caller's idempotency key when one was sent, so a
   * retry finds the record it already stored. Records stored before ids existed have none.
   */
  id?: string;
  channel: Channel;
  status: ConsentStatus;
  /** Where it was captured: "web-form", "phone-call", "import", "unsubscribe-link"... */
  source: string;
  /** When the person gave or withdrew it (UTC ISO-8601); may be before it was recorded. */
  capturedAt: string;
  /** The wording the person agreed to, as shown. */
  statement?: string;
  /** The campaign that captured it (e.g. an unsubscribe from a mailing). */
  campaignId?: string;
  /** When Kith recorded it, and who (JWT sub). */
  recordedAt: string;
  recordedBy?: string;
}

/** The latest record per channel; a missing channel is 'unknown'. */
export type CommunicationPreferences = Partial<Record<Channel, ConsentRecord>>;

export interface RecordConsentInput {
  channel: string;
  status: string;
  source?: string;
  capturedAt?: string;
  statement?: string;
  campaignId?: string;
}

/** Shared with the gateway's zod schemas (@kith/contracts field-limits.ts). */
const LIMITS = CONSENT_FIELD_LIMITS;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates a consent change and turns it into a record; `now` is the recording time and
 * the default capture time. A capture time later than the recording time is refused.
 */
export function toConsentRecord(
  input: RecordConsentInput,
  context: { id?: string; now: string; recordedBy?: string },
): { record?: ConsentRecord; errors: ContactFieldError[] } {
  const errors: ContactFieldError[] = [];
  const channel = input.channel?.trim().toLowerCase() as Channel;
  const status = input.status?.trim().toLowerCase() as ConsentStatus;
  const source = input.source?.trim();
  const statement = input.statement?.trim();
  const campaignId = input.campaignId?.trim();
  if (!CHANNELS.includes(channel)) {
    errors.push({ field: 'channel', message: `must be one of ${CHANNELS.join(', ')}` });
  }
  if (!CONSENT_STATUSES.includes(status)) {
    errors.push({ field: 'status', message: `must be one of ${CONSENT_STATUSES.join(', ')}` });
  }
  if (!source) errors.push({ field: 'source', message: 'is required: say where it was captured' });
  else if (source.length > LIMITS.source) {
    errors.push({
      field: 'source',
      message: `must be at most ${LIMITS.source} characters`,
    });
  }
  if (statement && statement.length > LIMITS.statement) {
    errors.push({
      field: 'statement',
      message: `must be at most ${LIMITS.statement} characters`,
    });
  }
  if (campaignId && campaignId.length > LIMITS.campaignId) {
    errors.push({
      field: 'campaignId',
      message: `must be at most ${LIMITS.campaignId} characters`,
    });
  }
  let capturedAt = context.now;
  if (input.capturedAt?.trim()) {
    const raw = input.capturedAt.trim();
    const parsed = ISO_INSTANT.test(raw) ? new Date(raw) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime())) {
      errors.push({ field: 'capturedAt', message: 'must be an ISO-8601 date-time with a zone' });
    } else if (parsed.getTime() > new Date(context.now).getTime()) {
      errors.push({ field: 'capturedAt', message: 'must not be in the future' });
    } else {
      capturedAt = parsed.toISOString();
    }
  }
  if (errors.length > 0) return { errors };
  const record: ConsentRecord = {
    ...(context.id ? { id: context.id } : {}),
    channel,
    status,
    source: source as string,
    capturedAt,
    recordedAt: context.now,
  };
  if (statement) record.statement = statement;
  if (campaignId) record.campaignId = campaignId;
  if (context.recordedBy) record.recordedBy = context.recordedBy;
  return { record, errors };
}

/**
 * Whether `input` asks for exactly what `stored` recorded (a retry of the same request): the
 * input is turned into a record as of the stored one's recording, so a capture time left out
 * defaults to the same instant.
 */
export function isSameConsentRequest(stored: ConsentRecord, input: RecordConsentInput): boolean {
  const { record } = toConsentRecord(input, {
    ...(stored.id ? { id: stored.id } : {}),
    now: stored.recordedAt,
    ...(stored.recordedBy ? { recordedBy: stored.recordedBy } : {}),
  });
  return record !== undefined && sameRecord(record, stored);
}

function sameRecord(a: ConsentRecord, b: ConsentRecord): boolean {
  const fields = ['id', 'channel', 'status', 'source', 'capturedAt', 'statement', 'campaignId'];
  return fields.every((f) => a[f as keyof ConsentRecord] === b[f as keyof ConsentRecord]);
}

/**
 * The preferences after a record. Records arrive out of order (an import of old
 * sign-ups after a recent unsubscribe): the one captured latest wins, so an old opt-in
 * never overrides a newer opt-out (it still joins the history).
 */
export function applyConsentRecord(
  current: CommunicationPreferences,
  record: ConsentRecord,
): CommunicationPreferences {
  const existing = current[record.channel];
  if (existing && existing.capturedAt > record.capturedAt) return current;
  return { ...current, [record.channel]: record };
}

export function consentStatus(
  preferences: CommunicationPreferences,
  channel: Channel,
): ConsentStatus {
  return preferences[channel]?.status ?? 'unknown';
}

export const SUPPRESSION_REASONS = [
  'deleted',
  'deceased',
  'do-not-contact',
  'opted-out',
  'no-valid-address',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface ChannelReachability {
  status: ConsentStatus;
  /** True when Kith must not use the channel, whatever a campaign wants. */
  suppressed: boolean;
  reasons: SuppressionReason[];
}

export type Reachability = Record<Channel, ChannelReachability>;

/** What reachability reads: a contact's suppression-relevant fields. */
export interface ReachabilityInput {
  deletedAt?: string;
  deceased: boolean;
  doNotContact: boolean;
  emails: ReadonlyArray<{ valid: boolean }>;
  phones: ReadonlyArray<{ valid: boolean; type: string }>;
  addresses: readonly PostalAddress[];
  /** The household mailing address the person inherits, if any (domain/household-address.ts). */
  householdAddress?: { address: PostalAddress } | undefined;
  communication: CommunicationPreferences;
}

/**
 * Per channel: its consent status and whether it is suppressed, with every reason.
 * 'unknown' is not a suppression here: whether a campaign may use an unknown channel is
 * the marketing side's policy (e.g. opt-in only for email under GDPR).
 */
export function reachability(contact: ReachabilityInput, today: string): Reachability {
  const common: SuppressionReason[] = [];
  if (contact.deletedAt) common.push('deleted');
  if (contact.deceased) common.push('deceased');
  if (contact.doNotContact) common.push('do-not-contact');
  const hasAddress: Record<Channel, boolean> = {
    email: contact.emails.some((e) => e.valid),
    sms: contact.phones.some((p) => p.valid && p.type === 'mobile'),
    phone: contact.phones.some((p) => p.valid),
    mail:
      contact.addresses.some((a) => isAddressUsableOn(a, today)) ||
      (contact.householdAddress !== undefined &&
        isAddressUsableOn(contact.householdAddress.address, today)),
  };
  const result = {} as Reachability;
  for (const channel of CHANNELS) {
    const status = consentStatus(contact.communication, channel);
    const reasons = [...common];
    if (status === 'opted_out') reasons.push('opted-out');
    if (!hasAddress[channel]) reasons.push('no-valid-address');
    result[channel] = { status, suppressed: reasons.length > 0, reasons };
  }
  return result;
}
