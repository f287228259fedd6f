// How a contact listing walks the tenant, and the page token that says where it resumes.
// FerretDB 1.x sorts in Go after decoding every document the pushed-down filter matched, so
// a page sorted over a whole tenant costs the tenant (10 s at 10,000 contacts). A listing is
// read list bucket by list bucket (store/contact-list-buckets.ts: each contact is put in a
// bucket of at most CONTACT_LIST_BUCKET_SIZE when created), so a page costs a bucket or two;
// one whose filter matches few contacts is instead sorted from what the filter matches.
// docs/architecture.md, "Lists over a large tenant".
import { isUuidPosition, pageTokens } from '@kith/paging';
import type { ContactListFilter, ContactListPosition } from './contact';

export type ListingMode = ContactListPosition['mode'];

/**
 * A narrowed listing sorts everything its filter matches, so it is chosen only while that is
 * at most this many contacts (about half a second of FerretDB decoding); past it, the listing
 * reads list buckets with the filter added, whose pages cost a bucket or a few.
 */
export const NARROWED_MAX_MATCHES = 500;

/**
 * Filters FerretDB pushes down as an equality that can match few contacts (a tag, a search
 * prefix): with one, a listing may be narrowed. Kind and the flags match most of a tenant,
 * and custom fields are checked after decoding.
 */
export function hasNarrowingFilter(filter: ContactListFilter): boolean {
  return Boolean(filter.tag || filter.namePrefix || filter.email || filter.searchForms?.length);
}

/** What the first page of a listing knows when it picks how to read the tenant. */
export interface ListingEstimate {
  bucketCount: number;
  bucketSize: number;
  /** Matches of the filter counted in a few sampled buckets, each up to sampleLimit(). */
  sampledMatches: readonly number[];
}

/** How many matches a sampled bucket needs to show to prove the filter matches too many. */
export function sampleLimit(estimate: Pick<ListingEstimate, 'bucketCount' | 'bucketSize'>) {
  const needed = Math.ceil(NARROWED_MAX_MATCHES / Math.max(1, estimate.bucketCount)) + 1;
  return Math.min(estimate.bucketSize, needed);
}

/** Whether the tenant can hold more matches than a narrowed listing may sort. */
export function needsSample(estimate: Pick<ListingEstimate, 'bucketCount' | 'bucketSize'>) {
  return estimate.bucketCount * estimate.bucketSize > NARROWED_MAX_MATCHES;
}

/**
 * A listing without a narrowing filter reads buckets; one with it is narrowed unless the
 * sample says it matches more than NARROWED_MAX_MATCHES (the mean per sampled bucket times
 * the buckets). Later pages keep the mode their token names.
 */
export function chooseListingMode(
  filter: ContactListFilter,
  estimate: ListingEstimate,
): ListingMode {
  if (!hasNarrowingFilter(filter)) return 'buckets';
  if (!needsSample(estimate) || estimate.sampledMatches.length === 0) return 'narrowed';
  const perBucket =
    estimate.sampledMatches.reduce((sum, n) => sum + n, 0) / estimate.sampledMatches.length;
  return perBucket * estimate.bucketCount > NARROWED_MAX_MATCHES ? 'buckets' : 'narrowed';
}

/** Page tokens of contact listings, scoped to the tenant; either mode's position. */
export const contactPageTokens = pageTokens<ContactListPosition>('contacts', {
  isPosition: (value: unknown): value is ContactListPosition => {
    if (typeof value !== 'object' || value === null) return false;
    const p = value as Record<string, unknown>;
    if (p.mode === 'narrowed') return isUuidPosition(p.afterId) && Object.keys(p).length === 2;
    return (
      p.mode === 'buckets' &&
      isUuidPosition(p.bucket) &&
      (p.afterId === undefined || isUuidPosition(p.afterId))
    );
  },
});
