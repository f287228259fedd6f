// /v1/matching-rules, /v1/duplicates, and per record /v1/{contacts,organizations}/{id}/duplicates
// and .../merge, over DuplicateService, each operation declared once for Express and OpenAPI.
// Merge is naturally idempotent (the same pair again answers the same result), so it needs no
// Idempotency-Key; If-Match is optional on it and names the survivor's version you looked at.
import type { Request, RequestHandler } from 'express';
import { required } from '../../grpc/upstream-client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { etagHeader, json, problems } from '../../http/openapi-kit';
import { GatewayError } from '../../http/problem';
import { etagOf, listing, versionFromIfMatch } from '../../http/route-helpers';
import { IdParamsSchema, IF_MATCH_PATTERN } from '../../http/schemas/parameters.schema';
import { z } from '../../http/schemas/zod';
import type { ContactClient, DuplicateClient } from './contact.client';
import { protoKindOf, toResource } from './contact.mapper';
import type { ResourceKind } from './contact.mapper';
import { fetchContactOfKind } from './contact-of-kind';
import {
  toDuplicateMatchResource,
  toDuplicatePairResource,
  toMatchingRulesResource,
} from './duplicate.mapper';
import {
  DuplicateListSchema,
  DuplicateScanPageSchema,
  DuplicateScanQuerySchema,
  MatchingRulesSchema,
  MergeBodySchema,
  MergeResultSchema,
  PutMatchingRulesBodySchema,
} from './duplicate.schema';

const tags = ['Duplicates'];

const RULES_IF_MATCH_PATTERN = new RegExp(`^"0"$|${IF_MATCH_PATTERN.source}`);
const RulesIfMatchSchema = z.object({
  'if-match': z.string().regex(RULES_IF_MATCH_PATTERN).openapi({
    description: 'Required. The version you read, e.g. "0" while the tenant uses the defaults.',
    example: '"0"',
  }),
});

const OptionalIfMatchSchema = z.object({
  'if-match': z.string().regex(IF_MATCH_PATTERN).optional().openapi({
    description: "Optional. The survivor's version you looked at: 409 if it changed since.",
    example: '"3"',
  }),
});

/** Matching rules start at version 0 (the defaults), which the contact routes' rule refuses. */
function rulesVersionFromIfMatch(req: Request): number {
  const header = req.get('if-match')?.trim();
  if (header === '"0"') return 0;
  return versionFromIfMatch(req);
}

const rulesAnswer = json(MatchingRulesSchema, 'The matching rules.', etagHeader);
const rulesOf = (res: { matchingRules: Parameters<typeof toMatchingRulesResource>[0] | null }) =>
  toMatchingRulesResource(required(res.matchingRules, 'matching rules'));

function perKind(
  kind: ResourceKind,
  path: string,
  noun: string,
  contacts: ContactClient,
  duplicates: DuplicateClient,
): Operation[] {
  const lower = noun.toLowerCase();
  // Tells the error mapper how to name the service's field errors in REST terms.
  const ofKind: RequestHandler = (_req, res, next) => {
    res.locals.resourceKind = kind;
    next();
  };
  return [
    defineOperation({
      method: 'get',
      path: `${path}/{id}/duplicates`,
      operationId: `list${noun}Duplicates`,
      summary: `Likely duplicates of a ${lower}`,
      description:
        `Live ${lower}s of your tenant whose matched rules weigh at least the threshold, ` +
        'best first, with the score and the rules that matched (at most 200 candidates are ' +
        'scored). A merged record answers 404 naming its survivor.',
      tags,
      permission: 'contact:read',
      before: [ofKind],
      params: IdParamsSchema,
      responses: { 200: json(DuplicateListSchema, 'The duplicates.'), ...problems(400, 403, 404) },
      async handle({ params, ctx, res }) {
        const request = { contactId: params.id, kind: protoKindOf(kind) };
        const { duplicates: matches } = await duplicates.ListDuplicates(request, ctx);
        res.json({ data: matches.map(toDuplicateMatchResource) });
      },
    }),
    defineOperation({
      method: 'post',
      path: `${path}/{id}/merge`,
      operationId: `merge${noun}`,
      summary: `Merge another ${lower} into this one`,
      description:
        'This record survives; the victim becomes a tombstone pointing at it (reading it ' +
        'answers 404 naming the end of its merge chain in mergedInto). Emails, phones, ' +
        'addresses and tags are unioned; ' +
        'consent histories joined (an opt-out on either side stays current); do-not-contact ' +
        'and deceased are kept if either has them. Idempotent: the same merge again answers ' +
        'the same result and finishes one a failure interrupted. Merges sharing a record run ' +
        'one at a time: 409 with Retry-After when another merge holds either record, or the ' +
        "victim's own earlier merge is still moving records to it (send the same request " +
        'again). 422 when the victim was merged into another record or is of another kind.',
      tags,
      permission: 'contact:merge',
      before: [ofKind],
      params: IdParamsSchema,
      headers: OptionalIfMatchSchema,
      body: MergeBodySchema,
      absentBodyAsEmpty: true,
      responses: {
        200: json(MergeResultSchema, 'The survivor after the merge.', etagHeader),
        ...problems(400, 403, 404, 409, 422),
      },
      async handle({ params, body, ctx, req, res }) {
        const survivorVersion = req.get('if-match') === undefined ? 0 : versionFromIfMatch(req);
        // /organizations/{personId}/merge is a 404, like every other route of the kind.
        await fetchContactOfKind(contacts, kind, params.id, ctx);
        const result = await duplicates.MergeContacts(
          {
            survivorId: params.id,
            victimId: body.victimId,
            expectedSurvivorVersion: String(survivorVersion),
            expectedVictimVersion: String(body.victimVersion ?? 0),
            fieldChoices: body.fieldChoices as Record<string, string>,
          },
          ctx,
        );
        const survivor = result.survivor && toResource(result.survivor);
        if (!survivor) throw new GatewayError('not-found', `No ${kind} with this id.`);
        res.setHeader('ETag', etagOf(survivor.version));
        res.json({ survivor, victimId: result.victimId });
      },
    }),
  ];
}

export function duplicateOperations(
  contacts: ContactClient,
  duplicates: DuplicateClient,
): Operation[] {
  return [
    defineOperation({
      method: 'get',
      path: '/matching-rules',
      operationId: 'getMatchingRules',
      summary: "Your tenant's duplicate matching rules",
      description:
        'Rules of fields with weights, and a threshold. The defaults (version 0) apply until ' +
        'you store your own.',
      tags,
      permission: 'contact:read',
      responses: { 200: rulesAnswer, ...problems(403) },
      async handle({ ctx, res }) {
        const rules = rulesOf(await duplicates.GetMatchingRules({}, ctx));
        res.setHeader('ETag', etagOf(rules.version)).json(rules);
      },
    }),
    defineOperation({
      method: 'put',
      path: '/matching-rules',
      operationId: 'putMatchingRules',
      summary: 'Replace the matching rules',
      description:
        'Guarded by If-Match ("0" to replace the defaults). 422 when the threshold can never ' +
        'be reached or a rule is invalid.',
      tags,
      permission: 'matching-rules:manage',
      before: [
        (req, _res, next) => {
          // The version is read before the body: 428/400 come first, as on every If-Match.
          rulesVersionFromIfMatch(req);
          next();
        },
      ],
      headers: RulesIfMatchSchema,
      body: PutMatchingRulesBodySchema,
      responses: { 200: rulesAnswer, ...problems(400, 403, 409, 422, 428) },
      async handle({ body, ctx, req, res }) {
        const request = {
          expectedVersion: String(rulesVersionFromIfMatch(req)),
          threshold: body.threshold,
          rules: body.rules,
        };
        const rules = rulesOf(await duplicates.PutMatchingRules(request, ctx));
        res.setHeader('ETag', etagOf(rules.version)).json(rules);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/duplicates',
      operationId: 'scanDuplicates',
      summary: 'Every duplicate pair of your tenant',
      description:
        'A synchronous scan: each page reads your live contacts once (up to 20,000, in ' +
        'creation order; `truncated` says when there are more) and pairs only records that ' +
        'share a match key. Best pairs first; page with nextCursor.',
      tags,
      permission: 'contact:read',
      before: [listing('the duplicate list')],
      query: DuplicateScanQuerySchema,
      responses: { 200: json(DuplicateScanPageSchema, 'A page of pairs.'), ...problems(400, 403) },
      async handle({ query, ctx, res }) {
        const page = await duplicates.ScanDuplicates(
          {
            pageSize: query.limit,
            pageToken: query.cursor ?? '',
            ...(query.kind ? { kind: protoKindOf(query.kind) } : {}),
          },
          ctx,
        );
        res.json({
          data: page.pairs.map(toDuplicatePairResource),
          nextCursor: page.nextPageToken || null,
          scannedContacts: page.scannedContacts,
          truncated: page.truncated,
          skippedKeys: [...page.skippedKeys],
        });
      },
    }),
    ...perKind('person', '/contacts', 'Person', contacts, duplicates),
    ...perKind('organization', '/organizations', 'Organization', contacts, duplicates),
  ];
}
