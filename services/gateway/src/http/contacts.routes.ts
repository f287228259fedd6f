// /v1/contacts: people. (Organizations live at /v1/organizations.)
import type { Router } from 'express';
import { createPersonRequest, updatePersonRequest } from '../domain/contact-commands';
import { toPersonResource } from '../domain/contact-resource';
import { resourceRouter } from './contact-resource.router';
import type { ResourceRouterDeps } from './contact-resource.router';
import { CreatePersonBodySchema, PatchPersonBodySchema } from './schemas/person.schema';

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
