import { CustomFieldDefinitionsCache } from '../src/app/custom-field-definitions.cache';
import { decideCreate, decideUpdate } from '../src/domain/contact-decisions';
import { ContactErrorCode } from '../src/domain/contact-error';
import type { CustomFieldDefinition } from '../src/domain/custom-field';

const TENANT = 'tenant-a';
const ID = '01900000-0000-7000-8000-0000000000cf';
const NOW = '2026-01-01T00:00:00.000Z';

function definition(
  key: string,
  overrides: Partial<CustomFieldDefinition> = {},
): CustomFieldDefinition {
  return {
    id: `${TENANT}:person:${key}`,
    tenantId: TENANT,
    recordType: 'person',
    key,
    label: key,
    type: 'text',
    required: false,
    options: [],
    validation: {},
    archived: false,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

const DEFINITIONS = [
  definition('level', {
    type: 'single_select',
    required: true,
    options: [
      { value: 'gold', label: 'Gold', active: true },
      { value: 'silver', label: 'Silver', active: true },
    ],
  }),
  definition('score', { type: 'number' }),
];

function create(customFields: Record<string, unknown>) {
  return decideCreate(
    {
      tenantId: TENANT,
      kind: 'person',
      fields: { person: { firstName: 'Ada' }, customFields },
    },
    { id: ID, now: NOW, customFields: DEFINITIONS },
  );
}

function fieldErrors(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    const e = err as { code?: string; fieldErrors?: Array<{ field: string }> };
    expect(e.code).toBe(ContactErrorCode.VALIDATION_FAILED);
    return (e.fieldErrors ?? []).map((f) => f.field);
  }
  throw new Error('expected a validation error');
}

describe('custom field values on contacts', () => {
  it('stores valid values on create, normalized', () => {
    const { contact } = create({ level: 'gold', score: '12' });

    expect(contact.customFields).toEqual({ level: 'gold', score: 12 });
  });

  it('refuses a create without a required field, naming it next to other problems', () => {
    expect(fieldErrors(() => create({ score: 'lots' }))).toEqual([
      'customFields.score',
      'customFields.level',
    ]);
  });

  it('changes only the masked keys on update, and a masked key left out is cleared', () => {
    const { contact: current } = create({ level: 'gold', score: 12 });

    const { contact, events } = decideUpdate(
      current,
      {
        id: ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { customFields: { level: 'silver' } },
        updateMask: ['custom_fields.level', 'custom_fields.score'],
      },
      NOW,
      DEFINITIONS,
    );

    expect(contact.customFields).toEqual({ level: 'silver' });
    expect(events[0]).toMatchObject({ changedFields: ['customFields'] });
  });

  it('leaves custom fields alone when the mask names none', () => {
    const { contact: current } = create({ level: 'gold' });

    const { contact } = decideUpdate(
      current,
      {
        id: ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { tags: ['x'] },
        updateMask: ['tags'],
      },
      NOW,
    );

    expect(contact.customFields).toEqual({ level: 'gold' });
  });
});

describe('CustomFieldDefinitionsCache', () => {
  it('reads once per tenant and record type within the time to live, and again after it', async () => {
    let reads = 0;
    let clock = 0;
    const cache = new CustomFieldDefinitionsCache(
      {
        forRecordType: async () => {
          reads += 1;
          return DEFINITIONS;
        },
      },
      { ttlMs: 1000, now: () => clock },
    );

    await cache.forRecordType(TENANT, 'person');
    await cache.forRecordType(TENANT, 'person');
    clock = 1500;
    await cache.forRecordType(TENANT, 'person');

    expect(reads).toBe(2);
  });

  it('reads again at once after this process changed a definition of the tenant', async () => {
    let reads = 0;
    const cache = new CustomFieldDefinitionsCache({
      forRecordType: async () => {
        reads += 1;
        return [];
      },
    });

    await cache.forRecordType(TENANT, 'person');
    cache.invalidate(TENANT);
    await cache.forRecordType(TENANT, 'person');

    expect(reads).toBe(2);
  });
});
