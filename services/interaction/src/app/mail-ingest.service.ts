// IngestMail: a raw message (a BCC or forwarding drop) becomes one email interaction with every
// known contact among its addresses. The same Message-ID (without one, the same bytes) answers
// the same interaction, however often and however concurrently it arrives: the kit's
// idempotent create (@kith/idempotency) keyed on tenant + a hash of the Message-ID, in a
// collection of its own that is never pruned (create_keys are, after a day; a message
// forwarded again next month must still find its interaction). The key records hold hashes
// and ids only. Matching the addresses runs inside the create, so a repeat reads nothing more.
import { createHash } from 'node:crypto';
import type { ContactProjectionStore } from '@kith/contact-lifecycle';
import { INTERACTION_FIELD_LIMITS } from '@kith/contracts';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Interaction } from '../domain/interaction';
import { InteractionError } from '../domain/interaction-error';
import {
  addressesOf,
  checkMessage,
  decideMailInteraction,
  unmatchedOf,
  type ParsedMessage,
} from '../domain/mail-interaction';
import type { Caller, InteractionService } from './interaction.service';
import { parseMail } from './mail-parser';

/** The collection of mail keys (IdempotentCreates' records, kept for good). */
export const MAIL_KEYS_COLLECTION = 'mail_message_keys';

export interface IngestedMail {
  interaction: Interaction;
  created: boolean;
  unmatchedAddresses: string[];
}

export interface MailIngestDeps {
  interactions: InteractionService;
  projection: Pick<ContactProjectionStore, 'findByEmail'>;
  /** IdempotentCreates over MAIL_KEYS_COLLECTION. */
  mailKeys: IdempotentCreates;
  now?: () => string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url');

export class MailIngestService {
  private readonly now: () => string;

  constructor(private readonly deps: MailIngestDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  async ingest(caller: Caller, raw: Buffer): Promise<IngestedMail> {
    if (raw.length === 0 || raw.length > INTERACTION_FIELD_LIMITS.rawMailBytes) {
      throw InteractionError.validation([
        { field: 'raw', message: `must be 1..${INTERACTION_FIELD_LIMITS.rawMailBytes} bytes` },
      ]);
    }
    const message = await this.parse(raw);
    checkMessage(message);
    const messageKey = message.messageId
      ? `mid:${sha256(message.messageId)}`
      : `raw:${sha256(raw)}`;
    let answer: IngestedMail | undefined;
    const interaction = await this.deps.mailKeys.create(
      // Not per user: two people forwarding the same message log it once.
      { tenantId: caller.tenantId, idempotencyKey: messageKey },
      'InteractionService/IngestMail',
      { messageKey },
      {
        create: async (id) => {
          answer = await this.createFrom(caller, message, id);
          return answer.interaction;
        },
        find: (id) => this.deps.interactions.find(caller.tenantId, id),
      },
    );
    return answer?.interaction.id === interaction.id
      ? answer
      : { interaction, created: false, unmatchedAddresses: unmatchedOf(interaction.mail) };
  }

  private async parse(raw: Buffer): Promise<ParsedMessage> {
    try {
      return await parseMail(raw);
    } catch {
      throw InteractionError.validation([
        { field: 'raw', message: 'is not a readable RFC 5322 message' },
      ]);
    }
  }

  private async createFrom(
    caller: Caller,
    message: ParsedMessage,
    id: string,
  ): Promise<IngestedMail> {
    const addresses = addressesOf(message);
    const found = await Promise.all(
      addresses.map((a) => this.deps.projection.findByEmail(caller.tenantId, a)),
    );
    const matches = new Map(addresses.map((a, i) => [a, (found[i] ?? []).map((c) => c.id)]));
    const decided = decideMailInteraction(message, matches, this.now());
    const interaction = await this.deps.interactions.createChecked(caller, decided.fields, id, {
      source: 'mail',
      mail: decided.mail,
      bodyTruncated: decided.bodyTruncated,
    });
    return { interaction, created: true, unmatchedAddresses: decided.unmatched };
  }
}
