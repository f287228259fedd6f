// kith.contact.v1.ContactService: translate proto <-> domain, call the use case, nothing else.
// The tenant always comes from call metadata (CallContext), never from the request body.
import type { contactV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { ContactAuditQuery } from '../app/contact-audit.query';
import type { ContactService } from '../app/contact.service';
import { mapContactError } from './contact-error.mapper';
import { unlessNotFound } from './keyed-create.util';
import {
  auditEntryToProto,
  consentRecordToProto,
  contactToProto,
  fieldsFromProto,
  kindFromProto,
  requiredKindFromProto,
  versionFromProto,
} from './contact-proto.mapper';

export function contactHandlers(
  service: ContactService,
  audit: ContactAuditQuery,
  logger: Logger,
  creates: IdempotentCreates,
): contactV1.ContactServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    CreateContact: unaryHandler<
      contactV1.CreateContactRequest__Output,
      contactV1.CreateContactResponse
    >(async (req, ctx) => {
      const command = {
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        kind: requiredKindFromProto(req.kind),
        fields: fieldsFromProto(req.fields),
      };
      const contact = await creates.create(ctx, 'ContactService/CreateContact', req, {
        create: (id) => service.create(command, id),
        find: (id) => unlessNotFound(() => service.get(ctx.tenantId, id)),
      });
      return { contact: contactToProto(contact) };
    }, opts),

    GetContact: unaryHandler<contactV1.GetContactRequest__Output, contactV1.GetContactResponse>(
      async (req, ctx) => ({ contact: contactToProto(await service.get(ctx.tenantId, req.id)) }),
      opts,
    ),

    UpdateContact: unaryHandler<
      contactV1.UpdateContactRequest__Output,
      contactV1.UpdateContactResponse
    >(async (req, ctx) => {
      const contact = await service.update({
        id: req.id,
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        expectedVersion: versionFromProto(req.expectedVersion),
        fields: fieldsFromProto(req.fields),
        updateMask: req.updateMask?.paths ?? [],
        expectedKind: kindFromProto(req.expectedKind),
      });
      return { contact: contactToProto(contact) };
    }, opts),

    DeleteContact: unaryHandler<
      contactV1.DeleteContactRequest__Output,
      contactV1.DeleteContactResponse
    >(async (req, ctx) => {
      const contact = await service.delete({
        id: req.id,
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        expectedVersion: versionFromProto(req.expectedVersion),
        expectedKind: kindFromProto(req.expectedKind),
      });
      return { contact: contactToProto(contact) };
    }, opts),

    ListContacts: unaryHandler<
      contactV1.ListContactsRequest__Output,
      contactV1.ListContactsResponse
    >(async (req, ctx) => {
      const page = await service.list({
        tenantId: ctx.tenantId,
        kind: kindFromProto(req.kind),
        pageSize: req.pageSize,
        pageToken: req.pageToken,
        namePrefix: req.namePrefix,
        email: req.email,
        tag: req.tag,
        customFieldFilters: req.customFieldFilters,
        search: req.search,
        ...(req.doNotContact === undefined ? {} : { doNotContact: req.doNotContact }),
        ...(req.deceased === undefined ? {} : { deceased: req.deceased }),
      });
      return {
        contacts: page.contacts.map((contact) => contactToProto(contact)),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),

    RecordConsent: unaryHandler<
      contactV1.RecordConsentRequest__Output,
      contactV1.RecordConsentResponse
    >(async (req, ctx) => {
      const { contact, record } = await service.recordConsent({
        id: req.contactId,
        tenantId: ctx.tenantId,
        userId: ctx.userId,
        ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
        consent: {
          channel: req.channel,
          status: req.status,
          source: req.source,
          capturedAt: req.capturedAt,
          statement: req.statement,
          campaignId: req.campaignId,
        },
      });
      return { contact: contactToProto(contact), record: consentRecordToProto(record) };
    }, opts),

    ListConsentHistory: unaryHandler<
      contactV1.ListConsentHistoryRequest__Output,
      contactV1.ListConsentHistoryResponse
    >(
      async (req, ctx) => ({
        records: (await service.consentHistory(ctx.tenantId, req.contactId)).map(
          consentRecordToProto,
        ),
      }),
      opts,
    ),

    ListContactAudit: unaryHandler<
      contactV1.ListContactAuditRequest__Output,
      contactV1.ListContactAuditResponse
    >(async (req, ctx) => {
      const page = await audit.list({
        tenantId: ctx.tenantId,
        contactId: req.contactId,
        pageSize: req.pageSize,
        pageToken: req.pageToken,
      });
      return {
        entries: page.entries.map(auditEntryToProto),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),
  };
}
