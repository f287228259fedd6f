// Reads and writes contacts. Every write goes through the outbox (@kith/bus): stage the
// events (which also claims the new version), write state + commit record in one
// single-document write, commit. See docs/architecture.md, "the outbox".
import {
  InsertBatcher,
  insertManyThroughOutbox,
  retryTransient,
  writeThroughOutbox,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
  type StagedWrite,
} from '@kith/bus';
import type { mongo } from 'mongoose';
import type { Contact, ContactListQuery } from '../domain/contact';
import { ContactError } from '../domain/contact-error';
import { OPTIONAL_STATE_FIELDS, toContact, toDocumentState } from './contact-document.mapper';
import { LIST_BUCKETS_COLLECTION, ListBuckets } from './contact-list-buckets';
import { ContactListReader, type ContactListResult } from './contact-list.reader';
import { CONTACTS_COLLECTION, type ContactDocument, type ContactModel } from './contact.model';

export interface StoredContact {
  contact: Contact;
  /** The commit records of recent writes; the next write appends to it. */
  outboxLog: OutboxLogRecord[];
}

export interface ContactRepositoryOptions {
  /** Contacts per list bucket (store/contact-list-buckets.ts). */
  listBucketSize?: number;
  /** How long a whole-tenant page reads buckets before it answers a short page. */
  bucketReadBudgetMs?: number;
}

export const DEFAULT_LIST_BUCKET_SIZE = 100;
export const DEFAULT_BUCKET_READ_BUDGET_MS = 1500;

export class ContactRepository {
  private readonly inserts: InsertBatcher<ContactDocument>;
  private readonly collection: mongo.Collection<ContactDocument>;
  readonly listBuckets: ListBuckets;
  private readonly lists: ContactListReader;

  constructor(
    private readonly model: ContactModel,
    private readonly outbox: Outbox,
    options: ContactRepositoryOptions = {},
  ) {
    // The driver's collection, typed with our string ids (mongoose types it with ObjectId).
    const connection = model.db;
    this.collection = connection
      .getClient()
      .db(connection.name)
      .collection<ContactDocument>(CONTACTS_COLLECTION);
    this.inserts = new InsertBatcher(this.collection);
    this.listBuckets = new ListBuckets(
      connection.getClient().db(connection.name).collection(LIST_BUCKETS_COLLECTION),
      options.listBucketSize ?? DEFAULT_LIST_BUCKET_SIZE,
    );
    this.lists = new ContactListReader(model, this.listBuckets, {
      bucketReadBudgetMs: options.bucketReadBudgetMs ?? DEFAULT_BUCKET_READ_BUDGET_MS,
    });
  }

  /** One page in listing order (store/contact-list.reader.ts), live contacts only. */
  list(query: ContactListQuery): Promise<ContactListResult> {
    return this.lists.list(query);
  }

  /**
   * The contact with this id in this tenant, deleted or not. Looks up by `_id` alone, the
   * one filter FerretDB 1.x answers without reading the whole collection, and checks the
   * tenant here: a foreign tenant's contact is simply not found.
   */
  async findById(tenantId: string, id: string): Promise<StoredContact | undefined> {
    const doc = await this.model.findOne({ _id: id }).lean<ContactDocument>().exec();
    if (!doc || doc.tenantId !== tenantId) return undefined;
    return {
      contact: toContact(doc),
      outboxLog: doc._outboxLog ?? [],
    };
  }

  async insert(contact: Contact, items: OutboxItem[]): Promise<void> {
    const [listBucket] = await this.listBuckets.assign([contact.tenantId]);
    await this.throughOutbox(contact, items, async (staged) => {
      // The driver, not model.create: the domain has validated and normalized the contact
      // already; batched with concurrent creates (group commit, see InsertBatcher).
      await this.inserts.insert({
        ...toDocumentState(contact),
        listBucket,
        _outboxLog: staged.outboxLog([]),
      });
    });
  }

  /**
   * Many new contacts (a bulk import's batch) through one creates intent and one
   * `insertMany`: the intent names them and keeps their events in memory (@kith/bus,
   * Outbox.stageCreates). Answers the ids written; the others failed to store.
   */
  async insertCreated(
    creates: ReadonlyArray<{ contact: Contact; items: OutboxItem[] }>,
    meta: Record<string, string>,
  ): Promise<Set<string>> {
    const buckets = await this.listBuckets.assign(creates.map(({ contact }) => contact.tenantId));
    const { written } = await insertManyThroughOutbox(
      this.outbox,
      { collection: CONTACTS_COLLECTION, into: this.collection, meta },
      creates.map(({ contact, items }, i) => ({
        aggregateId: contact.id,
        items,
        document: (outboxLog) => ({
          ...toDocumentState(contact),
          listBucket: buckets[i],
          _outboxLog: outboxLog,
        }),
      })),
    );
    return new Set(written);
  }

  /**
   * Replaces the state if the stored version is still `expectedVersion`. Staging claimed
   * `contact.version` first, so no other writer can produce that version; the version filter
   * then catches a caller whose expected version was stale.
   */
  async update(
    contact: Contact,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    const { _id: _ignored, ...state } = toDocumentState(contact);
    const unset = Object.fromEntries(
      OPTIONAL_STATE_FIELDS.filter((field) => contact[field] === undefined).map((f) => [f, 1]),
    );
    await this.throughOutbox(contact, items, async (staged) => {
      const result = await retryTransient(() =>
        this.model
          .updateOne(
            { _id: contact.id, tenantId: contact.tenantId, version: expectedVersion },
            {
              $set: { ...state, _outboxLog: staged.outboxLog(outboxLog) },
              ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
            },
          )
          .exec(),
      );
      if (result.matchedCount === 0)
        throw ContactError.versionConflict(contact.id, expectedVersion);
    });
  }

  /** Stage (claiming contact.version), write, commit; a version someone else holds is a conflict. */
  private throughOutbox(
    contact: Contact,
    items: OutboxItem[],
    write: (staged: StagedWrite) => Promise<void>,
  ): Promise<void> {
    return writeThroughOutbox(
      this.outbox,
      { collection: CONTACTS_COLLECTION, aggregateId: contact.id, version: contact.version, items },
      write,
      () => ContactError.versionConflict(contact.id, contact.version - 1),
    );
  }
}
