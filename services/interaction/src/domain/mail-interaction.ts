// An ingested email as an interaction, decided from the parsed message (app/mail-parser.ts
// reads the RFC 5322 bytes with a MIME parser) and which addresses belong to known contacts.
// Every known contact among From/To/Cc takes part; the direction says whether it came from
// one of them; addresses no contact has are reported back. The body is kept once, as text,
// cut to the limit; the raw message is not kept.
import { INTERACTION_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import {
  MAIL_ROLES,
  type InteractionFields,
  type MailAddress,
  type MailDetails,
  type MailRole,
} from './interaction';
import { InteractionError } from './interaction-error';

export interface ParsedAddress {
  address: string;
  name?: string;
}

/** What the MIME parser read, in plain terms. */
export interface ParsedMessage {
  messageId?: string;
  /** UTC ISO-8601 of the Date header, when it had a valid one. */
  date?: string;
  subject?: string;
  /** The text body (the parser converts an HTML-only message to text). */
  text?: string;
  from: ParsedAddress[];
  to: ParsedAddress[];
  cc: ParsedAddress[];
}

export interface MailInteraction {
  fields: InteractionFields;
  mail: MailDetails;
  bodyTruncated: boolean;
  unmatched: string[];
}

/** Lower-cased contacts' ids by address (all live contacts that have the address). */
export type AddressMatches = ReadonlyMap<string, readonly string[]>;

// Controls other than tab, line feed and carriage return, and lone surrogates: what the free
// text rule refuses from a caller is dropped from a message (it arrives as the sender wrote it).
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Surrogate}/gu;

const clean = (text: string) => text.replace(UNWANTED, '');

/** Every distinct address of From/To/Cc, lower case: what to look up. */
export function addressesOf(message: ParsedMessage): string[] {
  const all = MAIL_ROLES.flatMap((role) =>
    message[role].map((a) => a.address.trim().toLowerCase()),
  );
  return [...new Set(all.filter((a) => a.includes('@')))];
}

/** Checks the message is one we can log: a sender or a recipient, not too many addresses. */
export function checkMessage(message: ParsedMessage): void {
  const count = addressesOf(message).length;
  if (count === 0) {
    throw InteractionError.validation([
      { field: 'raw', message: 'is not an RFC 5322 message with From, To or Cc addresses' },
    ]);
  }
  if (count > LIMITS.mailAddresses) {
    throw InteractionError.validation([
      { field: 'raw', message: `names more than ${LIMITS.mailAddresses} addresses` },
    ]);
  }
}

export function decideMailInteraction(
  message: ParsedMessage,
  matches: AddressMatches,
  now: string,
): MailInteraction {
  checkMessage(message);
  const detailsOf = (role: MailRole): MailAddress[] => {
    const seen = new Set<string>();
    return message[role].flatMap((a) => {
      const address = a.address.trim().toLowerCase();
      if (!address.includes('@') || seen.has(address)) return [];
      seen.add(address);
      const contactId = matches.get(address)?.[0];
      const name = a.name ? clean(a.name).trim().slice(0, LIMITS.subject) : '';
      return [{ address, ...(name ? { name } : {}), ...(contactId ? { contactId } : {}) }];
    });
  };
  const mail: MailDetails = {
    ...(message.messageId ? { messageId: clean(message.messageId).slice(0, 998) } : {}),
    from: detailsOf('from'),
    to: detailsOf('to'),
    cc: detailsOf('cc'),
  };
  const addresses = addressesOf(message);
  const participants = [...new Set(addresses.flatMap((a) => matches.get(a) ?? []))];
  const unmatched = addresses.filter((a) => (matches.get(a) ?? []).length === 0);
  if (participants.length === 0) {
    throw InteractionError.refused(
      `none of the message's addresses belongs to a known contact (${unmatched.join(', ')})`,
    );
  }
  if (participants.length > LIMITS.participants) {
    throw InteractionError.refused(
      `the message names ${participants.length} known contacts; at most ${LIMITS.participants} may take part`,
    );
  }
  const fromKnown = mail.from.some((a) => a.contactId !== undefined);
  const text = message.text ? clean(message.text).trimEnd() : '';
  const subject = message.subject ? clean(message.subject).trim().slice(0, LIMITS.subject) : '';
  const fields: InteractionFields = {
    type: 'email',
    direction: fromKnown ? 'inbound' : 'outbound',
    occurredAt: message.date ?? now,
    participantContactIds: participants,
    ...(subject ? { subject } : {}),
    ...(text.trim() ? { body: text.slice(0, LIMITS.body) } : {}),
  };
  return { fields, mail, bodyTruncated: text.length > LIMITS.body, unmatched };
}

/** The addresses of a stored message that matched no contact (for a repeated ingest's answer). */
export function unmatchedOf(mail: MailDetails | undefined): string[] {
  if (!mail) return [];
  const all = MAIL_ROLES.flatMap((role) => mail[role]);
  return [...new Set(all.filter((a) => !a.contactId).map((a) => a.address))];
}
