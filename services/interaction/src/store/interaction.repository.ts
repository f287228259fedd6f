// Reads and writes interactions through @kith/aggregate-store: one interaction is read by `_id`
// (tenant checked in code), every write is one single-document write through the outbox, whose
// version claim turns a race into VERSION_CONFLICT (docs/architecture.md, "the outbox" and
// "FerretDB costs"). Lists are top-level equalities (what FerretDB pushes down) with the rest
// of the condition applied after, newest first. Every write first records its months: the
// tenant's (interaction_months) and each participant's (timeline_months).
import {
  ensureTenantIndexes,
  findOwned,
  insertVersioned,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import type { Outbox, OutboxItem, OutboxLogRecord } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, Filter, FindOptions } from 'mongodb';
import { occurredMonth, type Interaction } from '../domain/interaction';
import { InteractionError } from '../domain/interaction-error';
import type { InteractionListQuery } from '../domain/interaction-list-query';
import {
  INTERACTIONS_COLLECTION,
  OPTIONAL_DOCUMENT_FIELDS,
  toDocumentState,
  toInteraction,
  type InteractionDocument,
} from './interaction-document';
import { InteractionMonths } from './interaction-months';
import type { TimelineMonths } from './timeline-months';

export interface StoredInteraction {
  interaction: Interaction;
  outboxLog: OutboxLogRecord[];
}

const NEWEST_FIRST = { occurredAt: -1, _id: -1 } as const;

export class InteractionRepository {
  private readonly collection: Collection<InteractionDocument>;
  private readonly store: AggregateStore<InteractionDocument>;
  private readonly months: InteractionMonths;

  constructor(
    db: Db,
    outbox: Outbox,
    private readonly timelineMonths: TimelineMonths,
  ) {
    this.collection = db.collection<InteractionDocument>(INTERACTIONS_COLLECTION);
    this.store = { collection: this.collection, outbox };
    this.months = new InteractionMonths(db);
  }

  /** Tenant first, for MongoDB (FerretDB on PostgreSQL gets a GIN index per top-level key). */
  ensureIndexes(): Promise<void> {
    return ensureTenantIndexes(this.collection, [
      { participantContactIds: 1, occurredAt: -1 },
      { occurredMonth: 1, occurredAt: -1 },
      { organizationId: 1 },
      { mailAddresses: 1 },
    ]);
  }

  async findById(tenantId: string, id: string): Promise<StoredInteraction | undefined> {
    const doc = await findOwned(this.collection, tenantId, id);
    return doc && { interaction: toInteraction(doc), outboxLog: doc._outboxLog ?? [] };
  }

  /** Its months are in the directories before the interaction names them. */
  async insert(interaction: Interaction, items: OutboxItem[]): Promise<void> {
    await this.noteMonths(interaction);
    await insertVersioned(this.store, toDocumentState(interaction), {
      items,
      conflict: () => conflict(interaction),
    });
  }

  /** Replaces the state if the stored version is still `interaction.version - 1`. */
  async update(
    interaction: Interaction,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    await this.noteMonths(interaction);
    await updateVersioned(this.store, toDocumentState(interaction), {
      expectedVersion: interaction.version - 1,
      outboxLog,
      items,
      optionalFields: OPTIONAL_DOCUMENT_FIELDS,
      conflict: () => conflict(interaction),
    });
  }

  /**
   * A page newest first, one extra to say whether more follow. With a participant: one query
   * on that equality (it costs the contact's interactions). Without: the tenant's months,
   * newest first, each an equality on `occurredMonth`, until the page is full.
   */
  async listPage(query: InteractionListQuery): Promise<Interaction[]> {
    const want = query.pageSize + 1;
    if (query.contactId) {
      return this.read({ participantContactIds: query.contactId }, query, want);
    }
    const lowest = query.from ? occurredMonth(query.from) : '';
    const highest = [query.to, query.after?.occurredAt]
      .filter((t): t is string => t !== undefined)
      .map(occurredMonth)
      .sort()[0];
    const months = (await this.months.newestFirst(query.tenantId)).filter(
      (m) => m >= lowest && (highest === undefined || m <= highest),
    );
    const found: Interaction[] = [];
    for (const month of months) {
      found.push(...(await this.read({ occurredMonth: month }, query, want - found.length)));
      if (found.length >= want) break;
    }
    return found;
  }

  /** A timeline's interactions of one participant in one month (`YYYY-MM`), newest first. */
  inContactMonth(
    query: InteractionListQuery,
    contactId: string,
    month: string,
    limit: number,
  ): Promise<Interaction[]> {
    // Two pushed-down equalities: PostgreSQL intersects their GIN indexes.
    return this.read({ participantContactIds: contactId, occurredMonth: month }, query, limit);
  }

  /** Every interaction (deleted ones too) that names the contact: for merges and erasures. */
  async idsNaming(
    tenantId: string,
    contactId: string,
    emails: readonly string[] = [],
  ): Promise<string[]> {
    const filters: Array<Filter<InteractionDocument>> = [
      { tenantId, participantContactIds: contactId },
      { tenantId, organizationId: contactId },
      ...emails.map((address) => ({ tenantId, mailAddresses: address })),
    ];
    // One query per equality: an $or is not pushed down.
    const ids = new Set<string>();
    for (const filter of filters) {
      const docs = await this.collection
        .find(filter, withMaxTime<FindOptions>({ projection: { _id: 1 } }))
        .toArray();
      for (const doc of docs) ids.add(doc._id);
    }
    return [...ids].sort();
  }

  /** Everything stored about the contact as a participant, deleted ones too (the export). */
  async ofParticipant(tenantId: string, contactId: string): Promise<Interaction[]> {
    const docs = await this.collection
      .find(
        { tenantId, participantContactIds: contactId },
        withMaxTime<FindOptions>({ projection: { _outboxLog: 0 } }),
      )
      .sort(NEWEST_FIRST)
      .toArray();
    return docs.map(toInteraction);
  }

  private async read(
    equality: Filter<InteractionDocument>,
    query: InteractionListQuery,
    limit: number,
  ): Promise<Interaction[]> {
    const conditions: Array<Filter<InteractionDocument>> = [];
    if (query.from) conditions.push({ occurredAt: { $gte: query.from } });
    if (query.to) conditions.push({ occurredAt: { $lt: query.to } });
    if (query.after) {
      const { occurredAt, id } = query.after;
      conditions.push({
        $or: [{ occurredAt: { $lt: occurredAt } }, { occurredAt, _id: { $lt: id } }],
      });
    }
    const filter: Filter<InteractionDocument> = {
      tenantId: query.tenantId,
      deletedAt: null,
      ...(query.type ? { type: query.type } : {}),
      ...equality,
      ...(conditions.length > 0 ? { $and: conditions } : {}),
    };
    const docs = await this.collection
      .find(filter, withMaxTime<FindOptions>({ projection: { _outboxLog: 0 } }))
      .sort(NEWEST_FIRST)
      .limit(limit)
      .toArray();
    return docs.map(toInteraction);
  }

  private async noteMonths(interaction: Interaction): Promise<void> {
    const month = occurredMonth(interaction.occurredAt);
    await this.months.note(interaction.tenantId, month);
    await this.timelineMonths.note(
      interaction.tenantId,
      interaction.participantContactIds.map((contactId) => ({ contactId, month })),
    );
  }
}

function conflict(interaction: Interaction): InteractionError {
  return InteractionError.versionConflict(interaction.id, interaction.version - 1);
}
