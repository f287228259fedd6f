// GDPR erasure of a person (use case). Reads the contact, lets decideErase decide, scrubs the
// records that mention the person (household name snapshots and overrides, relationship
// descriptions, import error reports' refused rows), writes the anonymised contact with kith.contact.erased.v1 through the outbox.
// The audit trail is scrubbed by its consumer on that event (events/contact-audit.consumer.ts),
// after every earlier entry of the contact has been recorded.
//
// FerretDB 1.x has no transactions, so this is several single-document writes, ordered so that
// any crash leaves a state the next call repairs:
//  1. scrub dependents while the old names are still known (a name in a household override is
//     only recognisable by them);
//  2. write the erased contact and its event (one outbox write: both or neither);
//  3. scrub dependents again: a join or a description written between 1 and 2 is caught, and
//     after 2 no new one can appear (an erased contact is deleted, so joins refuse it).
// A crash before 2 leaves the contact live: the caller's retry runs everything again. A crash
// after 2 leaves an erased contact: erasing it again answers `alreadyErased` and re-runs the
// scrub by id, which is idempotent (records already scrubbed are not written again).
import { retryOnVersionConflict } from '@kith/bus';
import type { Contact } from '../domain/contact';
import { ContactError } from '../domain/contact-error';
import { decideErase, type EraseContactCommand } from '../domain/contact-erase';
import {
  decideEraseHouseholdMember,
  decideEraseRelationshipDescription,
  namesOf,
  type ErasedPerson,
} from '../domain/erase-dependents';
import {
  decideEraseReportRows,
  erasedIdentifiersOf,
  identifiesNobody,
  type ErasedIdentifiers,
} from '../domain/erase-import-rows';
import { effectiveType, placeholderType } from '../domain/relationship-type';
import { erasedOutboxItem } from '../events/contact-erased-event';
import { toHouseholdOutboxItems } from '../events/household-events';
import { relationshipOutboxItems } from '../events/relationship-events';
import type { ContactImportRepository } from '../store/contact-import.repository';
import type { ContactRepository } from '../store/contact.repository';
import type { HouseholdMembershipRepository } from '../store/household-membership.repository';
import type { HouseholdRepository } from '../store/household.repository';
import type { PersonalDataReader } from '../store/personal-data.reader';
import type { RelationshipTypeRepository } from '../store/relationship-type.repository';
import type { RelationshipRepository } from '../store/relationship.repository';

/** A concurrent write to a household or relationship being scrubbed: read again and retry. */
const ATTEMPTS = 4;

export interface ContactEraseServiceDeps {
  contacts: Pick<ContactRepository, 'findById' | 'update'>;
  households: Pick<HouseholdRepository, 'update'>;
  memberships: Pick<HouseholdMembershipRepository, 'release'>;
  relationships: Pick<RelationshipRepository, 'update'>;
  relationshipTypes: Pick<RelationshipTypeRepository, 'find'>;
  reader: Pick<PersonalDataReader, 'householdsOf' | 'relationshipsOf'>;
  imports: Pick<ContactImportRepository, 'errorChunksOf' | 'saveErrors'>;
  now?: () => string;
}

export interface EraseOutcome {
  contact: Contact;
  /** True when the contact had been erased before this call. */
  alreadyErased: boolean;
}

export class ContactEraseService {
  private readonly now: () => string;

  constructor(private readonly deps: ContactEraseServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  async erase(command: EraseContactCommand): Promise<EraseOutcome> {
    return retryOnVersionConflict(
      async () => {
        const outcome = await this.eraseOnce(command);
        await this.eraseMergedVictims(command, outcome.contact.mergedFrom ?? []);
        return outcome;
      },
      { attempts: command.expectedVersion ? 1 : ATTEMPTS },
    );
  }

  /**
   * The tombstones of contacts merged into this one still hold the same person's data: they
   * are erased too (each its own event). Also on a repeated erase, so a crash in between is
   * repaired.
   */
  private async eraseMergedVictims(command: EraseContactCommand, victims: readonly string[]) {
    for (const id of victims) {
      await this.erase({ tenantId: command.tenantId, id, actorId: command.actorId });
    }
  }

  private async eraseOnce(command: EraseContactCommand): Promise<EraseOutcome> {
    const stored = await this.deps.contacts.findById(command.tenantId, command.id);
    const { contact, erased } = decideErase(stored?.contact, command, this.now());
    if (!stored) throw ContactError.notFound(command.id);
    if (!erased) {
      // Repairs what a crash after the contact write may have left (see the top).
      const nobody = { emails: [], phones: [] };
      await this.scrubDependents(command.tenantId, { contactId: contact.id, names: [] }, nobody);
      return { contact, alreadyErased: true };
    }
    const person: ErasedPerson = {
      contactId: contact.id,
      names: namesOf({ ...stored.contact.person }),
    };
    const identifiers = erasedIdentifiersOf({
      ...stored.contact,
      emails: stored.contact.emails ?? [],
      phones: stored.contact.phones ?? [],
      addresses: stored.contact.addresses ?? [],
    });
    await this.scrubDependents(command.tenantId, person, identifiers);
    await this.deps.contacts.update(contact, stored.contact.version, stored.outboxLog, [
      erasedOutboxItem(contact, command.actorId),
    ]);
    await this.scrubDependents(command.tenantId, person, identifiers);
    return { contact, alreadyErased: false };
  }

  private async scrubDependents(
    tenantId: string,
    person: ErasedPerson,
    identifiers: ErasedIdentifiers,
  ): Promise<void> {
    await this.scrubHouseholds(tenantId, person);
    await this.scrubRelationships(tenantId, person.contactId);
    await this.scrubImportReports(tenantId, identifiers);
  }

  /** Refused rows are found by their values, so only while those are known (not on a retry). */
  private async scrubImportReports(tenantId: string, who: ErasedIdentifiers): Promise<void> {
    if (identifiesNobody(who)) return;
    for (const { chunkId, jobId, rows } of await this.deps.imports.errorChunksOf(tenantId)) {
      const scrubbed = decideEraseReportRows(rows, who);
      if (scrubbed) await this.deps.imports.saveErrors(tenantId, jobId, chunkId, scrubbed);
    }
  }

  private async scrubHouseholds(tenantId: string, person: ErasedPerson): Promise<void> {
    for (const { record, outboxLog } of await this.deps.reader.householdsOf(
      tenantId,
      person.contactId,
    )) {
      const { household, events } = decideEraseHouseholdMember(record, person, this.now());
      if (events.length === 0) continue;
      await this.deps.households.update(household, outboxLog, toHouseholdOutboxItems(events));
      // The person left it: free their one-household claim (ids only; a leftover would be a
      // stale claim the household service already tolerates, see household.service.ts).
      await this.deps.memberships.release(tenantId, person.contactId, household.id);
    }
  }

  private async scrubRelationships(tenantId: string, contactId: string): Promise<void> {
    for (const { record, outboxLog } of await this.deps.reader.relationshipsOf(
      tenantId,
      contactId,
    )) {
      const { relationship, events } = decideEraseRelationshipDescription(record, this.now());
      if (events.length === 0) continue;
      const stored = await this.deps.relationshipTypes.find(tenantId, record.typeCode);
      const type =
        effectiveType(tenantId, record.typeCode, stored?.relationshipType) ??
        placeholderType(record.typeCode);
      await this.deps.relationships.update(
        relationship,
        record.version,
        outboxLog,
        relationshipOutboxItems(events, type),
      );
    }
  }
}
