// /v1/organizations: companies, foundations, schools, ...
import {
  createOrganizationRequest,
  updateOrganizationRequest,
} from '../../domain/contact-commands';
import type { Operation } from '../../http/operation';
import type { ContactClient } from './contact.client';
import { toOrganizationResource } from './contact.mapper';
import { resourceOperations } from './contact-resource.routes';
import {
  CreateOrganizationBodySchema,
  OrganizationPageSchema,
  OrganizationSchema,
  PatchOrganizationBodySchema,
} from './organization.schema';

export const ORGANIZATIONS_PATH = '/organizations';

export function organizationOperations(contacts: ContactClient): Operation[] {
  return resourceOperations(
    {
      kind: 'organization',
      path: ORGANIZATIONS_PATH,
      tag: 'Organizations',
      noun: 'Organization',
      resourceSchema: OrganizationSchema,
      pageSchema: OrganizationPageSchema,
      createSchema: CreateOrganizationBodySchema,
      patchSchema: PatchOrganizationBodySchema,
      createRequest: createOrganizationRequest,
      updateRequest: updateOrganizationRequest,
      toResource: toOrganizationResource,
    },
    contacts,
  );
}
