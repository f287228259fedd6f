// The contact service's module: people, organizations, households, relationships and
// their types, custom fields, duplicates, imports, consent, audit, export and privacy, all
// served by the contact service process, as one list of declared operations. Order matters
// only where paths overlap: /contacts/export.csv is listed before /contacts/{id}.
import type { PersonalDataUpstream } from '../../grpc/personal-data.client';
import type { GatewayModule } from '../gateway-module';
import type {
  ContactClient,
  ContactImportClient,
  ContactPrivacyClient,
  CustomFieldClient,
  DuplicateClient,
  HouseholdClient,
  RelationshipClient,
} from './contact.client';
import { exportOperations } from './contact-export.routes';
import { peopleOperations } from './contacts.routes';
import { customFieldOperations } from './custom-fields.routes';
import { duplicateOperations } from './duplicates.routes';
import { householdOperations } from './households.routes';
import { importOperations } from './imports.routes';
import { organizationOperations } from './organizations.routes';
import { privacyOperations } from './privacy.routes';
import { relationshipTypeOperations } from './relationship-types.routes';
import { relationshipOperations } from './relationships.routes';

/** Every service of the contact process, as the routes use it (contact.client.ts builds it). */
export interface ContactModuleClient {
  contacts: ContactClient;
  /**
   * The same service with the bulk-read deadline, for CSV export pages: on FerretDB a page
   * with a filter scans the collection (docs/architecture.md). Default: `contacts`.
   */
  bulkContacts?: ContactClient;
  customFields: CustomFieldClient;
  duplicates: DuplicateClient;
  households: HouseholdClient;
  imports: ContactImportClient;
  relationships: RelationshipClient;
  eraser: ContactPrivacyClient;
  close?(): void;
}

export interface ContactModuleOptions {
  client: ContactModuleClient;
  /** GDPR export: every service holding personal data (PERSONAL_DATA_UPSTREAMS). */
  personalData: readonly PersonalDataUpstream[];
}

export function contactModule({ client, personalData }: ContactModuleOptions): GatewayModule {
  // Declared once: mounted below and registered in the OpenAPI document. Literal paths come
  // before the {id} ones they would otherwise match (/contacts/export.csv).
  const operations = [
    ...privacyOperations(client.eraser, personalData),
    ...exportOperations(client.bulkContacts ?? client.contacts, client.customFields),
    ...importOperations(client.imports),
    ...duplicateOperations(client.contacts, client.duplicates),
    ...relationshipOperations(client.relationships),
    ...relationshipTypeOperations(client.relationships),
    ...peopleOperations(client.contacts),
    ...organizationOperations(client.contacts),
    ...customFieldOperations(client.customFields),
    ...householdOperations(client.households),
  ];
  return {
    name: 'contact',
    operations,
    close() {
      client.close?.();
      for (const upstream of personalData) upstream.close?.();
    },
  };
}
