// /v1/organizations: companies, foundations, schools, ...
import type { Router } from 'express';
import {
  createOrganizationRequest,
  updateOrganizationRequest,
} from '../../domain/contact-commands';
import { toOrganizationResource } from './contact.mapper';
import { resourceRouter } from './contact-resource.routes';
import type { ResourceRouterDeps } from './contact-resource.routes';
import { CreateOrganizationBodySchema, PatchOrganizationBodySchema } from './organization.schema';

export const ORGANIZATIONS_PATH = '/organizations';

export function organizationsRouter(deps: ResourceRouterDeps): Router {
  return resourceRouter(
    {
      kind: 'organization',
      path: ORGANIZATIONS_PATH,
      createSchema: CreateOrganizationBodySchema,
      patchSchema: PatchOrganizationBodySchema,
      createRequest: createOrganizationRequest,
      updateRequest: updateOrganizationRequest,
      toResource: toOrganizationResource,
    },
    deps,
  );
}
