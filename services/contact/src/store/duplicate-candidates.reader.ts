// Reads what duplicate matching needs. On FerretDB 1.x every filter but `{_id}` scans the
// collection, so both reads are ONE query each: a `$or` over the contact's match values for
// one contact's candidates, and one lean, projected, batched cursor over the tenant for the
// scan. On MongoDB the tenant-first indexes of contact.model.ts serve the `$or` branches.
import {
  matchValues,
  type MatchableContact,
  type MatchField,
  type MatchingRuleSet,
} from '../domain/contact-matching';
import type { Contact, ContactKind } from '../domain/contact';
import { toContact } from './contact-document.mapper';
import type { ContactDocument, ContactModel } from './contact.model';

/** Most candidates one contact's duplicates look at (they are then scored in memory). */
export const MAX_CANDIDATES = 200;
/** Most contacts one tenant-wide scan reads, in id order; past it the result is truncated. */
export const MAX_SCANNED_CONTACTS = 20_000;

/** The fields any rule can read (contact-matching.ts MATCH_FIELDS), nothing else. */
export const MATCH_FIELDS_PROJECTION = {
  _id: 1,
  'person.firstName': 1,
  'person.lastName': 1,
  'organization.name': 1,
  'emails.address': 1,
  'phones.number': 1,
  'phones.normalized': 1,
  'addresses.postalCode': 1,
  birthDate: 1,
} as const;

/** Everything matching reads, nothing else (no consent history, no outbox log). */
const MATCH_PROJECTION = {
  ...MATCH_FIELDS_PROJECTION,
  tenantId: 1,
  kind: 1,
  version: 1,
  displayName: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

export interface MatchRow extends MatchableContact {
  id: string;
  version: number;
  displayName: string;
}

/** Where each field's values live in the document, and how a value is looked for there. */
function clauseFor(field: MatchField, values: string[]): Record<string, unknown> {
  switch (field) {
    case 'email':
      return { 'emails.address': { $in: values } };
    case 'phone':
      // Stored numbers keep their country prefix; the match key is the last 10 digits.
      return { 'phones.normalized': { $regex: `(${values.join('|')})$` } };
    case 'firstName':
    case 'lastName':
    case 'organizationName':
      // searchNames holds each normalized name part (contact-name.util.ts).
      return { searchNames: { $in: values } };
    case 'postalCode':
      return { 'addresses.postalCode': { $in: values } };
    case 'birthDate':
      return { birthDate: { $in: values } };
  }
}

export class DuplicateCandidatesReader {
  constructor(private readonly model: ContactModel) {}

  /** Live contacts of the same tenant and kind that share at least one rule's values. */
  async candidatesOf(contact: Contact, ruleSet: MatchingRuleSet): Promise<MatchRow[]> {
    const branches = ruleSet.rules.flatMap((rule): Array<Record<string, unknown>> => {
      const clauses = rule.fields.map((field) => [field, matchValues(contact, field)] as const);
      if (clauses.some(([, values]) => values.length === 0)) return [];
      const parts = clauses.map(([field, values]) => clauseFor(field, values));
      return [parts.length === 1 && parts[0] ? parts[0] : { $and: parts }];
    });
    if (branches.length === 0) return [];
    const docs = await this.model
      .find(
        {
          tenantId: contact.tenantId,
          kind: contact.kind,
          deletedAt: null,
          _id: { $ne: contact.id },
          $or: branches,
        },
        MATCH_PROJECTION,
      )
      .limit(MAX_CANDIDATES)
      .lean<ContactDocument[]>()
      .exec();
    return docs.map(toMatchRow);
  }

  /** Every live contact of the tenant (of a kind, if given) in id order, up to the cap. */
  async tenantContacts(
    tenantId: string,
    kind: ContactKind | undefined,
  ): Promise<{ rows: MatchRow[]; truncated: boolean }> {
    const filter: Record<string, unknown> = { tenantId, deletedAt: null };
    if (kind) filter.kind = kind;
    const cursor = this.model.collection.find(filter, {
      projection: MATCH_PROJECTION,
      sort: { _id: 1 },
      limit: MAX_SCANNED_CONTACTS + 1,
      batchSize: 1000,
    });
    const rows: MatchRow[] = [];
    for await (const doc of cursor) rows.push(toMatchRow(doc as unknown as ContactDocument));
    const truncated = rows.length > MAX_SCANNED_CONTACTS;
    return { rows: truncated ? rows.slice(0, MAX_SCANNED_CONTACTS) : rows, truncated };
  }
}

function toMatchRow(doc: ContactDocument): MatchRow {
  const contact = toContact({ ...doc, searchNames: [], tags: [] });
  return {
    id: contact.id,
    kind: contact.kind,
    version: contact.version,
    displayName: contact.displayName,
    ...(contact.person ? { person: contact.person } : {}),
    ...(contact.organization ? { organization: contact.organization } : {}),
    emails: contact.emails,
    phones: contact.phones,
    addresses: contact.addresses,
    ...(contact.birthDate ? { birthDate: contact.birthDate } : {}),
  };
}
