// OpenAPI registration of the duplicate routes (duplicates.routes.ts), from the same zod
// schemas that validate their requests. Called by openApiDocument().
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { etagHeader, json, problems, rolesNote } from '../../http/openapi-kit';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  DuplicateListSchema,
  DuplicateScanPageSchema,
  DuplicateScanQuerySchema,
  MatchingRulesSchema,
  MergeBodySchema,
  MergeResultSchema,
  PutMatchingRulesBodySchema,
} from './duplicate.schema';
import { z } from '../../http/schemas/zod';

const TAG = 'Duplicates';

const RulesIfMatchSchema = z.object({
  'if-match': z.string().openapi({
    description: 'Required. The version you read, e.g. "0" while the tenant uses the defaults.',
    example: '"0"',
  }),
});

const OptionalIfMatchSchema = z.object({
  'if-match': z.string().optional().openapi({
    description: "Optional. The survivor's version you looked at: 409 if it changed since.",
    example: '"3"',
  }),
});

function perKind(path: string, noun: string): RouteConfig[] {
  const tagNoun = noun.toLowerCase();
  return [
    {
      method: 'get',
      path: `${path}/{id}/duplicates`,
      operationId: `list${noun}Duplicates`,
      summary: `Likely duplicates of a ${tagNoun}`,
      description:
        `Live ${tagNoun}s of your tenant whose matched rules weigh at least the threshold, ` +
        'best first, with the score and the rules that matched (at most 200 candidates are ' +
        `scored). A merged record answers 404 naming its survivor. ${rolesNote('contact:read')}`,
      request: { params: IdParamsSchema },
      responses: { 200: json(DuplicateListSchema, 'The duplicates.'), ...problems(400, 403, 404) },
    },
    {
      method: 'post',
      path: `${path}/{id}/merge`,
      operationId: `merge${noun}`,
      summary: `Merge another ${tagNoun} into this one`,
      description:
        'This record survives; the victim becomes a tombstone pointing at it (reading it ' +
        'answers 404 naming the end of its merge chain in mergedInto). Emails, phones, ' +
        'addresses and tags are unioned; ' +
        'consent histories joined (an opt-out on either side stays current); do-not-contact ' +
        'and deceased are kept if either has them. Idempotent: the same merge again answers ' +
        'the same result and finishes one a failure interrupted. Merges sharing a record run ' +
        'one at a time: 409 with Retry-After when another merge holds either record, or the ' +
        "victim's own earlier merge is still moving records to it (send the same request " +
        'again). 422 when the victim was merged into another record or is of another kind. ' +
        rolesNote('contact:merge'),
      request: {
        params: IdParamsSchema,
        headers: OptionalIfMatchSchema,
        body: { required: true, content: { 'application/json': { schema: MergeBodySchema } } },
      },
      responses: {
        200: json(MergeResultSchema, 'The survivor after the merge.', etagHeader),
        ...problems(400, 403, 404, 409, 422),
      },
    },
  ];
}

export function registerDuplicateRoutes(registry: OpenAPIRegistry): void {
  const rules = json(MatchingRulesSchema, 'The matching rules.', etagHeader);
  const routes: RouteConfig[] = [
    {
      method: 'get',
      path: '/matching-rules',
      operationId: 'getMatchingRules',
      summary: "Your tenant's duplicate matching rules",
      description:
        'Rules of fields with weights, and a threshold. The defaults (version 0) apply until ' +
        `you store your own. ${rolesNote('contact:read')}`,
      responses: { 200: rules, ...problems(403) },
    },
    {
      method: 'put',
      path: '/matching-rules',
      operationId: 'putMatchingRules',
      summary: 'Replace the matching rules',
      description:
        'Guarded by If-Match ("0" to replace the defaults). 422 when the threshold can never ' +
        `be reached or a rule is invalid. ${rolesNote('matching-rules:manage')}`,
      request: {
        headers: RulesIfMatchSchema,
        body: {
          required: true,
          content: { 'application/json': { schema: PutMatchingRulesBodySchema } },
        },
      },
      responses: { 200: rules, ...problems(400, 403, 409, 422, 428) },
    },
    {
      method: 'get',
      path: '/duplicates',
      operationId: 'scanDuplicates',
      summary: 'Every duplicate pair of your tenant',
      description:
        'A synchronous scan: each page reads your live contacts once (up to 20,000, in ' +
        'creation order; `truncated` says when there are more) and pairs only records that ' +
        'share a match key. Best pairs first; page with nextCursor. ' +
        rolesNote('contact:read'),
      request: { query: DuplicateScanQuerySchema },
      responses: { 200: json(DuplicateScanPageSchema, 'A page of pairs.'), ...problems(400, 403) },
    },
    ...perKind('/contacts', 'Person'),
    ...perKind('/organizations', 'Organization'),
  ];
  for (const route of routes) {
    registry.registerPath({ ...route, tags: [TAG], path: `/v1${route.path}` });
  }
}
