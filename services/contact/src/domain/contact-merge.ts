// Merging two contacts (CiviCRM's "merge screen", Salesforce's "master record"): the survivor
// absorbs the victim, which stays as a tombstone pointing at it. Pure: the clock is passed in,
// the saga that writes both documents lives in app/contact-merge.service.ts.
import { mergeCommunication, unionConsentHistory } from './consent-merge';
import type { Contact, ContactFieldsInput, ContactKind } from './contact';
import { ContactError, ContactErrorCode, type ContactFieldError } from './contact-error';
import { deriveDisplayName, deriveSearchNames } from './contact-name.util';
import { normalizeTags, validateContactFields } from './contact-validation';
import { normalizePostalCode, type PostalAddress } from './postal-address';

// Flat names (no '.'): choices are stored in the merge record and the event, and FerretDB
// refuses '.' in field names. Each maps to where the value lives.
const CHOICE_PATHS = {
  prefix: ['person', 'prefix'],
  firstName: ['person', 'firstName'],
  middleName: ['person', 'middleName'],
  lastName: ['person', 'lastName'],
  suffix: ['person', 'suffix'],
  preferredName: ['person', 'preferredName'],
  birthDate: [undefined, 'birthDate'],
  gender: [undefined, 'gender'],
  pronouns: [undefined, 'pronouns'],
  deceasedDate: [undefined, 'deceasedDate'],
  organizationName: ['organization', 'name'],
  organizationType: ['organization', 'organizationType'],
  website: ['organization', 'website'],
  source: [undefined, 'source'],
  ownerId: [undefined, 'ownerId'],
} as const satisfies Record<string, readonly [('person' | 'organization') | undefined, string]>;
type ChoiceField = keyof typeof CHOICE_PATHS;

/** The scalar fields a merge chooses per field, by kind. Lists are always unioned. */
export const MERGE_CHOICE_FIELDS: Record<ContactKind, readonly ChoiceField[]> = {
  person: [
    'prefix',
    'firstName',
    'middleName',
    'lastName',
    'suffix',
    'preferredName',
    'birthDate',
    'gender',
    'pronouns',
    'deceasedDate',
    'source',
    'ownerId',
  ],
  organization: ['organizationName', 'organizationType', 'website', 'source', 'ownerId'],
};

export type MergeSide = 'survivor' | 'victim';
/** Field -> side whose value wins. A field not named keeps the survivor's value unless empty. */
export type FieldChoices = Record<string, MergeSide>;

export interface MergeCommand {
  tenantId: string;
  survivorId: string;
  victimId: string;
  /** Optional If-Match checks: the versions the user looked at on the merge screen. */
  expectedSurvivorVersion?: number;
  expectedVictimVersion?: number;
  fieldChoices: FieldChoices;
  actorId?: string;
}

export interface MergeDecision {
  survivor: Contact;
  victim: Contact;
  /** Every scalar field with the side its value came from (defaults included). */
  fieldChoices: FieldChoices;
}

/**
 * The survivor after absorbing the victim, and the victim's tombstone. Refuses: the same id,
 * another tenant (NOT_FOUND), different kinds, a deleted or already merged side, stale
 * expected versions, unknown field choices, or a union that breaks the contact's limits.
 */
export function decideMerge(
  survivor: Contact | undefined,
  victim: Contact | undefined,
  command: MergeCommand,
  now: string,
): MergeDecision {
  checkMergeable(survivor, victim, command);
  const s = survivor as Contact;
  const v = victim as Contact;
  const choices = resolveChoices(s, v, command.fieldChoices);
  const pick = (field: ChoiceField): string | undefined =>
    valueOf(choices[field] === 'victim' ? v : s, field);
  const input: ContactFieldsInput = {
    emails: unionBy([...s.emails], v.emails, (e) => e.address).map((e) => ({
      ...e,
      // A bounce on either record counts: the address is the same mailbox.
      valid: e.valid && !v.emails.some((x) => x.address === e.address && !x.valid),
    })),
    phones: unionBy([...s.phones], v.phones, (p) => p.normalized),
    addresses: unionBy([...s.addresses], v.addresses, addressKey),
    tags: normalizeTags([...s.tags, ...v.tags]),
    deceased: s.deceased || v.deceased,
    doNotContact: s.doNotContact || v.doNotContact,
  };
  for (const field of MERGE_CHOICE_FIELDS[s.kind]) {
    const value = pick(field);
    if (value === undefined) continue;
    const [group, part] = CHOICE_PATHS[field];
    if (group === 'person') input.person = { ...input.person, [part]: value };
    else if (group === 'organization')
      input.organization = { ...input.organization, [part]: value };
    else (input as Record<string, unknown>)[part] = value;
  }
  const { fields, errors } = validateContactFields(s.kind, input, { now });
  if (errors.length > 0) {
    throw ContactError.validation(errors.map((e) => ({ ...e, field: `merged.${e.field}` })));
  }
  const displayName = deriveDisplayName(s.kind, fields.person, fields.organization);
  const consentHistory = unionConsentHistory(s.consentHistory, v.consentHistory);
  const merged: Contact = {
    ...fields,
    id: s.id,
    tenantId: s.tenantId,
    kind: s.kind,
    version: s.version + 1,
    displayName,
    searchNames: deriveSearchNames(displayName, fields.person, fields.organization),
    // Custom field values: the survivor's, with the victim's where the survivor has none.
    customFields: { ...v.customFields, ...s.customFields },
    communication: mergeCommunication(s.communication, v.communication),
    consentHistory,
    createdAt: s.createdAt < v.createdAt ? s.createdAt : v.createdAt,
    updatedAt: now,
    mergedFrom: [...(s.mergedFrom ?? []), v.id],
    // The survivor's own household place; the victim's reaches it through re-pointing.
    ...(s.householdAddress ? { householdAddress: s.householdAddress } : {}),
  };
  const tombstone: Contact = {
    ...v,
    version: v.version + 1,
    updatedAt: now,
    deletedAt: now,
    mergedInto: s.id,
  };
  return { survivor: merged, victim: tombstone, fieldChoices: choices };
}

function checkMergeable(
  survivor: Contact | undefined,
  victim: Contact | undefined,
  command: MergeCommand,
): void {
  if (command.survivorId === command.victimId) {
    throw ContactError.validation([
      {
        field: 'victimId',
        message: 'must differ from the survivor: a contact cannot absorb itself',
      },
    ]);
  }
  for (const [contact, id] of [
    [survivor, command.survivorId],
    [victim, command.victimId],
  ] as const) {
    if (!contact || contact.tenantId !== command.tenantId || contact.id !== id) {
      throw ContactError.notFound(id);
    }
    if (contact.mergedInto) {
      throw ContactError.failedPrecondition(
        `contact ${id} was merged into ${contact.mergedInto}`,
        [],
        { mergedInto: contact.mergedInto },
      );
    }
    if (contact.deletedAt) throw ContactError.alreadyDeleted(id);
  }
  const s = survivor as Contact;
  const v = victim as Contact;
  if (s.kind !== v.kind) {
    throw ContactError.failedPrecondition(`cannot merge a ${v.kind} into a ${s.kind}`);
  }
  const stale = [
    [s, command.expectedSurvivorVersion],
    [v, command.expectedVictimVersion],
  ] as const;
  for (const [contact, expected] of stale) {
    if (expected !== undefined && expected !== contact.version) {
      throw ContactError.versionConflict(contact.id, expected, contact.version);
    }
  }
}

/** Every choosable field with its side: the caller's choice, else the survivor unless empty. */
function resolveChoices(s: Contact, v: Contact, requested: FieldChoices): FieldChoices {
  const allowed = MERGE_CHOICE_FIELDS[s.kind];
  const errors: ContactFieldError[] = [];
  for (const [field, side] of Object.entries(requested)) {
    if (!(allowed as readonly string[]).includes(field)) {
      errors.push({
        field: `fieldChoices.${field}`,
        message: `is not a choosable field of a ${s.kind}: ${allowed.join(', ')}`,
      });
    } else if (side !== 'survivor' && side !== 'victim') {
      errors.push({ field: `fieldChoices.${field}`, message: 'must be survivor or victim' });
    }
  }
  if (errors.length > 0) throw ContactError.validation(errors);
  const choices: FieldChoices = {};
  for (const field of allowed) {
    const side = requested[field];
    choices[field] =
      side ?? (valueOf(s, field) === undefined && valueOf(v, field) ? 'victim' : 'survivor');
  }
  return choices;
}

function valueOf(contact: Contact, field: ChoiceField): string | undefined {
  const [group, part] = CHOICE_PATHS[field];
  const holder = (group ? contact[group] : contact) as Record<string, unknown> | undefined;
  const value = holder?.[part];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The survivor's entries first, then the victim's that are new (by key). Only the survivor's
 * primary stays primary; a victim's primary becomes primary only when the survivor has none.
 */
function unionBy<T extends { primary: boolean }>(
  survivor: T[],
  victim: readonly T[],
  key: (item: T) => string,
): T[] {
  const seen = new Set(survivor.map(key));
  const survivorHasPrimary = survivor.some((item) => item.primary);
  const added = victim
    .filter((item) => !seen.has(key(item)) && (seen.add(key(item)), true))
    .map((item) => (survivorHasPrimary ? { ...item, primary: false } : item));
  return [...survivor, ...added];
}

function addressKey(address: PostalAddress): string {
  const line = address.line1.toLowerCase().replace(/\s+/g, ' ').trim();
  const postal = address.postalCode ? normalizePostalCode(address.postalCode) : '';
  return `${address.countryCode}|${postal}|${line}`;
}

/**
 * The victim's tombstone alone: a resumed merge whose survivor already absorbed the victim
 * (survivor.mergedFrom holds it) finishes with this. Idempotent: an existing tombstone of the
 * same merge is returned as it is.
 */
export function decideTombstone(victim: Contact, survivorId: string, now: string): Contact {
  if (victim.mergedInto === survivorId) return victim;
  if (victim.mergedInto) {
    throw ContactError.failedPrecondition(
      `contact ${victim.id} was merged into ${victim.mergedInto}`,
    );
  }
  return {
    ...victim,
    version: victim.version + 1,
    updatedAt: now,
    deletedAt: victim.deletedAt ?? now,
    mergedInto: survivorId,
  };
}

/** What reading a merged contact answers: NOT_FOUND, naming where its data went. */
export function mergedContactNotFound(id: string, survivorId: string): ContactError {
  return new ContactError(
    ContactErrorCode.NOT_FOUND,
    `contact ${id} was merged into ${survivorId}`,
    [],
    { mergedInto: survivorId },
  );
}
