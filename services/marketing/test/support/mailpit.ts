// Reads what reached the local Mailpit (deploy/local) through its API: tests give every
// recipient an address of a domain unique to the test, and ask Mailpit for that domain.
export interface MailpitMessage {
  ID: string;
  MessageID: string;
  Subject: string;
  To: Array<{ Address: string; Name: string }>;
}

export function mailpitUrl(): string {
  const url = process.env.MAILPIT_URL;
  if (!url) throw new Error('MAILPIT_URL unset: start deploy/local (it runs Mailpit) or set it');
  return url.replace(/\/$/, '');
}

export function smtpUrl(): string {
  const url = process.env.MARKETING_SMTP_URL;
  if (!url)
    throw new Error('MARKETING_SMTP_URL unset: start deploy/local (it runs Mailpit) or set it');
  return url;
}

/** Every message Mailpit holds whose To matches `query` (e.g. a test's unique domain). */
export async function messagesTo(query: string): Promise<MailpitMessage[]> {
  const found: MailpitMessage[] = [];
  for (let start = 0; ; start += 500) {
    const url = `${mailpitUrl()}/api/v1/search?query=${encodeURIComponent(`to:${query}`)}&start=${start}&limit=500`;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Mailpit answered ${res.status} to ${url}`);
    const page = (await res.json()) as { messages: MailpitMessage[]; messages_count: number };
    found.push(...page.messages);
    if (page.messages.length < 500) return found;
  }
}

/** The plain-text body of one message. */
export async function messageText(id: string): Promise<string> {
  const res = await fetch(`${mailpitUrl()}/api/v1/message/${encodeURIComponent(id)}`);
  if (!res.ok) throw new Error(`Mailpit answered ${res.status} for message ${id}`);
  return ((await res.json()) as { Text: string }).Text;
}
