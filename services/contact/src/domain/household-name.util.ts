// Generated household names, after NPSP's household naming: a formal name for envelopes
// ("Jane and John Smith") and an informal greeting for letters ("Jane and John"), built
// from the current adult members in the order they joined. Rules (unit-tested):
//  - members sharing a last name are grouped: "Jane and John Smith", "Jane, John and Ann Smith";
//  - different last names stay apart: "Jane Smith and John Doe";
//    mixed: "Jane and John Smith and Ann Doe" (groups in order of first appearance);
//  - one adult: "Jane Smith" / "Jane";
//  - no current adult but children: the family, not the children, is addressed
//    (one does not write to minors by name): "The Smith Household" / "The Smith Family";
//  - nobody with a name: "Unnamed Household" / "Friends" (like NPSP's anonymous household).
// A member without a first name counts by last name ("Smith"), one without a last name by
// first name. A deceased member no longer names the household while a living member remains
// (one does not write "Dear Jane and John" to John's widow); when every current member has
// died, they all still count, so the household keeps a name. Overrides win over all of this,
// in withNames (household-decisions.ts), and are never changed by a death.
import { currentMembers, type HouseholdMember, type MemberNameSnapshot } from './household';

export const UNNAMED_HOUSEHOLD = { name: 'Unnamed Household', greeting: 'Friends' } as const;

export interface HouseholdNames {
  name: string;
  greeting: string;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The generated names for these members (current ones only count). */
export function generateHouseholdNames(members: readonly HouseholdMember[]): HouseholdNames {
  const present = namingMembers(currentMembers({ members: [...members] })).filter(hasName);
  const adults = present.filter((m) => m.role === 'adult');
  if (adults.length > 0) return { name: formalName(adults), greeting: informalGreeting(adults) };
  const lastNames = distinct(present.map((m) => m.lastName).filter(isText));
  if (lastNames.length > 0) {
    const family = joinNames(lastNames);
    return { name: `The ${family} Household`, greeting: `The ${family} Family` };
  }
  const children = present.map((m) => m.firstName).filter(isText);
  if (children.length > 0) return { name: joinNames(children), greeting: joinNames(children) };
  return { ...UNNAMED_HOUSEHOLD };
}

/** Groups by last name in order of first appearance: "Jane and John Smith and Ann Doe". */
function formalName(people: readonly MemberNameSnapshot[]): string {
  const groups = new Map<string, string[]>();
  for (const person of people) {
    const last = person.lastName ?? '';
    const firsts = groups.get(last) ?? [];
    if (person.firstName) firsts.push(person.firstName);
    groups.set(last, firsts);
  }
  const parts = [...groups].map(([last, firsts]) =>
    [joinNames(firsts), last].filter((part) => part !== '').join(' '),
  );
  return joinNames(parts);
}

function informalGreeting(people: readonly MemberNameSnapshot[]): string {
  return joinNames(people.map((p) => p.firstName ?? p.lastName).filter(isText));
}

/** The living current members, or all current members when none of them lives. */
function namingMembers(current: readonly HouseholdMember[]): HouseholdMember[] {
  const living = current.filter((m) => m.deceased !== true);
  return living.length > 0 ? living : [...current];
}

function hasName(member: MemberNameSnapshot): boolean {
  return isText(member.firstName) || isText(member.lastName);
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
