// The projection's storage in the consuming service's own database. FerretDB 1.24 updates are
// a read and a write-back, so a version check in an update's filter is no compare-and-set, and
// a contact's events do not all arrive on one partition (a merge is keyed by the survivor but
// changes the victim). So every projected version is its own insert, `_id` =
// <tenant>:<contact>:<version>: a duplicate or replay hits the unique `_id` and is dropped, a
// late older version may land but never wins (reads take the highest), and older versions are
// deleted afterwards (a delete is harmless to repeat). docs/architecture.md, "What FerretDB
// 1.24 does".
import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@kith/bus';
import {
  normalizeEmail,
  type Channel,
  type ChannelReach,
  type ContactStatus,
  type ProjectedContact,
} from './contact-projection';

export const CONTACT_PROJECTION_COLLECTION = 'contact_projection';
export const CONTACT_HOUSEHOLDS_COLLECTION = 'contact_projection_households';

interface ProjectionDocument {
  _id: string;
  tenantId: string;
  contactId: string;
  version: number;
  kind: ProjectedContact['kind'];
  status: ContactStatus;
  mergedInto?: string;
  erased: boolean;
  reachability: Record<Channel, ChannelReach>;
  /** Normalized addresses, top level: `{tenantId, emails}` is an equality FerretDB pushes down. */
  emails?: string[];
}

interface HouseholdPlaceDocument {
  _id: string;
  tenantId: string;
  householdId: string;
  contactId: string;
  current: boolean;
  /** As the household's last event said (HouseholdMemberSnapshot.deceased). */
  deceased: boolean;
  householdVersion: number;
}

/** A contact as this service knows it, with the household it currently belongs to. */
export type KnownContact = ProjectedContact & { householdId?: string };

/** One current member of a household, as its last event said. */
export interface HouseholdMemberPlace {
  contactId: string;
  deceased: boolean;
}

/** A place in a household as a household event gives it. */
export interface HouseholdPlaceInput {
  contactId: string;
  current: boolean;
  deceased?: boolean;
}

/** Where an id leads: the contact at the end of its merge chain, and the victims passed. */
export interface ResolvedContact {
  contact: KnownContact;
  /** The ids merged away on the way, in order; empty when the id itself is the contact. */
  mergedFrom: string[];
}

/** A chain longer than this is not followed further (no merge makes a cycle; a read never loops). */
export const MAX_MERGE_HOPS = 16;

/** Between looks at an id the projection does not know yet. */
const UNKNOWN_POLL_MS = 50;

const idPart = (part: string): string => encodeURIComponent(part);
const VERSION_DIGITS = 12;

export class ContactProjectionStore {
  private readonly versions: Collection<ProjectionDocument>;
  private readonly households: Collection<HouseholdPlaceDocument>;

  constructor(db: Db) {
    this.versions = db.collection<ProjectionDocument>(CONTACT_PROJECTION_COLLECTION);
    this.households = db.collection<HouseholdPlaceDocument>(CONTACT_HOUSEHOLDS_COLLECTION);
  }

  /** Tenant first, as every index that serves a query (docs/architecture.md). */
  async ensureIndexes(): Promise<void> {
    await this.versions.createIndex({ tenantId: 1, contactId: 1 });
    await this.versions.createIndex({ tenantId: 1, emails: 1 });
    await this.households.createIndex({ tenantId: 1, contactId: 1 });
    await this.households.createIndex({ tenantId: 1, householdId: 1 });
  }

  /**
   * The live contacts of the tenant that have this address (normalized here), oldest id
   * first. One pushed-down equality on the indexed `emails` array; a version that matched but
   * is no longer its contact's latest (a change in flight) is checked against the latest.
   */
  async findByEmail(tenantId: string, address: string): Promise<ProjectedContact[]> {
    const email = normalizeEmail(address);
    const matched = await this.versions.find({ tenantId, emails: email }).toArray();
    const contactIds = [...new Set(matched.map((d) => d.contactId))].sort();
    const latest = await Promise.all(contactIds.map((id) => this.latest(tenantId, id)));
    return latest.filter(
      (c): c is ProjectedContact => c?.status === 'active' && c.emails.includes(email),
    );
  }

  /** The highest projected version of the contact; undefined if no event named it yet. */
  async latest(tenantId: string, contactId: string): Promise<ProjectedContact | undefined> {
    // Equality on both fields is pushed down; the few versions left are sorted in memory.
    const docs = await this.versions.find({ tenantId, contactId }).toArray();
    const top = docs.reduce<ProjectionDocument | undefined>(
      (best, doc) => (!best || doc.version > best.version ? doc : best),
      undefined,
    );
    return top ? fromDocument(top) : undefined;
  }

  async get(tenantId: string, contactId: string): Promise<KnownContact | undefined> {
    const [contact, place] = await Promise.all([
      this.latest(tenantId, contactId),
      this.households.findOne({ tenantId, contactId, current: true }),
    ]);
    if (!contact) return undefined;
    return place ? { ...contact, householdId: place.householdId } : contact;
  }

  /**
   * The contact an id stands for now, with its current household: itself, or for a merge
   * victim the end of its merge chain (one read per hop, at most MAX_MERGE_HOPS, stopping at a
   * revisited id). Undefined when no event named the id (or a hop) yet. The caller judges the
   * status it ends on. `waitForUnknownMs`: a contact created a moment ago may not have reached
   * the projection yet (its event is on its way), so an id nothing named yet is looked up again
   * until then. An id that is no victim costs one round of two reads, as `get` does.
   */
  async resolve(
    tenantId: string,
    contactId: string,
    opts: { waitForUnknownMs?: number } = {},
  ): Promise<ResolvedContact | undefined> {
    const mergedFrom: string[] = [];
    let contact = await this.get(tenantId, contactId);
    const until = Date.now() + (opts.waitForUnknownMs ?? 0);
    while (!contact && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, UNKNOWN_POLL_MS));
      contact = await this.get(tenantId, contactId);
    }
    while (contact?.status === 'merged' && contact.mergedInto) {
      if (mergedFrom.length >= MAX_MERGE_HOPS || mergedFrom.includes(contact.mergedInto)) break;
      mergedFrom.push(contact.id);
      contact = await this.get(tenantId, contact.mergedInto);
    }
    return contact ? { contact, mergedFrom } : undefined;
  }

  /**
   * Who lives in the household now, each with whether they died: its current places (pushed
   * down on `{tenantId, householdId}`), without a member whose projection is not active (one
   * deleted, merged away or erased is nobody's household member any more, whatever the
   * household's last event said). One projection read per member: households are small.
   */
  async currentMembers(tenantId: string, householdId: string): Promise<HouseholdMemberPlace[]> {
    const places = await this.households.find({ tenantId, householdId, current: true }).toArray();
    const members = await Promise.all(
      places.map(async (place) => {
        const contact = await this.latest(tenantId, place.contactId);
        return contact?.status === 'active'
          ? { contactId: place.contactId, deceased: place.deceased === true }
          : undefined;
      }),
    );
    return members
      .filter((m): m is HouseholdMemberPlace => m !== undefined)
      .sort((a, b) => a.contactId.localeCompare(b.contactId));
  }

  /** Stores the version unless it or a newer one is known; true if it is now the latest. */
  async put(contact: ProjectedContact): Promise<boolean> {
    const known = await this.latest(contact.tenantId, contact.id);
    if (known && known.version >= contact.version) return false;
    try {
      await this.versions.insertOne(toDocument(contact));
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    await this.versions.deleteMany({
      tenantId: contact.tenantId,
      contactId: contact.id,
      version: { $lt: contact.version },
    });
    return true;
  }

  /**
   * Who is in a household now, from its snapshot. One household's events share a key and so a
   * partition, and one consumer group handles them in order: these updates never race, and the
   * version in the filter only turns a replay into a no-op (an upsert that then collides).
   */
  async putHousehold(
    tenantId: string,
    householdId: string,
    version: number,
    members: HouseholdPlaceInput[],
  ): Promise<void> {
    for (const member of members) {
      const _id = [tenantId, householdId, member.contactId].map(idPart).join(':');
      const place = { tenantId, householdId, contactId: member.contactId };
      const state = { current: member.current, deceased: member.deceased === true };
      try {
        await this.households.updateOne(
          { _id, householdVersion: { $lt: version } },
          { $set: { ...place, ...state, householdVersion: version } },
          { upsert: true },
        );
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
  }
}

function toDocument(c: ProjectedContact): ProjectionDocument {
  return {
    _id: [c.tenantId, c.id, String(c.version).padStart(VERSION_DIGITS, '0')].map(idPart).join(':'),
    tenantId: c.tenantId,
    contactId: c.id,
    version: c.version,
    kind: c.kind,
    status: c.status,
    ...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
    erased: c.erased,
    reachability: c.reachability,
    ...(c.emails.length > 0 ? { emails: c.emails } : {}),
  };
}

function fromDocument(d: ProjectionDocument): ProjectedContact {
  return {
    id: d.contactId,
    tenantId: d.tenantId,
    kind: d.kind,
    version: d.version,
    status: d.status,
    ...(d.mergedInto ? { mergedInto: d.mergedInto } : {}),
    erased: d.erased,
    reachability: d.reachability,
    emails: d.emails ?? [],
  };
}
