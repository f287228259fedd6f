// kith.contact.v1.DuplicateService: translate proto <-> domain, call the use case, nothing
// else. The tenant always comes from call metadata (CallContext), never from the request.
import type { duplicateV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions, versionFromProto } from '@kith/grpc-kit';
import type { Logger } from '@kith/logger';
import type { ContactMergeService } from '../app/contact-merge.service';
import type { DuplicateService } from '../app/duplicate.service';
import { mapContactError } from './contact-error.mapper';
import { contactToProto, kindFromProto } from './contact-proto.mapper';
import {
  duplicateMatchToProto,
  duplicatePairToProto,
  matchingRulesToProto,
  mergeCommandFromProto,
} from './duplicate-proto.mapper';

type Rules = { matchingRules: duplicateV1.MatchingRules };

export function duplicateHandlers(
  duplicates: DuplicateService,
  merges: ContactMergeService,
  logger: Logger,
): duplicateV1.DuplicateServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    GetMatchingRules: unaryHandler<duplicateV1.GetMatchingRulesRequest__Output, Rules>(
      async (_req, ctx) => ({
        matchingRules: matchingRulesToProto(await duplicates.getRules(ctx.tenantId)),
      }),
      opts,
    ),

    PutMatchingRules: unaryHandler<duplicateV1.PutMatchingRulesRequest__Output, Rules>(
      async (req, ctx) => {
        const rules = await duplicates.putRules({
          tenantId: ctx.tenantId,
          expectedVersion: versionFromProto(req.expectedVersion),
          rules: { threshold: req.threshold, rules: req.rules },
          ...(ctx.userId ? { actorId: ctx.userId } : {}),
        });
        return { matchingRules: matchingRulesToProto(rules) };
      },
      opts,
    ),

    ListDuplicates: unaryHandler<
      duplicateV1.ListDuplicatesRequest__Output,
      duplicateV1.ListDuplicatesResponse
    >(async (req, ctx) => {
      const matches = await duplicates.listDuplicates(
        ctx.tenantId,
        req.contactId,
        kindFromProto(req.kind),
      );
      return { duplicates: matches.map(duplicateMatchToProto) };
    }, opts),

    ScanDuplicates: unaryHandler<
      duplicateV1.ScanDuplicatesRequest__Output,
      duplicateV1.ScanDuplicatesResponse
    >(async (req, ctx) => {
      const kind = kindFromProto(req.kind);
      const page = await duplicates.scan({
        tenantId: ctx.tenantId,
        ...(kind ? { kind } : {}),
        pageSize: req.pageSize,
        pageToken: req.pageToken,
      });
      return {
        pairs: page.pairs.map(duplicatePairToProto),
        nextPageToken: page.nextPageToken ?? '',
        scannedContacts: page.scannedContacts,
        truncated: page.truncated,
        skippedKeys: page.skippedKeys,
      };
    }, opts),

    MergeContacts: unaryHandler<
      duplicateV1.MergeContactsRequest__Output,
      duplicateV1.MergeContactsResponse
    >(async (req, ctx) => {
      const { survivor, victim } = await merges.merge(mergeCommandFromProto(req, ctx));
      return { survivor: contactToProto(survivor), victimId: victim.id };
    }, opts),
  };
}
