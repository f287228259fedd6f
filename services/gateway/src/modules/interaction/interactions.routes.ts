// /v1/interactions: what happened with whom, each operation declared once for Express and
// OpenAPI. Same rules as the contact routes: If-Match versions on every change (428 missing,
// 409 stale), Idempotency-Key on the create, cursor pagination, another tenant's id answering
// 404. POST /v1/interactions/mail takes a raw email (message/rfc822) instead of JSON: it
// dedupes on its Message-ID in the service, so it needs no Idempotency-Key.
import { INTERACTION_FIELD_LIMITS } from '@kith/contracts';
import { contactsIn } from '../../domain/idempotency';
import { required } from '../../grpc/upstream-client';
import { defineOperation, type Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import {
  createOperation,
  listOperation,
  readOperation,
  versionedOperation,
} from '../../http/resource-operations';
import { listing } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { InteractionClient } from './interaction.client';
import {
  createInteractionRequest,
  toInteractionResource,
  typeToProto,
  updateInteractionRequest,
} from './interaction.mapper';
import {
  CreateInteractionBodySchema,
  IngestedMailSchema,
  InteractionListQuerySchema,
  InteractionPageSchema,
  InteractionSchema,
  LISTING_FIELD_NAMES,
  PatchInteractionBodySchema,
} from './interaction.schema';

export const INTERACTIONS_PATH = '/interactions';
export const MAIL_CONTENT_TYPES = ['message/rfc822'];

const tags = ['Interactions'];
const interaction = (description: string) => ({ schema: InteractionSchema, description });
const one = (res: { interaction: Parameters<typeof toInteractionResource>[0] | null }) =>
  toInteractionResource(required(res.interaction, 'an interaction'));

export const filterOf = (query: {
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}) => ({
  type: query.type ? typeToProto(query.type as never) : ('INTERACTION_TYPE_UNSPECIFIED' as const),
  occurredFrom: query.from ?? '',
  occurredTo: query.to ?? '',
});

function mailOperation(interactions: InteractionClient): Operation {
  return defineOperation({
    method: 'post',
    path: `${INTERACTIONS_PATH}/mail`,
    operationId: 'ingestMail',
    summary: 'Log an email from its raw message',
    description:
      'The message as a BCC or forwarding drop delivers it (RFC 5322, MIME). It becomes one ' +
      'email interaction with every known contact among From, To and Cc (matched by address, ' +
      'case-insensitively); inbound when a known contact sent it. The same Message-ID (without ' +
      'one, the same bytes) answers the same interaction: 200 with created false. 422 when no ' +
      `address belongs to a known contact; 413 above ${INTERACTION_FIELD_LIMITS.rawMailBytes} bytes.`,
    tags,
    permission: 'interaction:write',
    rawBody: {
      contentTypes: MAIL_CONTENT_TYPES,
      limitBytes: INTERACTION_FIELD_LIMITS.rawMailBytes,
      description: 'The raw message.',
    },
    responses: {
      201: json(IngestedMailSchema, 'Logged.'),
      200: json(IngestedMailSchema, 'Logged before: the same interaction.'),
      ...problems(400, 403, 413, 415, 422),
    },
    async handle({ body, ctx, res }) {
      const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const answer = await interactions.IngestMail({ raw }, ctx);
      const resource = one(answer);
      res.status(answer.created ? 201 : 200);
      res.setHeader('Location', `/v1${INTERACTIONS_PATH}/${encodeURIComponent(resource.id)}`);
      res.json({
        interaction: resource,
        created: answer.created,
        unmatchedAddresses: answer.unmatchedAddresses,
      });
    },
  });
}

export function interactionOperations(interactions: InteractionClient): Operation[] {
  return [
    mailOperation(interactions),
    listOperation({
      path: INTERACTIONS_PATH,
      operationId: 'listInteractions',
      summary: 'List interactions',
      description:
        'Newest first (occurredAt, then id). Filters: a contact who took part, a type, a time ' +
        'range (from inclusive, to exclusive). Deleted ones are left out.',
      tags,
      permission: 'interaction:read',
      query: InteractionListQuerySchema,
      before: [listing('the interaction list', LISTING_FIELD_NAMES)],
      scope: 'interaction',
      filters: (q) => ({ contactId: q.contactId, type: q.type, from: q.from, to: q.to }),
      page: { schema: InteractionPageSchema, description: 'A page of interactions.' },
      async list({ query, ctx }, pageToken) {
        const page = await interactions.ListInteractions(
          {
            contactId: query.contactId ?? '',
            page: { pageSize: query.limit, pageToken },
            filter: filterOf(query),
          },
          ctx,
        );
        return {
          data: page.interactions.map(toInteractionResource),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
    createOperation({
      path: INTERACTIONS_PATH,
      operationId: 'createInteraction',
      summary: 'Log an interaction',
      description:
        'A call, meeting, letter, note... with 1..50 contacts. 422 when a participant is not a ' +
        'live contact of your tenant (each named in errors[]); a merged one is replaced by the ' +
        'contact it was merged into. You are its loggedBy.',
      tags,
      permission: 'interaction:write',
      body: CreateInteractionBodySchema,
      idempotent: contactsIn('participantContactIds'),
      answer: interaction('Logged.'),
      async create({ body, ctx }) {
        return one(await interactions.CreateInteraction(createInteractionRequest(body), ctx));
      },
    }),
    readOperation({
      path: `${INTERACTIONS_PATH}/{id}`,
      operationId: 'getInteraction',
      summary: 'Read an interaction',
      description: 'A deleted one still reads, with deletedAt set.',
      tags,
      permission: 'interaction:read',
      params: IdParamsSchema,
      answer: interaction('The interaction.'),
      async read({ params, ctx }) {
        return one(await interactions.GetInteraction({ id: params.id }, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: `${INTERACTIONS_PATH}/{id}`,
      operationId: 'updateInteraction',
      summary: 'Change an interaction',
      description:
        'Merge patch guarded by If-Match; null clears an optional field. New participants must ' +
        'be live contacts (422); those it named before may stay.',
      tags,
      permission: 'interaction:write',
      params: IdParamsSchema,
      body: PatchInteractionBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: interaction('The changed interaction.'),
      async write({ params, version, body, ctx }) {
        const req = updateInteractionRequest(params.id, version, body);
        return one(await interactions.UpdateInteraction(req, ctx));
      },
    }),
    versionedOperation({
      method: 'delete',
      path: `${INTERACTIONS_PATH}/{id}`,
      operationId: 'deleteInteraction',
      summary: 'Delete an interaction (soft)',
      description: 'It leaves every list and timeline. Guarded by If-Match.',
      tags,
      permission: 'interaction:write',
      params: IdParamsSchema,
      answer: interaction('The deleted interaction.'),
      async write({ params, version, ctx }) {
        const req = { id: params.id, expectedVersion: String(version) };
        return one(await interactions.DeleteInteraction(req, ctx));
      },
    }),
  ];
}
