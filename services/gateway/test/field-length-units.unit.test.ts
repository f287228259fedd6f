// Lengths as the contact service counts them: in UTF-16 units (JavaScript's `length`), where
// zod's max counts code points; a custom field's text value is the exception, counted in code
// points by the service too (field-limits.unit.test.ts).
import type { z } from 'zod';
import {
  CONSENT_FIELD_LIMITS,
  CONTACT_FIELD_LIMITS as C,
  CUSTOM_FIELD_LIMITS as F,
  RELATIONSHIP_FIELD_LIMITS,
} from '@kith/contracts';
import { RecordConsentBodySchema } from '../src/modules/contact/consent.schema';
import { CreateCustomFieldBodySchema } from '../src/modules/contact/custom-field.schema';
import { CustomFieldValuesSchema } from '../src/modules/contact/custom-field-value.schema';
import { CreateOrganizationBodySchema } from '../src/modules/contact/organization.schema';
import { CreatePersonBodySchema } from '../src/modules/contact/person.schema';
import { CreateRelationshipBodySchema } from '../src/modules/contact/relationship.schema';
import { definition, option, person } from './support/limit-cases';

describe('lengths count UTF-16 units, as the contact service counts them', () => {
  // n units, nearly all of them in emoji (two units, one code point each): zod's own max
  // counts code points and would let twice as many through.
  const astral = (n: number) => '😀'.repeat(Math.floor(n / 2)) + 'a'.repeat(n % 2);
  const R = RELATIONSHIP_FIELD_LIMITS;
  const cases: Array<[string, z.ZodType, (n: number) => unknown, number]> = [
    [
      'a first name',
      CreatePersonBodySchema,
      (n) => person({ name: { firstName: astral(n) } }),
      C.name,
    ],
    [
      'an email address',
      CreatePersonBodySchema,
      (n) => person({ emails: [{ address: `${astral(n - '@example.org'.length)}@example.org` }] }),
      C.email,
    ],
    [
      'a website',
      CreateOrganizationBodySchema,
      (n) => ({ name: 'Org', website: `https://example.org/${astral(n - 20)}` }),
      C.website,
    ],
    [
      'a consent statement',
      RecordConsentBodySchema,
      (n) => ({ channel: 'email', status: 'opted_in', source: 'form', statement: astral(n) }),
      CONSENT_FIELD_LIMITS.statement,
    ],
    [
      'a relationship description',
      CreateRelationshipBodySchema,
      (n) => ({
        typeCode: 'employee-of',
        contactAId: 'a',
        contactBId: 'b',
        description: astral(n),
      }),
      R.description,
    ],
    [
      'a custom field label',
      CreateCustomFieldBodySchema,
      (n) => definition({ label: astral(n) }),
      F.label,
    ],
    [
      'a custom field option value',
      CreateCustomFieldBodySchema,
      (n) => definition({ options: [option({ value: astral(n) })] }),
      F.optionValue,
    ],
    [
      'a custom field pattern',
      CreateCustomFieldBodySchema,
      (n) => definition({ validation: { pattern: astral(n) } }),
      F.pattern,
    ],
    [
      'a multi-select value',
      CustomFieldValuesSchema,
      (n) => ({ level: [astral(n)] }),
      F.optionValue,
    ],
  ];

  it.each(cases)(
    '%s: passes at the limit, refused one unit past it',
    (_what, schema, input, limit) => {
      expect(schema.safeParse(input(limit)).success).toBe(true);
      expect(schema.safeParse(input(limit + 1)).success).toBe(false);
    },
  );
});
