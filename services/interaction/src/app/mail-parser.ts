// Reads a raw RFC 5322 message with a real MIME parser (mailparser: encoded words, multipart
// bodies, charsets, address groups), into the plain ParsedMessage the domain decides from.
// Attachments are not kept: only the text body (converted from HTML when that is all there is).
import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';
import type { ParsedAddress, ParsedMessage } from '../domain/mail-interaction';

function flatten(entries: EmailAddress[]): ParsedAddress[] {
  return entries.flatMap((e) =>
    e.group
      ? flatten(e.group)
      : e.address
        ? [{ address: e.address, ...(e.name ? { name: e.name } : {}) }]
        : [],
  );
}

function addresses(field: AddressObject | AddressObject[] | undefined): ParsedAddress[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((f) => flatten(f.value));
}

export async function parseMail(raw: Buffer): Promise<ParsedMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined;
  return {
    ...(parsed.messageId ? { messageId: parsed.messageId.trim() } : {}),
    ...(date ? { date: date.toISOString() } : {}),
    ...(parsed.subject ? { subject: parsed.subject } : {}),
    ...(parsed.text ? { text: parsed.text } : {}),
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
  };
}
