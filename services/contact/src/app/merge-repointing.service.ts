// After a merge (kith.contact.merged.v1), the contact service's own records that name the
// victim are moved to the survivor: relationships and household membership. Every step is
// idempotent, so the consumer can redeliver: a relationship already moved is no longer listed
// for the victim, a survivor already in the household is not added again, and a victim that
// already left does not leave again.
//
// The records go to the end of the survivor's merge chain as it stands when they are written
// (A's to C if B was merged into C meanwhile), and once all have moved the merge is marked
// re-pointed: until then the survivor cannot be merged away (app/contact-merge.service.ts),
// so the next hop's re-pointing finds everything it must move on.
import { hasErrorCode } from '@kith/errors';
import { ContactErrorCode } from '../domain/contact-error';
import type { Relationship } from '../domain/relationship';
import type { ContactMergeRepository } from '../store/contact-merge.repository';
import type { ContactRepository } from '../store/contact.repository';
import type { RelationshipRepository } from '../store/relationship.repository';
import type { HouseholdService } from './household.service';
import { finalSurvivorId } from './merge-chain';
import type { RelationshipService } from './relationship.service';

const PAGE = 200;

export interface MergeRepointingDeps {
  contacts: Pick<ContactRepository, 'findById'>;
  merges: Pick<ContactMergeRepository, 'markRepointed'>;
  relationships: Pick<RelationshipRepository, 'listForContact'>;
  relationshipService: Pick<RelationshipService, 'create' | 'delete'>;
  households: Pick<
    HouseholdService,
    'getContactHousehold' | 'replaceMember' | 'removeDeletedPerson'
  >;
  now?: () => string;
}

export class MergeRepointing {
  private readonly now: () => string;

  constructor(private readonly deps: MergeRepointingDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  async repoint(tenantId: string, victimId: string, survivorId: string): Promise<void> {
    const target = await finalSurvivorId(this.deps.contacts, tenantId, survivorId);
    await this.repointRelationships(tenantId, victimId, target);
    await this.repointHousehold(tenantId, victimId, target);
    await this.deps.merges.markRepointed(tenantId, victimId, survivorId, this.now());
  }

  /**
   * Each of the victim's relationships (current or ended) is created again with the survivor
   * in the victim's place, then deleted; one between the victim and the survivor is only
   * deleted (a contact is not related to itself). A current one the survivor already has
   * answers ALREADY_EXISTS (pair claims) and is simply not created twice.
   */
  private async repointRelationships(
    tenantId: string,
    victimId: string,
    survivorId: string,
  ): Promise<void> {
    // Deleting moves the victim's list on, so each round reads from the start again.
    for (;;) {
      const { relationships } = await this.deps.relationships.listForContact({
        tenantId,
        contactId: victimId,
        pageSize: PAGE,
        includeInactive: true,
        today: this.now().slice(0, 10),
      });
      if (relationships.length === 0) return;
      for (const relationship of relationships) {
        await this.moveRelationship(relationship, victimId, survivorId);
      }
    }
  }

  private async moveRelationship(
    relationship: Relationship,
    victimId: string,
    survivorId: string,
  ): Promise<void> {
    const swap = (id: string): string => (id === victimId ? survivorId : id);
    const contactAId = swap(relationship.contactAId);
    const contactBId = swap(relationship.contactBId);
    if (contactAId !== contactBId) {
      try {
        await this.deps.relationshipService.create({
          tenantId: relationship.tenantId,
          typeCode: relationship.typeCode,
          contactAId,
          contactBId,
          fields: {
            ...(relationship.startDate ? { startDate: relationship.startDate } : {}),
            ...(relationship.endDate ? { endDate: relationship.endDate } : {}),
            ...(relationship.description ? { description: relationship.description } : {}),
          },
        });
      } catch (err) {
        // ALREADY_EXISTS: the survivor has it already. NOT_FOUND: the other contact is deleted,
        // and readers hide relationships with deleted contacts anyway.
        const skip = [ContactErrorCode.ALREADY_EXISTS, ContactErrorCode.NOT_FOUND];
        if (!skip.some((code) => isCode(err, code))) throw err;
      }
    }
    try {
      await this.deps.relationshipService.delete({
        tenantId: relationship.tenantId,
        id: relationship.id,
        expectedVersion: relationship.version,
      });
    } catch (err) {
      if (!isCode(err, ContactErrorCode.ALREADY_DELETED)) throw err;
    }
  }

  /**
   * The survivor takes the victim's place (role, address) if it is in no household itself, in
   * one household write; otherwise the victim just leaves.
   */
  private async repointHousehold(
    tenantId: string,
    victimId: string,
    survivorId: string,
  ): Promise<void> {
    const household = await this.householdOf(tenantId, victimId);
    if (!household) return;
    if (!(await this.householdOf(tenantId, survivorId))) {
      try {
        await this.deps.households.replaceMember({
          id: household.id,
          tenantId,
          expectedVersion: household.version,
          victimId,
          survivorId,
        });
        return;
      } catch (err) {
        // FAILED_PRECONDITION: the survivor was deleted since; the victim still leaves.
        if (!isCode(err, ContactErrorCode.FAILED_PRECONDITION)) throw err;
      }
    }
    await this.deps.households.removeDeletedPerson(tenantId, victimId);
  }

  private async householdOf(tenantId: string, contactId: string) {
    try {
      return await this.deps.households.getContactHousehold(tenantId, contactId);
    } catch (err) {
      if (isCode(err, ContactErrorCode.NOT_FOUND)) return undefined;
      throw err;
    }
  }
}

/** The households and relationships moved here answer their own errors, with these codes. */
function isCode(err: unknown, code: ContactErrorCode): boolean {
  return hasErrorCode(err, code);
}
