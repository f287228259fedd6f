// kith.contact.v1 DuplicateService messages <-> domain types.
import type { contactV1, duplicateV1 } from '@kith/contracts';
import type { ContactKind } from '../domain/contact';
import { ContactError } from '../domain/contact-error';
import type { DuplicateCandidate } from '../domain/contact-matching';
import type { FieldChoices, MergeCommand } from '../domain/contact-merge';
import type { DuplicatePair } from '../domain/duplicate-scan';
import type { EffectiveMatchingRules } from '../domain/matching-rules-decisions';
import type { MatchRow } from '../store/duplicate-candidates.reader';

const KIND_TO_PROTO: Record<ContactKind, contactV1.ContactKind__Output> = {
  person: 'CONTACT_KIND_PERSON',
  organization: 'CONTACT_KIND_ORGANIZATION',
};

export function matchingRulesToProto(rules: EffectiveMatchingRules): duplicateV1.MatchingRules {
  return {
    version: String(rules.version),
    threshold: rules.threshold,
    rules: rules.rules.map((rule) => ({ ...rule, fields: [...rule.fields] })),
    isDefault: rules.isDefault,
    updatedAt: rules.isDefault ? '' : rules.updatedAt,
  };
}

function duplicateContactToProto(row: MatchRow): duplicateV1.DuplicateContact {
  return {
    id: row.id,
    kind: KIND_TO_PROTO[row.kind],
    displayName: row.displayName,
    version: String(row.version),
  };
}

export function duplicateMatchToProto(
  match: DuplicateCandidate<MatchRow>,
): duplicateV1.DuplicateMatch {
  return {
    contact: duplicateContactToProto(match.contact),
    score: match.score,
    matchedRules: [...match.matchedRules],
  };
}

export function duplicatePairToProto(pair: DuplicatePair<MatchRow>): duplicateV1.DuplicatePair {
  return {
    a: duplicateContactToProto(pair.a),
    b: duplicateContactToProto(pair.b),
    score: pair.score,
    matchedRules: [...pair.matchedRules],
  };
}

/** 0 (the proto default) means "not checked". */
function optionalVersion(value: string | undefined, field: string): number | undefined {
  const version = Number(value ?? '0');
  if (!Number.isSafeInteger(version) || version < 0) {
    throw ContactError.validation([{ field, message: 'must be a version number' }]);
  }
  return version === 0 ? undefined : version;
}

export function mergeCommandFromProto(
  req: duplicateV1.MergeContactsRequest__Output,
  ctx: { tenantId: string; userId?: string },
): MergeCommand {
  const survivorVersion = optionalVersion(req.expectedSurvivorVersion, 'expectedSurvivorVersion');
  const victimVersion = optionalVersion(req.expectedVictimVersion, 'expectedVictimVersion');
  return {
    tenantId: ctx.tenantId,
    survivorId: req.survivorId.trim(),
    victimId: req.victimId.trim(),
    // Values other than survivor/victim are refused by the decision, naming the field.
    fieldChoices: { ...(req.fieldChoices ?? {}) } as FieldChoices,
    ...(survivorVersion !== undefined ? { expectedSurvivorVersion: survivorVersion } : {}),
    ...(victimVersion !== undefined ? { expectedVictimVersion: victimVersion } : {}),
    ...(ctx.userId ? { actorId: ctx.userId } : {}),
  };
}
