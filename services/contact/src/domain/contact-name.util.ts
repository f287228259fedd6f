// Derived names: what a list shows (display name) and what a name-prefix search matches
// (normalized search names). Both are recomputed on every change, never sent by clients.
import type { ContactKind, OrganizationProfile, PersonName } from './contact';

// Letters that Unicode does not decompose into base letter + accent, so NFKD alone
// would leave "Øster" unreachable from the query "oster".
const UNDECOMPOSABLE: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Lowercase, strip accents and apostrophes, collapse whitespace: "  Zoë  O'Brien " -> "zoe obrien".
 * Queries go through the same function, so "o'b" and "ob" find the same people.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => UNDECOMPOSABLE[c] ?? c)
    .replace(/['’`´]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Jane Smith" for a person (preferred name over first name), the name for an organization. */
export function deriveDisplayName(
  kind: ContactKind,
  person: PersonName | undefined,
  organization: OrganizationProfile | undefined,
): string {
  if (kind === 'organization') return organization?.name ?? '';
  const given = person?.preferredName ?? person?.firstName;
  return [given, person?.lastName].filter((part): part is string => Boolean(part)).join(' ');
}

/** The distinct normalized names a name-prefix filter can match. */
export function deriveSearchNames(
  displayName: string,
  person: PersonName | undefined,
  organization: OrganizationProfile | undefined,
): string[] {
  const candidates = [
    displayName,
    person?.firstName,
    person?.lastName,
    person?.preferredName,
    organization?.name,
  ];
  const names = candidates
    .filter((name): name is string => Boolean(name))
    .map(normalizeSearchText)
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}
