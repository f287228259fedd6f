// /v1/campaigns: email campaigns to a segment, their send and their attribution. A send
// creates messages: Idempotency-Key is required (428 without); the gateway replays the stored
// answer to a retry and the service starts one send per campaign, so the same send POSTed twice
// at once is one send. It answers 202 at once: the campaign shows its counts as it goes.
import { NO_CONTACTS } from '../../domain/idempotency';
import { required } from '../../grpc/upstream-client';
import { defineOperation, type Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import { createOperation, listOperation, readOperation } from '../../http/resource-operations';
import { etagOf } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { CampaignClient } from './marketing.client';
import { toAttributionResource, toCampaignResource } from './marketing.mapper';
import {
  AttributionSchema,
  CampaignPageSchema,
  CampaignSchema,
  CreateCampaignBodySchema,
  ListQuerySchema,
} from './marketing.schema';

export const CAMPAIGNS_PATH = '/campaigns';
const tags = ['Campaigns'];
const campaign = (description: string) => ({ schema: CampaignSchema, description });
const one = (res: { campaign: Parameters<typeof toCampaignResource>[0] | null }) =>
  toCampaignResource(required(res.campaign, 'a campaign'));

export function campaignOperations(campaigns: CampaignClient): Operation[] {
  return [
    createOperation({
      path: CAMPAIGNS_PATH,
      operationId: 'createCampaign',
      summary: 'Create an email campaign',
      description:
        'A draft to a segment, with subject and body templates ({{firstName|there}}: the value, ' +
        'or the default when the contact has none). 422 when the segment is not a live one.',
      tags,
      permission: 'campaign:write',
      body: CreateCampaignBodySchema,
      idempotent: NO_CONTACTS,
      answer: campaign('Created.'),
      async create({ body, ctx }) {
        return one(
          await campaigns.CreateCampaign(
            {
              name: body.name,
              segmentId: body.segmentId,
              subjectTemplate: body.subjectTemplate,
              bodyTemplate: body.bodyTemplate,
              sourceCode: body.sourceCode ?? '',
              fromAddress: body.fromAddress ?? '',
            },
            ctx,
          ),
        );
      },
    }),
    listOperation({
      path: CAMPAIGNS_PATH,
      operationId: 'listCampaigns',
      summary: 'List campaigns',
      description: 'In creation order.',
      tags,
      permission: 'campaign:read',
      query: ListQuerySchema,
      scope: 'campaign',
      page: { schema: CampaignPageSchema, description: 'A page of campaigns.' },
      async list({ query, ctx }, pageToken) {
        const page = await campaigns.ListCampaigns(
          { page: { pageSize: query.limit, pageToken } },
          ctx,
        );
        return {
          data: page.campaigns.map(toCampaignResource),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
    readOperation({
      path: `${CAMPAIGNS_PATH}/{id}`,
      operationId: 'getCampaign',
      summary: 'Read a campaign',
      description: 'While sending, its counts are those of the last checkpoint.',
      tags,
      permission: 'campaign:read',
      params: IdParamsSchema,
      answer: campaign('The campaign.'),
      async read({ params, ctx }) {
        return one(await campaigns.GetCampaign({ id: params.id }, ctx));
      },
    }),
    defineOperation({
      method: 'post',
      path: `${CAMPAIGNS_PATH}/{id}/send`,
      operationId: 'sendCampaign',
      summary: 'Send a campaign',
      description:
        'Idempotency-Key is required (428 without it). Starts the send and answers 202 with the ' +
        'campaign (state sending): the audience is resolved now, each recipient checked for ' +
        'reachability as they are reached and mailed at most once, also across a restart; every ' +
        'exclusion is counted by reason. 422 when the campaign is sending or sent under another ' +
        'key, or its segment was deleted.',
      tags,
      permission: 'campaign:send',
      params: IdParamsSchema,
      idempotent: NO_CONTACTS,
      idempotencyKeyRequired: true,
      responses: {
        202: json(CampaignSchema, 'The send started.'),
        ...problems(400, 403, 404, 409, 422, 428),
      },
      async handle({ params, ctx, res }) {
        const sending = one(await campaigns.SendCampaign({ id: params.id }, ctx));
        res.setHeader('Location', `/v1${CAMPAIGNS_PATH}/${encodeURIComponent(params.id)}`);
        res.setHeader('ETag', etagOf(sending.version));
        res.status(202).json(sending);
      },
    }),
    defineOperation({
      method: 'get',
      path: `${CAMPAIGNS_PATH}/{id}/attribution`,
      operationId: 'getCampaignAttribution',
      summary: "A campaign's results",
      description:
        "Gifts carrying the campaign's id or its source code: responses (distinct donors), " +
        'response rate (responses per message sent), amount raised per currency net of refunds.',
      tags,
      permission: 'campaign:read',
      params: IdParamsSchema,
      responses: { 200: json(AttributionSchema, 'The attribution.'), ...problems(400, 403, 404) },
      async handle({ params, ctx, res }) {
        res.json(
          toAttributionResource(await campaigns.GetCampaignAttribution({ id: params.id }, ctx)),
        );
      },
    }),
  ];
}
