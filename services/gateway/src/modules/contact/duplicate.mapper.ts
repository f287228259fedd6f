// DuplicateService messages -> REST resources (camelCase JSON, numbers for versions).
import type { duplicateV1 } from '@kith/contracts';
import type { z } from 'zod';
import type { DuplicateContactSchema } from './duplicate.schema';

type DuplicateContactResource = z.output<typeof DuplicateContactSchema>;

export function toMatchingRulesResource(rules: duplicateV1.MatchingRules__Output) {
  return {
    version: Number(rules.version),
    isDefault: rules.isDefault,
    threshold: rules.threshold,
    rules: rules.rules.map((rule) => ({
      name: rule.name,
      fields: [...rule.fields],
      weight: rule.weight,
    })),
    updatedAt: rules.updatedAt || null,
  };
}

function toDuplicateContact(
  contact: duplicateV1.DuplicateContact__Output | null,
): DuplicateContactResource {
  return {
    id: contact?.id ?? '',
    kind: contact?.kind === 'CONTACT_KIND_ORGANIZATION' ? 'organization' : 'person',
    displayName: contact?.displayName ?? '',
    version: Number(contact?.version ?? 0),
  };
}

export function toDuplicateMatchResource(match: duplicateV1.DuplicateMatch__Output) {
  return {
    contact: toDuplicateContact(match.contact),
    score: match.score,
    matchedRules: [...match.matchedRules],
  };
}

export function toDuplicatePairResource(pair: duplicateV1.DuplicatePair__Output) {
  return {
    contacts: [toDuplicateContact(pair.a), toDuplicateContact(pair.b)],
    score: pair.score,
    matchedRules: [...pair.matchedRules],
  };
}
