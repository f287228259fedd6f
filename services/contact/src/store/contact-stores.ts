// Every store of the contact service over one connection: models with their indexes
// created (start-up fails loudly if the server refuses one) and the repositories on top.
import { IdempotentCreates } from '@kith/idempotency';
import type { Outbox } from '@kith/bus';
import type { Connection, mongo } from 'mongoose';
import { ContactAuditRepository } from './contact-audit.repository';
import { ContactImportRepository } from './contact-import.repository';
import { ContactLeaseRepository } from './contact-lease.repository';
import { ContactMergeRepository } from './contact-merge.repository';
import { backfillListFields } from './contact-list-backfill';
import { CONTACTS_COLLECTION, contactModel, ensureContactIndexes } from './contact.model';
import { ContactRepository, type ContactRepositoryOptions } from './contact.repository';
import { customFieldModel, ensureCustomFieldIndexes } from './custom-field.model';
import { CustomFieldRepository } from './custom-field.repository';
import { DuplicateCandidatesReader } from './duplicate-candidates.reader';
import { HouseholdMembershipRepository } from './household-membership.repository';
import { ensureHouseholdIndexes, householdsCollection } from './household.model';
import { HouseholdRepository } from './household.repository';
import { ImportMatcherReader } from './import-matcher.reader';
import { MatchingRulesRepository } from './matching-rules.repository';
import { PersonalDataReader } from './personal-data.reader';
import { RelationshipContactsReader } from './relationship-contacts.reader';
import { RelationshipTypeRepository } from './relationship-type.repository';
import { ensureRelationshipIndexes, relationshipModels } from './relationship.model';
import { RelationshipRepository } from './relationship.repository';

export interface ContactStores {
  contacts: ContactRepository;
  customFields: CustomFieldRepository;
  households: HouseholdRepository;
  memberships: HouseholdMembershipRepository;
  relationships: RelationshipRepository;
  relationshipTypes: RelationshipTypeRepository;
  /** Display names of the other side of a relationship, one `_id $in` read per page. */
  contactNames: RelationshipContactsReader;
  audit: ContactAuditRepository;
  personalData: PersonalDataReader;
  duplicateCandidates: DuplicateCandidatesReader;
  matchingRules: MatchingRulesRepository;
  merges: ContactMergeRepository;
  /** Short-lived leases that keep merges sharing a contact apart (domain/contact-lease.ts). */
  leases: ContactLeaseRepository;
  imports: ContactImportRepository;
  /** The import's duplicate matching: the tenant's rules and one scan per job. */
  importMatchers: ImportMatcherReader;
  /** Creates that dedupe on the caller's idempotency-key (@kith/idempotency). */
  createKeys: IdempotentCreates;
}

/**
 * Every database the service owns, named after CONTACT_DB_NAME. On FerretDB each database is
 * a SQLite file with one writer lock, so the outbox and the audit trail, written alongside
 * every contact write, get their own (docs/architecture.md).
 */
export function contactDatabaseNames(main: string): {
  main: string;
  outbox: string;
  audit: string;
} {
  return { main, outbox: `${main}_outbox`, audit: `${main}_audit` };
}

export async function openContactStores(
  connection: Connection,
  dbs: { db: mongo.Db; auditDb: mongo.Db },
  outbox: Outbox,
  options: { secondaryIndexes: boolean } & ContactRepositoryOptions,
): Promise<ContactStores> {
  const { db } = dbs;
  const contacts = contactModel(connection);
  const fields = customFieldModel(connection);
  const relationships = relationshipModels(connection);
  const audit = new ContactAuditRepository(dbs.auditDb);
  const imports = new ContactImportRepository(db, outbox);
  // Every index serves a query; none enforces uniqueness (claims use `_id`), so where the
  // server plans no query with them (FerretDB on SQLite) they are left out
  // (MONGO_SECONDARY_INDEXES, docs/architecture.md).
  if (options.secondaryIndexes) {
    await ensureContactIndexes(contacts);
    await ensureCustomFieldIndexes(fields);
    await ensureHouseholdIndexes(db);
    await ensureRelationshipIndexes(relationships);
    await audit.ensureIndexes();
    await imports.ensureIndexes();
  }
  const contactRepository = new ContactRepository(contacts, outbox, options);
  if (options.secondaryIndexes) await contactRepository.listBuckets.ensureIndexes();
  await backfillListFields(db, db.collection(CONTACTS_COLLECTION), contactRepository.listBuckets);
  const matchingRules = new MatchingRulesRepository(db, outbox);
  return {
    contacts: contactRepository,
    customFields: new CustomFieldRepository(db, outbox),
    households: new HouseholdRepository(db, outbox),
    memberships: new HouseholdMembershipRepository(db),
    relationships: new RelationshipRepository(db, outbox),
    relationshipTypes: new RelationshipTypeRepository(db, outbox),
    contactNames: new RelationshipContactsReader(contacts),
    audit,
    personalData: new PersonalDataReader(householdsCollection(db), relationships.relationships),
    duplicateCandidates: new DuplicateCandidatesReader(contacts),
    matchingRules,
    merges: new ContactMergeRepository(db),
    leases: new ContactLeaseRepository(db),
    imports,
    importMatchers: new ImportMatcherReader(contacts, matchingRules),
    createKeys: new IdempotentCreates(db),
  };
}
