// Hands campaign mail to the configured SMTP relay (MARKETING_SMTP_URL; Mailpit locally) with
// nodemailer's pooled transport. One message per call; the caller has claimed it before.
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  campaignId: string;
  from: string;
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpMailer(
  url: string,
  opts: { maxConnections: number; timeoutMs: number },
): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: opts.maxConnections,
    connectionTimeout: opts.timeoutMs,
    greetingTimeout: opts.timeoutMs,
    socketTimeout: opts.timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        // The message id is the event's: a relay's bounce or a reply can be matched to it.
        messageId: `<${mail.messageId}@kith.marketing>`,
        headers: { 'X-Kith-Campaign': mail.campaignId, 'X-Kith-Message': mail.messageId },
      });
    },
    close() {
      transport.close();
    },
  };
}
