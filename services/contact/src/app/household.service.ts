// Household use cases: read, let the pure decisions decide, store state and events together,
// and keep the one-household-per-person claim (household_memberships) in step.
//
// FerretDB 1.x has no transactions, so a join or a leave is two single-document writes, the
// claim and the household, ordered so that every crash in between leaves a state a retry or
// a later reader repairs:
//  - Join = insert the claim, then write the household. A crash after the claim leaves a
//    claim whose household does not list the person. Readers trust a claim only when its
//    household lists the person as a current member (GetContactHousehold), and a later join
//    takes such a leftover over once it is older than the grace period (a younger one may be
//    a join in flight, so it answers ALREADY_EXISTS: retry shortly). A join into the same
//    household simply reuses it. A household write that fails (e.g. a version conflict)
//    leaves its claim the same way on purpose: freeing it could free the claim of a
//    concurrent join of the same person that succeeded.
//  - Leave (and delete) = write the household, then delete the claim. A crash in between
//    leaves a claim whose household no longer lists the person: the same leftover as above.
//  - The household write is the truth; a claim is only ever a lock that may be stale.
import { nextPageToken } from '@kith/paging';
import { v7 as uuidv7 } from 'uuid';
import { HouseholdError, HouseholdErrorCode } from '../domain/household-error';
import {
  currentMembers,
  isCurrentMember,
  type Household,
  type HouseholdChanges,
  type HouseholdPage,
  type MemberNameSnapshot,
  type PersonForMembership,
} from '../domain/household';
import {
  decideAddMember,
  decideCreateHousehold,
  decideDeleteHousehold,
  decideRefreshMemberName,
  decideRemoveMember,
  decideUpdateHousehold,
  householdNotFound,
  type HouseholdDecision,
} from '../domain/household-decisions';
import { decideReplaceMember } from '../domain/household-merge-decisions';
import {
  householdPageTokens,
  parseHouseholdListQuery,
  type MemberInput,
} from '../domain/household-validation';
import { toHouseholdOutboxItems } from '../events/household-events';
import type { ContactRepository } from '../store/contact.repository';
import type { HouseholdMembershipRepository } from '../store/household-membership.repository';
import type { HouseholdRepository } from '../store/household.repository';
import { contactNotFound } from './merge-chain';

export interface HouseholdServiceDeps {
  households: HouseholdRepository;
  memberships: HouseholdMembershipRepository;
  contacts: Pick<ContactRepository, 'findById'>;
  now?: () => string;
  newId?: () => string;
  /** A claim younger than this whose household does not list the person is a join in flight. */
  claimGraceMs?: number;
}

interface Target {
  id: string;
  tenantId: string;
  expectedVersion: number;
}

export class HouseholdService {
  private readonly now: () => string;
  private readonly newId: () => string;

  constructor(private readonly deps: HouseholdServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
  }

  /** `id`: chosen by the caller when a create must land under one id (an idempotency key). */
  async create(
    command: { tenantId: string; changes: HouseholdChanges },
    id = this.newId(),
  ): Promise<Household> {
    const { household, events } = decideCreateHousehold(command, {
      id,
      now: this.now(),
    });
    await this.deps.households.insert(household, toHouseholdOutboxItems(events));
    return household;
  }

  /** A soft-deleted household no longer reads: NOT_FOUND, like a foreign tenant's. */
  async get(tenantId: string, id: string): Promise<Household> {
    const stored = await this.deps.households.findById(tenantId, id);
    if (!stored || stored.household.deletedAt) throw householdNotFound(id);
    return stored.household;
  }

  async list(input: {
    tenantId: string;
    pageSize?: number;
    pageToken?: string;
  }): Promise<HouseholdPage> {
    const page = await this.deps.households.list(parseHouseholdListQuery(input));
    const encode = (last: Household) => householdPageTokens.encode(last.id, input.tenantId);
    return { households: page.items, nextPageToken: nextPageToken(page, encode) };
  }

  async update(command: Target & { changes: HouseholdChanges }): Promise<Household> {
    return (await this.change(command, (h) => decideUpdateHousehold(h, command, this.now())))
      .household;
  }

  /** Every current member leaves with the household; their claims are freed after the write. */
  async delete(command: Target): Promise<Household> {
    const { household, before } = await this.change(command, (h) =>
      decideDeleteHousehold(h, command, this.now()),
    );
    for (const member of currentMembers(before)) {
      await this.deps.memberships.release(command.tenantId, member.contactId, household.id);
    }
    return household;
  }

  async addMember(command: Target & { member: MemberInput }): Promise<Household> {
    const stored = await this.deps.households.findById(command.tenantId, command.id);
    const person = await this.readPerson(command.tenantId, command.member.contactId.trim());
    const now = this.now();
    // Decide first: an invalid request claims nothing.
    const { household, events } = decideAddMember(stored?.household, command, person, now);
    if (!stored) throw householdNotFound(command.id);
    const contactId = command.member.contactId.trim();
    await this.claim(command.tenantId, contactId, household.id, now);
    await this.deps.households.update(household, stored.outboxLog, toHouseholdOutboxItems(events));
    return household;
  }

  /**
   * A merge survivor takes the victim's place in one household write (one event, names
   * generated once). The survivor's claim is taken first and the victim's freed after, as a
   * join and a leave order them (see the top).
   */
  async replaceMember(
    command: Target & { victimId: string; survivorId: string },
  ): Promise<Household> {
    const stored = await this.deps.households.findById(command.tenantId, command.id);
    const survivor = await this.readPerson(command.tenantId, command.survivorId);
    const now = this.now();
    const { household, events } = decideReplaceMember(stored?.household, command, survivor, now);
    if (!stored) throw householdNotFound(command.id);
    await this.claim(command.tenantId, command.survivorId, household.id, now);
    await this.deps.households.update(household, stored.outboxLog, toHouseholdOutboxItems(events));
    await this.deps.memberships.release(command.tenantId, command.victimId, household.id);
    return household;
  }

  async removeMember(command: Target & { contactId: string }): Promise<Household> {
    const { household } = await this.change(command, (h) =>
      decideRemoveMember(h, command, this.now()),
    );
    await this.deps.memberships.release(command.tenantId, command.contactId, household.id);
    return household;
  }

  /** The household the person belongs to now; a stale claim (see the top) reads as none. */
  async getContactHousehold(tenantId: string, contactId: string): Promise<Household> {
    const claim = await this.deps.memberships.find(tenantId, contactId);
    const stored = claim && (await this.deps.households.findById(tenantId, claim.householdId));
    const household = stored?.household;
    if (!household || household.deletedAt || !isCurrentMember(household, contactId)) {
      // A merge victim names where its data (and household place) went, as reading it does.
      const person = await this.deps.contacts.findById(tenantId, contactId);
      if (person?.contact.mergedInto) {
        throw await contactNotFound(this.deps.contacts, tenantId, contactId, person.contact);
      }
      throw new HouseholdError(
        HouseholdErrorCode.NOT_FOUND,
        `contact ${contactId} is not in a household`,
      );
    }
    return household;
  }

  /**
   * A person was renamed or marked deceased (or no longer is): refresh their snapshot and the
   * generated names of their household.
   * Idempotent (see decideRefreshMemberName); a concurrent write makes it throw
   * VERSION_CONFLICT, and the consumer's retry reads again.
   */
  async refreshMemberName(
    tenantId: string,
    person: { contactId: string; version: number } & MemberNameSnapshot,
  ): Promise<void> {
    const claim = await this.deps.memberships.find(tenantId, person.contactId);
    if (!claim) return;
    const stored = await this.deps.households.findById(tenantId, claim.householdId);
    if (!stored) return;
    const { household, events } = decideRefreshMemberName(stored.household, person, this.now());
    if (events.length === 0) return;
    await this.deps.households.update(household, stored.outboxLog, toHouseholdOutboxItems(events));
  }

  /**
   * A person was deleted (from kith.contact.deleted.v1): they leave their household, so
   * they stop naming it. Idempotent: someone who is no current member changes nothing.
   */
  async removeDeletedPerson(tenantId: string, contactId: string): Promise<void> {
    const claim = await this.deps.memberships.find(tenantId, contactId);
    if (!claim) return;
    const stored = await this.deps.households.findById(tenantId, claim.householdId);
    const household = stored?.household;
    if (household && !household.deletedAt && isCurrentMember(household, contactId)) {
      await this.removeMember({
        id: household.id,
        tenantId,
        expectedVersion: household.version,
        contactId,
      });
      return;
    }
    await this.deps.memberships.release(tenantId, contactId, claim.householdId);
  }

  private async change(
    command: Target,
    decide: (current: Household | undefined) => HouseholdDecision,
  ): Promise<{ household: Household; before: Household }> {
    const stored = await this.deps.households.findById(command.tenantId, command.id);
    const { household, events } = decide(stored?.household);
    // `!stored` cannot happen here (the decision threw NOT_FOUND); the check narrows the type.
    if (!stored) throw householdNotFound(command.id);
    if (events.length > 0) {
      await this.deps.households.update(
        household,
        stored.outboxLog,
        toHouseholdOutboxItems(events),
      );
    }
    return { household, before: stored.household };
  }

  private async readPerson(
    tenantId: string,
    contactId: string,
  ): Promise<PersonForMembership | undefined> {
    if (!contactId) return undefined;
    const stored = await this.deps.contacts.findById(tenantId, contactId);
    if (!stored) return undefined;
    const { contact } = stored;
    const person: PersonForMembership = {
      id: contact.id,
      tenantId: contact.tenantId,
      kind: contact.kind,
      version: contact.version,
      deleted: contact.deletedAt !== undefined,
    };
    if (contact.deceased) person.deceased = true;
    if (contact.person?.firstName) person.firstName = contact.person.firstName;
    if (contact.person?.lastName) person.lastName = contact.person.lastName;
    return person;
  }

  /** Takes the person's claim for this household, or throws ALREADY_EXISTS (see the top). */
  private async claim(
    tenantId: string,
    contactId: string,
    householdId: string,
    now: string,
  ): Promise<void> {
    const claimed = await this.deps.memberships.claim(
      { tenantId, contactId, householdId, claimedAt: now },
      {
        // Younger: a join in flight. Older and not listed by its household: a crash's leftover.
        staleAfterMs: this.deps.claimGraceMs ?? 30_000,
        isStale: async (held) => {
          const other = await this.deps.households.findById(tenantId, held.householdId);
          const household = other?.household;
          return !household || !!household.deletedAt || !isCurrentMember(household, contactId);
        },
      },
    );
    if (!claimed) throw inAnotherHousehold(contactId);
  }
}

function inAnotherHousehold(contactId: string): HouseholdError {
  return new HouseholdError(
    HouseholdErrorCode.ALREADY_EXISTS,
    `contact ${contactId} already belongs to a household; remove them from it first`,
  );
}
