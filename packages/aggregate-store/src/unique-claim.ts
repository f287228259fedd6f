// Uniqueness without transactions, partial indexes or atomic conditional updates: a claim is
// a document whose `_id` is the unique thing (`<tenant>:<contact>` for "one household per
// person", `<tenant>:<type>:<a>:<b>` for "one current relationship per pair", a lease on a
// contact). Inserting that `_id` is the one compare-and-set FerretDB 1.24 has: of two claims
// exactly one insert succeeds, the other gets a duplicate key.
//
// Claims outlive their reason (a writer died between the claim and its record), so one found
// in the way is judged, and when stale taken over. FerretDB's replace and delete read, then
// write by `_id`, so a conditional replace alone lets two takers both "win" (measured: 26 of
// 30 concurrent pairs). A takeover therefore first inserts a fence `<claim>#takeover:<held
// owner>@<held claimedAt>:<n>`: of the takers of one stale claim only the fence's inserter
// replaces it (filtered on its owner and claimedAt), then deletes the fence. A fence whose
// taker died before replacing is passed over once it is older than FENCE_STALE_MS (fence n+1).
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import { findOwned } from './find-owned';
import type { ClaimCollection, ClaimMethods, OwnedDocument } from './store-collection';

/** The fields of C that hold strings: owner ids and ISO-8601 times. */
export type StringField<C> = {
  [K in keyof C]-?: C[K] extends string ? K : never;
}[keyof C] &
  string;

/** Which fields of a claim document name its holder and the time it was claimed (UTC ISO). */
export interface ClaimFields<C> {
  owner: StringField<C>;
  claimedAt: StringField<C>;
}

export interface ClaimRules<C> extends ClaimFields<C> {
  /** A claim in the way may be taken over once this much older than ours. */
  staleAfterMs?: number;
  /**
   * Judges a claim in the way against what it names (e.g. whether its household still lists
   * the person). With `staleAfterMs`, both must say stale; with neither, a claim held by
   * another owner is never taken over.
   */
  isStale?: (held: C) => boolean | Promise<boolean>;
}

/** `claimed`: inserted, taken over, or already held by the same owner (`claim` as stored). */
export type ClaimResult<C> = { claimed: true; claim: C } | { claimed: false; holder?: C };

/** A takeover still in progress after this long belongs to a taker that died. */
export const FENCE_STALE_MS = 10_000;

// Insert, judge, take over: a claim freed or taken over by someone else meanwhile is judged
// again, a bounded number of times.
const ROUNDS = 3;
const FENCE_ROUNDS = 3;

interface TakeoverFence extends OwnedDocument {
  takeoverOf: string;
  fencedAt: string;
}

export async function claimUnique<C extends OwnedDocument>(
  collection: ClaimCollection<C>,
  claim: C,
  rules: ClaimRules<C>,
): Promise<ClaimResult<C>> {
  const claims = collection as ClaimMethods<C>;
  let holder: C | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    if (await insertFresh(claims, claim)) return { claimed: true, claim };
    holder = await findClaim(claims, claim.tenantId, claim._id);
    if (!holder) continue;
    if (holder[rules.owner] === claim[rules.owner]) return { claimed: true, claim: holder };
    if (!(await isStale(holder, claim, rules))) return { claimed: false, holder };
    if (await takeOver(claims, holder, claim, rules)) return { claimed: true, claim };
  }
  return holder ? { claimed: false, holder } : { claimed: false };
}

/** The claim under `id`, if it is the tenant's (an `_id` lookup). */
export function findClaim<C extends OwnedDocument>(
  collection: ClaimCollection<C>,
  tenantId: string,
  id: string,
): Promise<C | undefined> {
  return findOwned(collection, tenantId, id);
}

/**
 * Frees the claim only while it is still held by the owner named in `heldBy` (e.g.
 * `{ householdId }`), so a late release never frees a claim someone else has taken since.
 * True if it was freed.
 */
export async function releaseClaim<C extends OwnedDocument>(
  collection: ClaimCollection<C>,
  id: string,
  heldBy: Partial<Record<StringField<C>, string>>,
): Promise<boolean> {
  if (Object.keys(heldBy).length === 0) throw new Error('releaseClaim needs the owner to match');
  const claims = collection as ClaimMethods<C>;
  const result = await retryTransient(() => claims.deleteOne({ _id: id, ...heldBy }));
  return result.deletedCount > 0;
}

async function isStale<C>(held: C, claim: C, rules: ClaimRules<C>): Promise<boolean> {
  if (rules.staleAfterMs === undefined && !rules.isStale) return false;
  if (rules.staleAfterMs !== undefined) {
    const age =
      Date.parse(String(claim[rules.claimedAt])) - Date.parse(String(held[rules.claimedAt]));
    // Younger, from a clock slightly ahead, or unreadable: respected.
    if (!(age >= rules.staleAfterMs)) return false;
  }
  return rules.isStale ? await rules.isStale(held) : true;
}

/** True if this call replaced `held` with `claim`; false if another taker or writer got there. */
async function takeOver<C extends OwnedDocument>(
  collection: ClaimMethods<C>,
  held: C,
  claim: C,
  rules: ClaimRules<C>,
): Promise<boolean> {
  // Fences share the claims' collection (no second collection to create or find) and carry
  // the tenant like every document; nothing else reads this collection but by `_id`.
  const fences = collection as unknown as ClaimMethods<TakeoverFence>;
  const now = String(claim[rules.claimedAt]);
  const heldBy = { [rules.owner]: held[rules.owner], [rules.claimedAt]: held[rules.claimedAt] };
  for (let n = 1; n <= FENCE_ROUNDS; n++) {
    const fence: TakeoverFence = {
      _id: `${held._id}#takeover:${String(held[rules.owner])}@${String(held[rules.claimedAt])}:${n}`,
      tenantId: held.tenantId,
      takeoverOf: held._id,
      fencedAt: now,
    };
    if (await insertFresh(fences, fence)) {
      try {
        const { _id: _ignored, ...replacement } = claim;
        const result = await retryTransient(() =>
          collection.replaceOne({ _id: held._id, ...heldBy }, replacement, {
            ignoreUndefined: true,
          }),
        );
        return result.matchedCount === 1;
      } finally {
        // Only after the replace: a taker that fences later reads the new claim and stops.
        await retryTransient(() => fences.deleteOne({ _id: fence._id })).catch(() => undefined);
      }
    }
    const other = await findClaim(fences, held.tenantId, fence._id);
    // Gone: that takeover finished, so the claim is judged again. Young: it is under way.
    if (!other || !(Date.parse(now) - Date.parse(other.fencedAt) >= FENCE_STALE_MS)) return false;
  }
  return false;
}

/** True if the document is now stored; false if its `_id` is taken. */
async function insertFresh<D>(
  collection: { insertOne(doc: D, o?: object): Promise<unknown> },
  doc: D,
): Promise<boolean> {
  try {
    await retryTransient(() => collection.insertOne(doc, { ignoreUndefined: true }));
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
