// Use cases of relationships and the relationship type catalogue: read what the decision
// needs, let the pure decision decide, store state and events together. FerretDB has no
// multi-document transactions, so the writes that span two documents (a pair claim and a
// relationship) are ordered so that a crash between them leaves only a stale claim, which
// the next writer for that pair recognises and takes over (domain/relationship-claim.ts).
import { v7 as uuidv7 } from 'uuid';
import { ContactError } from '../domain/contact-error';
import { RelationshipError, RelationshipErrorCode } from '../domain/relationship-error';
import {
  isActive,
  pairClaimId,
  viewFrom,
  type Relationship,
  type RelationshipView,
} from '../domain/relationship';
import { judgeClaim } from '../domain/relationship-claim';
import {
  decideCreateRelationship,
  decideDeleteRelationship,
  decideUpdateRelationship,
  relationshipNotFound,
  type CreateRelationshipCommand,
  type DeleteRelationshipCommand,
  type RelationshipDecision,
  type UpdateRelationshipCommand,
} from '../domain/relationship-decisions';
import {
  encodeRelationshipPageToken,
  encodeTypePageToken,
  pageOfTypes,
  parseRelationshipListQuery,
  parseTypeListQuery,
  type ListContactRelationshipsInput,
} from '../domain/relationship-list-query';
import {
  effectiveCatalogue,
  effectiveType,
  placeholderType,
  type RelationshipType,
  type RelationshipTypeDefinition,
} from '../domain/relationship-type';
import {
  decideChangeRelationshipType,
  decideCreateRelationshipType,
  type ChangeRelationshipTypeCommand,
  type CreateRelationshipTypeCommand,
} from '../domain/relationship-type-decisions';
import type { ContactKind } from '../domain/contact';
import {
  relationshipOutboxItems,
  relationshipTypeOutboxItems,
} from '../events/relationship-events';
import type { ContactRepository } from '../store/contact.repository';
import type { RelationshipContactsReader } from '../store/relationship-contacts.reader';
import type { RelationshipTypeRepository } from '../store/relationship-type.repository';
import type { RelationshipRepository } from '../store/relationship.repository';
import { contactNotFound } from './merge-chain';

export interface RelationshipServiceDeps {
  relationships: RelationshipRepository;
  types: RelationshipTypeRepository;
  contacts: ContactRepository;
  contactsReader: RelationshipContactsReader;
  /** UTC ISO-8601; "today" is its date part. */
  now?: () => string;
  newId?: () => string;
}

/** A relationship with the type labels it reads with today. */
export interface TypedRelationship {
  relationship: Relationship;
  type: RelationshipTypeDefinition;
  active: boolean;
}

/** A contact's relationship from its side, with the type it reads with. */
export interface ContactRelationshipRow extends RelationshipView {
  type: RelationshipTypeDefinition;
}

export class RelationshipService {
  private readonly now: () => string;
  private readonly newId: () => string;

  constructor(private readonly deps: RelationshipServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
  }

  async listTypes(
    tenantId: string,
    input: { pageSize?: number; pageToken?: string },
  ): Promise<{ types: RelationshipType[]; nextPageToken?: string }> {
    const { pageSize, afterCode } = parseTypeListQuery(input);
    const catalogue = effectiveCatalogue(tenantId, await this.deps.types.listForTenant(tenantId));
    const page = pageOfTypes(catalogue, pageSize, afterCode);
    return page.nextAfterCode
      ? { types: page.items, nextPageToken: encodeTypePageToken(page.nextAfterCode) }
      : { types: page.items };
  }

  async createType(command: CreateRelationshipTypeCommand): Promise<RelationshipType> {
    const existing = await this.typeOf(command.tenantId, command.code);
    const now = this.now();
    const { relationshipType, events } = decideCreateRelationshipType(command, existing, now);
    await this.deps.types.insert(relationshipType, relationshipTypeOutboxItems(events, now));
    return relationshipType;
  }

  /** A type the tenant stored (created, or a built-in it changed); built-ins alone answer none. */
  async storedType(tenantId: string, code: string): Promise<RelationshipType | undefined> {
    return (await this.deps.types.find(tenantId, code))?.relationshipType;
  }

  /** Relabel, deactivate or reactivate; the first change of a built-in stores its override. */
  async changeType(command: ChangeRelationshipTypeCommand): Promise<RelationshipType> {
    const stored = await this.deps.types.find(command.tenantId, command.code);
    const current = effectiveType(command.tenantId, command.code, stored?.relationshipType);
    const now = this.now();
    const { relationshipType, events } = decideChangeRelationshipType(current, command, now);
    if (events.length === 0) return relationshipType;
    const items = relationshipTypeOutboxItems(events, now);
    if (stored) {
      await this.deps.types.update(
        relationshipType,
        command.expectedVersion,
        stored.outboxLog,
        items,
      );
    } else {
      await this.deps.types.insert(relationshipType, items);
    }
    return relationshipType;
  }

  /** `id`: chosen by the caller when a create must land under one id (an idempotency key). */
  async create(command: CreateRelationshipCommand, id = this.newId()): Promise<TypedRelationship> {
    const [type, contactA, contactB] = await Promise.all([
      this.typeOf(command.tenantId, command.typeCode),
      this.deps.contacts.findById(command.tenantId, command.contactAId),
      this.deps.contacts.findById(command.tenantId, command.contactBId),
    ]);
    const now = this.now();
    const { relationship, events } = decideCreateRelationship(command, {
      type,
      contactA: contactA?.contact,
      contactB: contactB?.contact,
      id,
      now,
    });
    // decideCreateRelationship threw unless the type exists.
    const definition = type as RelationshipType;
    const claimed = isActive(relationship, now.slice(0, 10));
    // Claim first: a crash after it and before the insert leaves a claim without a holder,
    // which judgeClaim calls stale after CLAIM_IN_FLIGHT_MS.
    if (claimed) await this.claimPair(relationship, now);
    try {
      await this.deps.relationships.insert(
        relationship,
        relationshipOutboxItems(events, definition),
      );
    } catch (err) {
      if (claimed) await this.releasePair(relationship);
      throw err;
    }
    return { relationship, type: definition, active: claimed };
  }

  /** Deleted relationships no longer read: NOT_FOUND, like a foreign tenant's. */
  async get(tenantId: string, id: string): Promise<TypedRelationship> {
    const stored = await this.deps.relationships.findById(tenantId, id);
    if (!stored || stored.relationship.deletedAt) throw relationshipNotFound(id);
    return this.typed(stored.relationship);
  }

  async update(command: UpdateRelationshipCommand): Promise<TypedRelationship> {
    return this.change(command, (current) =>
      decideUpdateRelationship(current, command, this.now()),
    );
  }

  async delete(command: DeleteRelationshipCommand): Promise<TypedRelationship> {
    return this.change(command, (current) =>
      decideDeleteRelationship(current, command, this.now()),
    );
  }

  /**
   * A contact's relationships, each read from that contact's side. The contact must be live
   * in the tenant (and of `contactKind` when given). A relationship whose other contact is
   * deleted is left out: contact deletes do not cascade (no transactions), readers hide it.
   */
  async listForContact(
    input: ListContactRelationshipsInput & { contactKind?: ContactKind },
  ): Promise<{ views: ContactRelationshipRow[]; nextPageToken?: string }> {
    const today = this.now().slice(0, 10);
    const query = parseRelationshipListQuery(input, today);
    const contact = await this.deps.contacts.findById(input.tenantId, input.contactId);
    if (!contact || contact.contact.deletedAt) {
      throw await contactNotFound(
        this.deps.contacts,
        input.tenantId,
        input.contactId,
        contact?.contact,
      );
    }
    if (input.contactKind && contact.contact.kind !== input.contactKind) {
      throw ContactError.notFound(input.contactId);
    }
    const [page, stored] = await Promise.all([
      this.deps.relationships.listForContact(query),
      this.deps.types.listForTenant(input.tenantId),
    ]);
    const catalogue = new Map(effectiveCatalogue(input.tenantId, stored).map((t) => [t.code, t]));
    const otherIds = page.relationships.map((r) =>
      r.contactAId === input.contactId ? r.contactBId : r.contactAId,
    );
    const others = await this.deps.contactsReader.findLive(input.tenantId, otherIds);
    const views: ContactRelationshipRow[] = [];
    page.relationships.forEach((relationship, i) => {
      const other = others.get(otherIds[i] ?? '');
      const type = catalogue.get(relationship.typeCode) ?? placeholderType(relationship.typeCode);
      const view = other && viewFrom(relationship, input.contactId, type, other, today);
      if (view) views.push({ ...view, type });
    });
    const last = page.relationships.at(-1);
    return page.hasMore && last
      ? { views, nextPageToken: encodeRelationshipPageToken(last.id) }
      : { views };
  }

  private async change(
    command: { tenantId: string; id: string; expectedVersion: number },
    decide: (current: Relationship | undefined) => RelationshipDecision,
  ): Promise<TypedRelationship> {
    const stored = await this.deps.relationships.findById(command.tenantId, command.id);
    const { relationship, events } = decide(stored?.relationship);
    if (!stored || events.length === 0) return this.typed(relationship);
    const now = this.now();
    const today = now.slice(0, 10);
    const wasCurrent = isActive(stored.relationship, today);
    const isCurrent = isActive(relationship, today);
    const reopened = !wasCurrent && isCurrent;
    if (reopened) await this.claimPair(relationship, now);
    const typed = await this.typed(relationship);
    try {
      await this.deps.relationships.update(
        relationship,
        command.expectedVersion,
        stored.outboxLog,
        relationshipOutboxItems(events, typed.type),
      );
    } catch (err) {
      if (reopened) await this.releasePair(relationship);
      throw err;
    }
    // Ended or deleted: free the pair. If this process dies first, the claim is stale
    // (its holder is no longer current) and the next creator takes it over.
    if (wasCurrent && !isCurrent) await this.releasePair(relationship);
    return typed;
  }

  /** Takes the (tenant, type, pair) claim, taking over a stale one; ALREADY_EXISTS if held. */
  private async claimPair(relationship: Relationship, now: string): Promise<void> {
    const claim = {
      id: pairClaimId(relationship),
      tenantId: relationship.tenantId,
      relationshipId: relationship.id,
      claimedAt: now,
    };
    const claimed = await this.deps.relationships.claimPair(claim, async (held) => {
      const holder = await this.deps.relationships.findById(held.tenantId, held.relationshipId);
      return judgeClaim(held, holder?.relationship, now) === 'stale';
    });
    if (claimed) return;
    throw new RelationshipError(
      RelationshipErrorCode.ALREADY_EXISTS,
      `a current ${relationship.typeCode} relationship between ${relationship.contactAId} and ${relationship.contactBId} exists`,
    );
  }

  /** Best effort: a claim left behind is stale and taken over later (see claimPair). */
  private async releasePair(relationship: Relationship): Promise<void> {
    await this.deps.relationships
      .releaseClaim(pairClaimId(relationship), relationship.id)
      .catch(() => undefined);
  }

  private async typeOf(tenantId: string, code: string): Promise<RelationshipType | undefined> {
    const stored = await this.deps.types.find(tenantId, code);
    return effectiveType(tenantId, code, stored?.relationshipType);
  }

  private async typed(relationship: Relationship): Promise<TypedRelationship> {
    const type = await this.typeOf(relationship.tenantId, relationship.typeCode);
    return {
      relationship,
      type: type ?? placeholderType(relationship.typeCode),
      active: isActive(relationship, this.now().slice(0, 10)),
    };
  }
}
