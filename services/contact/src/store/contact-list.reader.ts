// One page of a tenant's contacts, read the way FerretDB 1.x can answer at any tenant size
// (domain/contact-list-position.ts): a listing reads list buckets in order, a few at a time,
// and stops at a time budget with a token that resumes where it stopped; one whose filter
// matches few contacts (sampled on its first page) sorts what that filter matches instead.
import type { Contact, ContactListPosition, ContactListQuery } from '../domain/contact';
import {
  chooseListingMode,
  hasNarrowingFilter,
  needsSample,
  sampleLimit,
} from '../domain/contact-list-position';
import { MAX_PREFIX_LENGTH, prefixProbe } from '../domain/contact-search';
import { toContact } from './contact-document.mapper';
import type { ListBuckets } from './contact-list-buckets';
import type { ContactDocument, ContactModel } from './contact.model';

export interface ContactListResult {
  contacts: Contact[];
  /** Where the next page starts; absent on the last page. */
  next?: ContactListPosition;
}

// A page needs neither the commit records, the consent history nor the derived search fields.
const LIST_PROJECTION = {
  _outboxLog: 0,
  consentHistory: 0,
  searchKeys: 0,
  searchPrefixes: 0,
} as const;
/** Buckets read at once grow 1, 2, 4 … up to this while they hold too few matches. */
const MAX_BUCKETS_AT_ONCE = 8;

type Filter = Record<string, unknown>;

export interface ContactListReaderOptions {
  /** A whole-tenant page stops reading buckets after this long and answers what it found. */
  bucketReadBudgetMs: number;
  clock?: () => number;
}

export class ContactListReader {
  private readonly clock: () => number;

  constructor(
    private readonly model: ContactModel,
    private readonly buckets: ListBuckets,
    private readonly options: ContactListReaderOptions,
  ) {
    this.clock = options.clock ?? (() => performance.now());
  }

  async list(query: ContactListQuery): Promise<ContactListResult> {
    if (query.after) {
      return query.after.mode === 'narrowed' ? this.narrowed(query) : this.byBuckets(query);
    }
    const bucketIds = await this.buckets.list(query.tenantId);
    const mode = chooseListingMode(query, {
      bucketCount: bucketIds.length,
      bucketSize: this.buckets.bucketSize,
      sampledMatches: await this.sample(query, bucketIds),
    });
    return mode === 'narrowed' ? this.narrowed(query) : this.byBuckets(query, bucketIds);
  }

  /**
   * Matches of a narrowing filter in the first, middle and last bucket, each counted up to
   * what proves "too many" (unsorted, so FerretDB stops decoding at the limit).
   */
  private async sample(query: ContactListQuery, bucketIds: string[]): Promise<number[]> {
    const estimate = { bucketCount: bucketIds.length, bucketSize: this.buckets.bucketSize };
    if (!hasNarrowingFilter(query) || !needsSample(estimate)) return [];
    const picked = new Set([0, Math.floor(bucketIds.length / 2), bucketIds.length - 1]);
    const limit = sampleLimit(estimate);
    return Promise.all(
      [...picked].map(async (i) => {
        const counts = await Promise.all(
          this.filters(query, { listBucket: bucketIds[i] }).map((filter) =>
            this.model.find(filter, { _id: 1 }).limit(limit).lean().exec(),
          ),
        );
        return Math.max(...counts.map((docs) => docs.length));
      }),
    );
  }

  /** Everything the filter matches, sorted by id; one query per search form, merged. */
  private async narrowed(query: ContactListQuery): Promise<ContactListResult> {
    const after = query.after?.mode === 'narrowed' ? query.after.afterId : undefined;
    const docs = await this.read(query, after ? { _id: { $gt: after } } : {}, query.pageSize + 1);
    const page = docs.slice(0, query.pageSize);
    const last = page.at(-1);
    return {
      contacts: page.map(toContact),
      ...(docs.length > query.pageSize && last
        ? { next: { mode: 'narrowed', afterId: last._id } }
        : {}),
    };
  }

  private async byBuckets(query: ContactListQuery, listed?: string[]): Promise<ContactListResult> {
    const started = this.clock();
    const after = query.after?.mode === 'buckets' ? query.after : undefined;
    const bucketIds = listed ?? (await this.buckets.list(query.tenantId));
    let index = after ? firstIndexFrom(bucketIds, after.bucket) : 0;
    const found: Array<{ doc: ContactDocument; bucket: string }> = [];
    let atOnce = 1;
    while (index < bucketIds.length && found.length <= query.pageSize) {
      const wave = bucketIds.slice(index, index + atOnce);
      const wanted = query.pageSize + 1 - found.length;
      const pages = await Promise.all(
        wave.map((bucket) => {
          const afterId = bucket === after?.bucket ? after.afterId : undefined;
          const where = { listBucket: bucket, ...(afterId ? { _id: { $gt: afterId } } : {}) };
          return this.read(query, where, wanted);
        }),
      );
      pages.forEach((docs, i) => found.push(...docs.map((doc) => ({ doc, bucket: wave[i]! }))));
      index += wave.length;
      atOnce = Math.min(atOnce * 2, MAX_BUCKETS_AT_ONCE);
      const unfinished = found.length <= query.pageSize && index < bucketIds.length;
      if (unfinished && this.clock() - started > this.options.bucketReadBudgetMs) {
        // A short page, maybe empty, and a token for the first bucket not read.
        return {
          contacts: found.map(({ doc }) => toContact(doc)),
          next: { mode: 'buckets', bucket: bucketIds[index]! },
        };
      }
    }
    const page = found.slice(0, query.pageSize);
    const last = page.at(-1);
    return {
      contacts: page.map(({ doc }) => toContact(doc)),
      ...(found.length > query.pageSize && last
        ? { next: { mode: 'buckets', bucket: last.bucket, afterId: last.doc._id } }
        : {}),
    };
  }

  /** Up to `limit` matches in id order, with `where` added to the listing's filter. */
  private async read(query: ContactListQuery, where: Filter, limit: number) {
    const pages = await Promise.all(
      this.filters(query, where).map((filter) => this.page(filter, limit)),
    );
    if (pages.length === 1) return pages[0]!;
    const found = new Map(pages.flat().map((doc) => [doc._id, doc]));
    return [...found.values()].sort((a, b) => (a._id < b._id ? -1 : 1)).slice(0, limit);
  }

  /** The listing's filter with `where` added: one per search form (an `$or` is not pushed down). */
  private filters(query: ContactListQuery, where: Filter): Filter[] {
    return (query.searchForms ?? [undefined]).map((form) => ({
      ...commonFilter(query),
      ...narrowingFilter(query, form),
      ...where,
    }));
  }

  private page(filter: Filter, limit: number): Promise<ContactDocument[]> {
    return this.model
      .find(filter, LIST_PROJECTION)
      .sort({ _id: 1 })
      .limit(limit)
      .lean<ContactDocument[]>()
      .exec();
  }
}

/** The buckets from `bucket` on (a bucket named by a token is always in the directory). */
function firstIndexFrom(bucketIds: readonly string[], bucket: string): number {
  const index = bucketIds.findIndex((id) => id >= bucket);
  return index === -1 ? bucketIds.length : index;
}

/** The conditions every listing has; only top-level equalities here are pushed down. */
function commonFilter(query: ContactListQuery): Filter {
  const filter: Filter = { tenantId: query.tenantId, deletedAt: null };
  if (query.kind) filter.kind = query.kind;
  if (query.tag) filter.tags = query.tag;
  if (query.email) filter['emails.address'] = query.email;
  if (query.namePrefix) filter.searchNames = { $regex: `^${escapeRegex(query.namePrefix)}` };
  // Documents older than a flag lack it: "false" means "not true".
  if (query.doNotContact !== undefined) {
    filter.doNotContact = query.doNotContact ? true : { $ne: true };
  }
  if (query.deceased !== undefined) filter.deceased = query.deceased ? true : { $ne: true };
  Object.assign(filter, query.customFieldFilter);
  return filter;
}

/**
 * The one prefix equality that narrows the listing (a search form, else the name prefix,
 * else the email); the exact conditions in commonFilter are checked on what it matches.
 * A form longer than the stored prefixes is checked in full against the keys.
 */
function narrowingFilter(query: ContactListQuery, form: string | undefined): Filter {
  const text = form ?? query.namePrefix ?? query.email;
  if (!text) return {};
  const filter: Filter = { searchPrefixes: prefixProbe(text) };
  if (form && Array.from(form).length > MAX_PREFIX_LENGTH) {
    filter.searchKeys = { $regex: `^${escapeRegex(form)}` };
  }
  return filter;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
