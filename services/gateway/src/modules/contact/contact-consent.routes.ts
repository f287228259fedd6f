// Communication preferences of one contact: POST records a consent change for a channel
// (with where, when and the wording), GET shows the current state and the full history.
// No If-Match: a sign-up form cannot know the version, and a consent never overwrites
// another (the service keeps every record and lets the latest captured one win). POST takes
// an Idempotency-Key like every create; the service also dedupes by it (record id).
import type { RequestHandler } from 'express';
import { contactInPath } from '../../domain/idempotency';
import { required } from '../../grpc/upstream-client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { json, problems, replayedHeader } from '../../http/openapi-kit';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  ConsentStateSchema,
  RecordConsentBodySchema,
  RecordConsentResponseSchema,
} from './consent.schema';
import type { ContactClient } from './contact.client';
import {
  toCommunicationResource,
  toConsentRecordResource,
  toReachabilityResource,
} from './contact.mapper';
import type { ResourceKind } from './contact.mapper';
import { fetchContactOfKind } from './contact-of-kind';

export function consentOperations(
  spec: { kind: ResourceKind; path: string; noun: string },
  contacts: ContactClient,
  common: { tags: string[]; before: RequestHandler[] },
): Operation[] {
  const path = `${spec.path}/{id}/consents`;
  return [
    defineOperation({
      ...common,
      method: 'get',
      path,
      operationId: `get${spec.noun}Consents`,
      summary: 'Communication preferences and their history',
      description: 'Current consent per channel, reachability, and every record.',
      permission: 'contact:read',
      params: IdParamsSchema,
      responses: { 200: json(ConsentStateSchema, 'Consents.'), ...problems(400, 403, 404) },
      async handle({ params, ctx, res }) {
        const contact = await fetchContactOfKind(contacts, spec.kind, params.id, ctx);
        const { records } = await contacts.ListConsentHistory({ contactId: params.id }, ctx);
        res.json({
          communication: toCommunicationResource(contact.communication),
          reachability: toReachabilityResource(contact.reachability),
          history: records.map(toConsentRecordResource),
        });
      },
    }),
    defineOperation({
      ...common,
      method: 'post',
      path,
      operationId: `record${spec.noun}Consent`,
      summary: 'Record a consent change for one channel',
      description:
        'Opt-in, opt-out or unknown, with source, capture time and wording. No If-Match: the ' +
        'history keeps every record and the latest captured one per channel is current (an ' +
        'older capture joins the history without overriding); concurrent records are all kept. ' +
        'Send an Idempotency-Key to make a retry safe: the same key and body store one record ' +
        'and replay the first answer.',
      permission: 'contact:write',
      params: IdParamsSchema,
      body: RecordConsentBodySchema,
      idempotent: contactInPath('id'),
      responses: {
        201: json(RecordConsentResponseSchema, 'Recorded.', replayedHeader),
        ...problems(400, 403, 404, 409, 413, 415, 422),
      },
      async handle({ params, body, ctx, res }) {
        // Refuse another kind's id before anything is written.
        await fetchContactOfKind(contacts, spec.kind, params.id, ctx);
        const answer = await contacts.RecordConsent(
          {
            contactId: params.id,
            channel: body.channel,
            status: body.status,
            source: body.source,
            capturedAt: body.capturedAt ?? '',
            statement: body.statement ?? '',
            campaignId: body.campaignId ?? '',
          },
          ctx,
        );
        const contact = required(answer.contact, 'a contact');
        const record = required(answer.record, 'a consent record');
        res.status(201).json({
          consent: toConsentRecordResource(record),
          version: Number(contact.version),
          communication: toCommunicationResource(contact.communication),
          reachability: toReachabilityResource(contact.reachability),
        });
      },
    }),
  ];
}
