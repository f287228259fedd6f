// /v1/contacts: people. (Organizations live at /v1/organizations.)
import type { Router } from 'express';
import { createPersonRequest, updatePersonRequest } from '../../domain/contact-commands';
import { toPersonResource } from './contact.mapper';
import { resourceRouter } from './contact-resource.routes';
import type { ResourceRouterDeps } from './contact-resource.routes';
import { CreatePersonBodySchema, PatchPersonBodySchema } from './person.schema';

export const CONTACTS_PATH = '/contacts';

export function contactsRouter(deps: ResourceRouterDeps): Router {
  return resourceRouter(
    {
      kind: 'person',
      path: CONTACTS_PATH,
      createSchema: CreatePersonBodySchema,
      patchSchema: PatchPersonBodySchema,
      createRequest: createPersonRequest,
      updateRequest: updatePersonRequest,
      toResource: toPersonResource,
    },
    deps,
  );
}
