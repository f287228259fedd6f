// The contact service's module: people, organizations, households, relationships and
// their types, custom fields, duplicates, imports, consent, audit, export and privacy, all
// served by the contact service process. Mount order matters where paths overlap: a literal
// segment (/contacts/export.csv, /contacts/{id}/relationships, /contacts/{id}/duplicates)
// is routed before /contacts/{id}.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { ContactImportGateway } from '../../grpc/contact-import.client';
import type { DuplicateGateway } from '../../grpc/duplicate.client';
import type { ContactPrivacyGateway, PersonalDataUpstream } from '../../grpc/personal-data.client';
import type { RelationshipGateway } from '../../grpc/relationship.client';
import { mountOperations, registerOperations } from '../../http/operation';
import { etagHeader, json, problems, rolesNote } from '../../http/openapi-kit';
import type { GatewayModule, ModuleContext } from '../gateway-module';
import type { ContactClient, CustomFieldClient, HouseholdClient } from './contact.client';
import { contactExportRouter } from './contact-export.routes';
import { peopleOperations } from './contacts.routes';
import { customFieldOperations } from './custom-fields.routes';
import { registerDuplicateRoutes } from './duplicate.openapi';
import { duplicatesRouter } from './duplicates.routes';
import { householdOperations } from './households.routes';
import { registerImportRoutes } from './imports.openapi';
import { importsRouter } from './imports.routes';
import { organizationOperations } from './organizations.routes';
import { registerPrivacyRoutes } from './privacy.openapi';
import { privacyRouter } from './privacy.routes';
import { relationshipRoutes } from './relationship.openapi';
import { relationshipTypesRouter } from './relationship-types.routes';
import { relationshipsRouter } from './relationships.routes';

/** Every service of the contact process, as the routes use it (contact.client.ts builds it). */
export interface ContactModuleClient {
  contacts: ContactClient;
  /**
   * The same service with the bulk-read deadline, for CSV export pages: on FerretDB a page
   * with a filter scans the collection (docs/architecture.md). Default: `contacts`.
   */
  bulkContacts?: ContactClient;
  customFields: CustomFieldClient;
  duplicates: DuplicateGateway;
  households: HouseholdClient;
  imports: ContactImportGateway;
  relationships: RelationshipGateway;
  eraser: ContactPrivacyGateway;
  close?(): void;
}

export interface ContactModuleOptions {
  client: ContactModuleClient;
  /** GDPR export: every service holding personal data (PERSONAL_DATA_UPSTREAMS). */
  personalData: readonly PersonalDataUpstream[];
}

export function contactModule({ client, personalData }: ContactModuleOptions): GatewayModule {
  const people = peopleOperations(client.contacts);
  const organizations = organizationOperations(client.contacts);
  const customFields = customFieldOperations(client.customFields);
  const households = householdOperations(client.households);
  return {
    name: 'contact',
    routes(ctx: ModuleContext) {
      const router = Router();
      const deps = { contacts: client.contacts, relationships: client.relationships };
      const routeDeps = { ...deps, idempotency: ctx.idempotency };
      router.use(
        privacyRouter({
          upstreams: personalData,
          eraser: client.eraser,
          storedResponses: ctx.storedResponses,
          logger: ctx.logger,
          now: ctx.now,
        }),
      );
      router.use(
        contactExportRouter({
          contacts: client.bulkContacts ?? client.contacts,
          customFields: client.customFields,
        }),
      );
      router.use(importsRouter({ imports: client.imports, idempotency: ctx.idempotency }));
      router.use(relationshipsRouter(routeDeps));
      router.use(duplicatesRouter({ contacts: client.contacts, duplicates: client.duplicates }));
      router.use(relationshipTypesRouter(routeDeps));
      mountOperations(router, [...people, ...organizations], { idempotency: ctx.idempotency });
      mountOperations(router, [...customFields, ...households], { idempotency: ctx.idempotency });
      return router;
    },
    document(registry: OpenAPIRegistry) {
      registerOperations(registry, [...people, ...organizations]);
      registerOperations(registry, [...customFields, ...households]);
      registerImportRoutes(registry);
      registerPrivacyRoutes(registry);
      registerDuplicateRoutes(registry);
      for (const route of relationshipRoutes({ problems, json, etagHeader, rolesNote })) {
        registry.registerPath({ ...route, path: `/v1${route.path}` });
      }
    },
    close() {
      client.close?.();
      for (const upstream of personalData) upstream.close?.();
    },
  };
}
