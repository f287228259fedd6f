// /v1/contacts: people. (Organizations live at /v1/organizations.)
import { createPersonRequest, updatePersonRequest } from '../../domain/contact-commands';
import type { Operation } from '../../http/operation';
import type { ContactClient } from './contact.client';
import { toPersonResource } from './contact.mapper';
import { resourceOperations } from './contact-resource.routes';
import {
  CreatePersonBodySchema,
  PatchPersonBodySchema,
  PersonPageSchema,
  PersonSchema,
} from './person.schema';

export const CONTACTS_PATH = '/contacts';

export function peopleOperations(contacts: ContactClient): Operation[] {
  return resourceOperations(
    {
      kind: 'person',
      path: CONTACTS_PATH,
      tag: 'People',
      noun: 'Person',
      resourceSchema: PersonSchema,
      pageSchema: PersonPageSchema,
      createSchema: CreatePersonBodySchema,
      patchSchema: PatchPersonBodySchema,
      createRequest: createPersonRequest,
      updateRequest: updatePersonRequest,
      toResource: toPersonResource,
    },
    contacts,
  );
}
