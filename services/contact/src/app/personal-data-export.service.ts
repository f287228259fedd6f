// Subject access (use case): everything the contact service holds about one contact, for
// kith.privacy.v1.PersonalDataService. Deleted and erased contacts are exported too (what is
// held is what counts, not what the API shows); an id the tenant never had is NOT_FOUND.
import { ContactError } from '../domain/contact-error';
import { assembleContactExport, type ExportSection } from '../domain/personal-data-export';
import type { ContactAuditRepository } from '../store/contact-audit.repository';
import type { ContactRepository } from '../store/contact.repository';
import type { PersonalDataReader } from '../store/personal-data.reader';
import type { RelationshipContactsReader } from '../store/relationship-contacts.reader';

export interface PersonalDataExportDeps {
  contacts: Pick<ContactRepository, 'findById'>;
  audit: Pick<ContactAuditRepository, 'listAll'>;
  reader: Pick<PersonalDataReader, 'householdsOf' | 'relationshipsOf'>;
  contactsReader: Pick<RelationshipContactsReader, 'findLive'>;
}

export class PersonalDataExportService {
  constructor(private readonly deps: PersonalDataExportDeps) {}

  async export(tenantId: string, contactId: string): Promise<ExportSection[]> {
    const stored = await this.deps.contacts.findById(tenantId, contactId);
    if (!stored) throw ContactError.notFound(contactId);
    const [audit, households, relationships] = await Promise.all([
      this.deps.audit.listAll(tenantId, contactId),
      this.deps.reader.householdsOf(tenantId, contactId),
      this.deps.reader.relationshipsOf(tenantId, contactId),
    ]);
    const otherIds = relationships.map(({ record }) =>
      record.contactAId === contactId ? record.contactBId : record.contactAId,
    );
    const others = await this.deps.contactsReader.findLive(tenantId, otherIds);
    return assembleContactExport({
      contact: stored.contact,
      audit,
      households: households.map((h) => h.record),
      relationships: relationships.map((r) => r.record),
      others,
    });
  }
}
