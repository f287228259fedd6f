// A read through /v1/contacts or /v1/organizations: the record, or a 404 when it is of the
// other kind (or deleted), so /organizations/{personId} does not exist.
import type { contactV1 } from '@kith/contracts';
import type { RequestContext } from '../../grpc/upstream-call';
import { required } from '../../grpc/upstream-client';
import { GatewayError } from '../../http/problem';
import type { ContactClient } from './contact.client';
import { resourceKindOf } from './contact.mapper';
import type { ResourceKind } from './contact.mapper';

export async function fetchContactOfKind(
  contacts: ContactClient,
  kind: ResourceKind,
  id: string,
  ctx: RequestContext,
): Promise<contactV1.Contact__Output> {
  const contact = required((await contacts.GetContact({ id }, ctx)).contact, 'a contact');
  if (resourceKindOf(contact) !== kind || contact.deletedAt !== '') {
    throw new GatewayError('not-found', `No ${kind} with this id.`);
  }
  return contact;
}
