// Interaction use cases: validate, read what a decision needs (the stored interaction, the
// standing of the contacts it names), let the pure decisions decide, store state and events
// together through the outbox, then reconcile with any merge or erasure that began meanwhile.
import { buildPage } from '@kith/paging';
import { v7 as uuidv7 } from 'uuid';
import { contactIdsOf, withStandings } from '../domain/contact-standing';
import type {
  Interaction,
  InteractionFields,
  InteractionSource,
  MailDetails,
} from '../domain/interaction';
import {
  decideCreate,
  decideDelete,
  decideUpdate,
  fieldsOf,
} from '../domain/interaction-decisions';
import { InteractionError } from '../domain/interaction-error';
import {
  nextPageToken,
  matchesNothing,
  parseListQuery,
  positionOf,
  type ListInput,
  type Listing,
} from '../domain/interaction-list-query';
import {
  validateCreate,
  validateUpdate,
  type InteractionInput,
} from '../domain/interaction-validation';
import { toInteractionOutboxItems } from '../events/interaction-events';
import type { InteractionRepository } from '../store/interaction.repository';
import type { ContactStandings } from './contact-standings';
import type { InteractionLifecycleService } from './interaction-lifecycle.service';

export interface InteractionServiceDeps {
  interactions: InteractionRepository;
  standings: ContactStandings;
  lifecycle: Pick<InteractionLifecycleService, 'reconcile'>;
  now?: () => string;
  newId?: () => string;
}

export interface Caller {
  tenantId: string;
  userId: string;
}

export interface InteractionPage {
  interactions: Interaction[];
  nextPageToken?: string;
}

/** What a create from another use case (mail) adds to the fields. */
export interface CreateExtras {
  source?: InteractionSource;
  mail?: MailDetails;
  bodyTruncated?: boolean;
}

export class InteractionService {
  private readonly now: () => string;
  readonly newId: () => string;

  constructor(private readonly deps: InteractionServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
  }

  /** `id`: chosen by the caller when a create must land under one id (an idempotency key). */
  async create(caller: Caller, input: InteractionInput, id = this.newId()): Promise<Interaction> {
    return this.createChecked(caller, validateCreate(input), id);
  }

  /** Fields already validated (or decided, for mail): the standings, then the write. */
  async createChecked(
    caller: Caller,
    checked: InteractionFields,
    id: string,
    extras: CreateExtras = {},
  ): Promise<Interaction> {
    const fields = withStandings(checked, await this.standingsOf(caller.tenantId, checked));
    const { interaction, events } = decideCreate(fields, {
      id,
      tenantId: caller.tenantId,
      loggedBy: caller.userId,
      now: this.now(),
      ...extras,
    });
    await this.deps.interactions.insert(interaction, toInteractionOutboxItems(events));
    return this.deps.lifecycle.reconcile(interaction);
  }

  /** A deleted interaction still reads (deletedAt set); another tenant's is NOT_FOUND. */
  async get(tenantId: string, id: string): Promise<Interaction> {
    return (await this.stored(tenantId, id)).interaction;
  }

  /** The interaction under `id` whatever its state, or undefined (idempotent creates look). */
  async find(tenantId: string, id: string): Promise<Interaction | undefined> {
    return (await this.deps.interactions.findById(tenantId, id))?.interaction;
  }

  async update(command: {
    tenantId: string;
    id: string;
    expectedVersion: number;
    input: InteractionInput;
    paths: readonly string[];
  }): Promise<Interaction> {
    const stored = await this.stored(command.tenantId, command.id);
    const checked = validateUpdate(fieldsOf(stored.interaction), command.input, command.paths);
    // Contacts the interaction named before stay as they are; only new ones must be live.
    const before = new Set(contactIdsOf(stored.interaction));
    const added = contactIdsOf(checked).filter((id) => !before.has(id));
    const standings = await this.deps.standings.of(command.tenantId, added);
    const fields = withStandings(checked, standings, before);
    const { interaction, events } = decideUpdate(
      stored.interaction,
      fields,
      command.expectedVersion,
      this.now(),
    );
    if (events.length === 0) return interaction;
    await this.deps.interactions.update(
      interaction,
      stored.outboxLog,
      toInteractionOutboxItems(events),
    );
    return this.deps.lifecycle.reconcile(interaction);
  }

  async delete(command: {
    tenantId: string;
    id: string;
    expectedVersion: number;
  }): Promise<Interaction> {
    const stored = await this.stored(command.tenantId, command.id);
    const { interaction, events } = decideDelete(
      stored.interaction,
      command.expectedVersion,
      this.now(),
    );
    await this.deps.interactions.update(
      interaction,
      stored.outboxLog,
      toInteractionOutboxItems(events),
    );
    return interaction;
  }

  async list(input: ListInput): Promise<InteractionPage> {
    return this.page('interactions', input);
  }

  private async page(listing: Listing, input: ListInput): Promise<InteractionPage> {
    return this.read(listing, parseListQuery(listing, input));
  }

  private async read(
    listing: Listing,
    query: ReturnType<typeof parseListQuery>,
  ): Promise<InteractionPage> {
    if (matchesNothing(query)) return { interactions: [] };
    const rows = await this.deps.interactions.listPage(query);
    const { items, next } = buildPage(rows, query.pageSize, positionOf);
    return next
      ? { interactions: items, nextPageToken: nextPageToken(listing, query, next) }
      : { interactions: items };
  }

  private async stored(tenantId: string, id: string) {
    const stored = await this.deps.interactions.findById(tenantId, id);
    if (!stored) throw InteractionError.notFound(id);
    return stored;
  }

  private async standingsOf(tenantId: string, fields: InteractionFields) {
    return this.deps.standings.of(tenantId, contactIdsOf(fields));
  }
}
