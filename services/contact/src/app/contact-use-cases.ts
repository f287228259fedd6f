// The contact service's use cases over its stores, built once per process. Plain
// constructors, no container: what depends on what reads top to bottom.
import type { ContactStores } from '../store/contact-stores';
import { ContactAuditQuery } from './contact-audit.query';
import { ContactEraseService } from './contact-erase.service';
import { ContactImportService } from './contact-import.service';
import { ContactLeases } from './contact-leases';
import { ContactMergeService } from './contact-merge.service';
import { ContactService } from './contact.service';
import { CustomFieldDefinitionsCache } from './custom-field-definitions.cache';
import { CustomFieldService } from './custom-field.service';
import { DuplicateService } from './duplicate.service';
import { HouseholdAddressService } from './household-address.service';
import { HouseholdService } from './household.service';
import { MergeRepointing } from './merge-repointing.service';
import { PersonalDataExportService } from './personal-data-export.service';
import { RelationshipService } from './relationship.service';

export type ContactUseCases = ReturnType<typeof contactUseCases>;

export function contactUseCases(stores: ContactStores) {
  const definitions = new CustomFieldDefinitionsCache(stores.customFields);
  const contacts = new ContactService({ repository: stores.contacts, customFields: definitions });
  const customFields = new CustomFieldService({
    repository: stores.customFields,
    onChanged: (tenantId) => definitions.invalidate(tenantId),
  });
  const households = new HouseholdService({
    households: stores.households,
    memberships: stores.memberships,
    contacts: stores.contacts,
  });
  const relationships = new RelationshipService({
    relationships: stores.relationships,
    types: stores.relationshipTypes,
    contacts: stores.contacts,
    contactsReader: stores.contactNames,
  });
  return {
    contacts,
    audit: new ContactAuditQuery(stores.audit),
    customFields,
    households,
    // Members' copies of their household's mailing address (household-address.consumer.ts).
    householdAddresses: new HouseholdAddressService({
      contacts: stores.contacts,
      memberships: stores.memberships,
      households: stores.households,
    }),
    relationships,
    // GDPR: subject access export and erasure (docs/privacy.md).
    personalDataExport: new PersonalDataExportService({
      contacts: stores.contacts,
      audit: stores.audit,
      reader: stores.personalData,
      contactsReader: stores.contactNames,
    }),
    eraser: new ContactEraseService({
      contacts: stores.contacts,
      households: stores.households,
      memberships: stores.memberships,
      relationships: stores.relationships,
      relationshipTypes: stores.relationshipTypes,
      reader: stores.personalData,
      imports: stores.imports,
    }),
    duplicates: new DuplicateService({
      contacts: stores.contacts,
      candidates: stores.duplicateCandidates,
      rules: stores.matchingRules,
    }),
    merges: new ContactMergeService({
      contacts: stores.contacts,
      merges: stores.merges,
      leases: new ContactLeases({ leases: stores.leases }),
    }),
    imports: new ContactImportService({
      contacts: stores.contacts,
      imports: stores.imports,
      matchers: stores.importMatchers,
      customFields: definitions,
    }),
    repointing: new MergeRepointing({
      contacts: stores.contacts,
      merges: stores.merges,
      relationships: stores.relationships,
      relationshipService: relationships,
      households,
    }),
  };
}
