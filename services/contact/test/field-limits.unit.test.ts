// The contact service's validation holds to the limits the gateway's zod schemas use
// (@kith/contracts field-limits.ts): a value at a limit passes, one past it is refused,
// naming the field. The gateway's field-limits.unit.test.ts holds the zod side to the same
// constants; page sizes: page-limits.unit.test.ts.
import {
  CONSENT_FIELD_LIMITS,
  CONTACT_FIELD_LIMITS as C,
  CONTACT_IMPORT_LIMITS,
  CUSTOM_FIELD_LIMITS as F,
  HOUSEHOLD_FIELD_LIMITS,
  MATCHING_RULE_LIMITS as M,
  MATCH_FIELDS,
  POSTAL_ADDRESS_LIMITS as A,
  RELATIONSHIP_FIELD_LIMITS as R,
} from '@kith/contracts';
import { toConsentRecord } from '../src/domain/consent';
import { newImportJob, splitBatch } from '../src/domain/contact-import';
import { parseListQuery } from '../src/domain/contact-list-query';
import { validateMatchingRuleSet } from '../src/domain/contact-matching';
import { validateContactFields } from '../src/domain/contact-validation';
import type { CustomFieldDefinition } from '../src/domain/custom-field';
import { decideDefine } from '../src/domain/custom-field-decisions';
import { customFieldFilter } from '../src/domain/custom-field-filter';
import { validateDefinitionSpec } from '../src/domain/custom-field-validation';
import { validateCustomFieldValues } from '../src/domain/custom-field-values';
import { validateHouseholdChanges } from '../src/domain/household-validation';
import {
  validateLabel,
  validateRelationshipFields,
  validateTypeCode,
} from '../src/domain/relationship-validation';
import type { ContactFieldsInput } from '../src/domain/contact';
import { NOW, holdsTo, list, refusedFields, text } from './support/limit-cases';

describe('contact, household and address validation holds to the shared limits', () => {
  const refusedIn = (kind: 'person' | 'organization', fields: ContactFieldsInput) =>
    validateContactFields(kind, fields, { now: NOW }).errors.map((e) => e.field);
  const withPerson = (build: (n: number) => ContactFieldsInput) => (n: number) =>
    refusedIn('person', { person: { lastName: 'L' }, ...build(n) });
  const org = (build: (n: number) => ContactFieldsInput) => (n: number) =>
    refusedIn('organization', build(n));

  holdsTo([
    ['person.firstName', withPerson((n) => ({ person: { firstName: text(n) } })), C.name],
    [
      'person.prefix',
      withPerson((n) => ({ person: { lastName: 'L', prefix: text(n) } })),
      C.namePart,
    ],
    ['organization.name', org((n) => ({ organization: { name: text(n) } })), C.organizationName],
    [
      'organization.organizationType',
      org((n) => ({ organization: { name: 'Org', organizationType: text(n) } })),
      C.organizationType,
    ],
    [
      'organization.website',
      org((n) => ({ organization: { name: 'Org', website: `https://x.org/${text(n - 14)}` } })),
      C.website,
    ],
    [
      'emails',
      withPerson((n) => ({ emails: list(n, (i) => ({ address: `p${i}@x.org` })) })),
      C.emails,
    ],
    [
      'emails[0].address',
      withPerson((n) => ({ emails: [{ address: `${text(n - '@x.org'.length)}@x.org` }] })),
      C.email,
    ],
    [
      'phones',
      withPerson((n) => ({ phones: list(n, (i) => ({ number: `+1 555 01${i}` })) })),
      C.phones,
    ],
    [
      'phones[0].number',
      withPerson((n) => ({ phones: [{ number: `5550100${'-'.repeat(n - 7)}` }] })),
      C.phone,
    ],
    ['tags', withPerson((n) => ({ tags: list(n, (i) => `t${i}`) })), C.tags],
    ['tags[0]', withPerson((n) => ({ tags: [text(n)] })), C.tag],
    ['source', withPerson((n) => ({ source: text(n) })), C.source],
    ['ownerId', withPerson((n) => ({ ownerId: text(n) })), C.ownerId],
    ['gender', withPerson((n) => ({ gender: text(n) })), C.gender],
    ['pronouns', withPerson((n) => ({ pronouns: text(n) })), C.pronouns],
    [
      'addresses',
      withPerson((n) => ({
        addresses: list(n, () => ({ line1: '1 Main St', countryCode: 'US' })),
      })),
      A.count,
    ],
    [
      'addresses[0].line1',
      withPerson((n) => ({ addresses: [{ line1: text(n), countryCode: 'US' }] })),
      A.line,
    ],
    [
      'addresses[0].city',
      withPerson((n) => ({ addresses: [{ line1: '1', city: text(n), countryCode: 'US' }] })),
      A.city,
    ],
    [
      'nameOverride',
      (n) => refusedFields(() => validateHouseholdChanges({ nameOverride: text(n) })),
      HOUSEHOLD_FIELD_LIMITS.name,
    ],
  ]);
});

describe('consent records hold to the shared consent limits', () => {
  const consent = (fields: Record<string, string>) =>
    toConsentRecord(
      { channel: 'email', status: 'opted_in', source: 'web-form', ...fields },
      { now: NOW },
    ).errors.map((e) => e.field);
  holdsTo([
    ['source', (n) => consent({ source: text(n) }), CONSENT_FIELD_LIMITS.source],
    ['statement', (n) => consent({ statement: text(n) }), CONSENT_FIELD_LIMITS.statement],
    ['campaignId', (n) => consent({ campaignId: text(n) }), CONSENT_FIELD_LIMITS.campaignId],
  ]);
});

describe('custom fields hold to the shared custom field limits', () => {
  const spec = (fields: Record<string, unknown>) =>
    validateDefinitionSpec({ label: 'Level', type: 'text', ...fields }).errors.map((e) => e.field);
  const select = (options: unknown[]) => spec({ type: 'single_select', options });
  const define = (key: string, definedCount = 0) =>
    refusedFields(() =>
      decideDefine(
        { tenantId: 't1', recordType: 'person', key, spec: { label: 'L', type: 'text' } },
        { existing: undefined, definedCount },
        NOW,
      ),
    );
  const textField = (key: string) =>
    ({ key, type: 'text', validation: {}, options: [] }) as unknown as CustomFieldDefinition;
  const value = (raw: unknown) =>
    validateCustomFieldValues([textField('level')], { level: raw }, { mode: 'update' }).errors.map(
      (e) => e.field,
    );
  const filters = (n: number) => {
    const keys = list(n, (i) => `k${i}`);
    const query = Object.fromEntries(keys.map((key) => [`cf.${key}`, 'x']));
    return customFieldFilter(keys.map(textField), query).errors.map((e) => e.field);
  };

  holdsTo([
    ['key', (n) => define(`k${text(n - 1)}`), F.key],
    ['label', (n) => spec({ label: text(n) }), F.label],
    ['description', (n) => spec({ description: text(n) }), F.description],
    ['options', (n) => select(list(n, (i) => ({ value: `v${i}` }))), F.options],
    ['options[0].value', (n) => select([{ value: text(n), label: 'V' }]), F.optionValue],
    ['options[0].label', (n) => select([{ value: 'v', label: text(n) }]), F.label],
    ['validation.minLength', (n) => spec({ validation: { minLength: n } }), F.text],
    ['validation.maxLength', (n) => spec({ validation: { maxLength: n } }), F.text],
    ['validation.pattern', (n) => spec({ validation: { pattern: text(n) } }), F.pattern],
    ['customFields.level', (n) => value(text(n)), F.text],
    // Counted in code points, as zod's max and JSON Schema's maxLength count them.
    ['customFields.level', (n) => value('😀'.repeat(n)), F.text],
    ['cf', filters, F.filtersPerQuery],
  ]);

  it('perRecordType: defines the last field allowed and refuses one more', async () => {
    expect(await define('level', F.perRecordType - 1)).toEqual([]);
    expect(await define('level', F.perRecordType)).toEqual(['FAILED_PRECONDITION']);
  });
});

describe('relationships hold to the shared relationship limits', () => {
  holdsTo([
    [
      'description',
      (n) => validateRelationshipFields({ description: text(n) }).errors.map((e) => e.field),
      R.description,
    ],
    ['code', (n) => validateTypeCode(text(n)).map((e) => e.field), R.typeCode],
    ['labelAToB', (n) => validateLabel('labelAToB', text(n)).errors.map((e) => e.field), R.label],
  ]);
});

describe('matching rules hold to the shared matching rule limits', () => {
  const rule = (fields: Record<string, unknown> = {}) => ({
    name: 'same-email',
    fields: ['email'],
    weight: 10,
    ...fields,
  });
  const rules = (set: Array<ReturnType<typeof rule>>) =>
    validateMatchingRuleSet({ threshold: 1, rules: set }).errors.map((e) => e.field);
  holdsTo([
    ['rules', (n) => rules(list(n, (i) => rule({ name: `rule-${i}` }))), M.rules],
    ['rules[0].name', (n) => rules([rule({ name: text(n) })]), M.name],
    [
      'rules[0].fields',
      (n) => rules([rule({ fields: MATCH_FIELDS.slice(0, n) })]),
      M.fieldsPerRule,
    ],
    ['rules[0].weight', (n) => rules([rule({ weight: n })]), M.weight],
  ]);
});

describe('imports hold to the shared import limits', () => {
  const job = newImportJob(
    { tenantId: 't1', kind: 'person', onDuplicate: 'skip', dryRun: false },
    { id: 'job-1', now: NOW },
  );
  holdsTo([
    [
      'rows',
      (n) =>
        refusedFields(() =>
          splitBatch(
            job,
            list(n, (i) => ({ rowNumber: i + 1 })),
          ),
        ),
      CONTACT_IMPORT_LIMITS.batchRows,
    ],
  ]);

  it('fileName: keeps a name at the limit and cuts a longer one to it', () => {
    const named = (n: number) =>
      newImportJob(
        { tenantId: 't1', kind: 'person', onDuplicate: 'skip', dryRun: false, fileName: text(n) },
        { id: 'job-1', now: NOW },
      ).fileName;

    expect(named(CONTACT_IMPORT_LIMITS.fileName)).toBe(text(CONTACT_IMPORT_LIMITS.fileName));
    expect(named(CONTACT_IMPORT_LIMITS.fileName + 1)).toBe(text(CONTACT_IMPORT_LIMITS.fileName));
  });
});

describe('contact lists hold to the shared search length', () => {
  holdsTo([
    [
      'search',
      (n) => refusedFields(() => parseListQuery({ tenantId: 't1', search: text(n) })),
      C.search,
    ],
  ]);
});
