import {
  RelationshipTypeError,
  RelationshipTypeErrorCode,
} from '../src/domain/relationship-type-error';
import {
  RELATIONSHIP_TYPE_CHANGED,
  decideChangeRelationshipType,
  decideCreateRelationshipType,
  type CreateRelationshipTypeCommand,
} from '../src/domain/relationship-type-decisions';
import {
  BUILT_IN_RELATIONSHIP_TYPES,
  builtInForTenant,
  builtInRelationshipType,
  effectiveCatalogue,
  effectiveType,
  type RelationshipType,
} from '../src/domain/relationship-type';

const TENANT = 'tenant-a';
const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-02T09:00:00.000Z';

function createCommand(
  overrides: Partial<CreateRelationshipTypeCommand> = {},
): CreateRelationshipTypeCommand {
  return {
    tenantId: TENANT,
    code: 'mentor-of',
    labelAToB: 'mentor of',
    labelBToA: 'mentee of',
    contactKindA: 'person',
    contactKindB: 'person',
    symmetric: false,
    ...overrides,
  };
}

function failure(run: () => unknown): RelationshipTypeError {
  try {
    run();
  } catch (err) {
    if (err instanceof RelationshipTypeError) return err;
    throw err;
  }
  throw new Error('expected a RelationshipTypeError');
}

function builtIn(code: string): RelationshipType {
  const definition = builtInRelationshipType(code);
  if (!definition) throw new Error(`no built-in ${code}`);
  return builtInForTenant(TENANT, definition);
}

describe('the catalogue a tenant starts with', () => {
  it('offers employee of / employer of between a person and an organization', () => {
    expect(builtInRelationshipType('employee-of')).toEqual({
      code: 'employee-of',
      labelAToB: 'employee of',
      labelBToA: 'employer of',
      contactKindA: 'person',
      contactKindB: 'organization',
      symmetric: false,
      active: true,
    });
  });

  it('makes every symmetric built-in read the same from both sides', () => {
    const symmetric = BUILT_IN_RELATIONSHIP_TYPES.filter((t) => t.symmetric);

    expect(symmetric.map((t) => t.code)).toEqual(['partner-of', 'sibling-of', 'spouse-of']);
    expect(symmetric.every((t) => t.labelAToB === t.labelBToA)).toBe(true);
  });

  it('lets a tenant override replace the built-in and adds its own types, by code', () => {
    const override = { ...builtIn('spouse-of'), active: false, version: 2 };
    const own = decideCreateRelationshipType(createCommand(), undefined, T0).relationshipType;

    const catalogue = effectiveCatalogue(TENANT, [override, own]);

    expect(catalogue.find((t) => t.code === 'spouse-of')?.active).toBe(false);
    expect(catalogue.map((t) => t.code)).toContain('mentor-of');
    expect(catalogue.map((t) => t.code)).toEqual([...catalogue.map((t) => t.code)].sort());
  });

  it('ignores another tenant’s stored types', () => {
    const foreign = { ...builtIn('spouse-of'), tenantId: 'tenant-b', active: false };

    expect(effectiveType(TENANT, 'spouse-of', foreign)?.active).toBe(true);
  });
});

describe('creating a tenant type', () => {
  it('creates an active version 1 with a created event', () => {
    const { relationshipType, events } = decideCreateRelationshipType(
      createCommand(),
      undefined,
      T0,
    );

    expect(relationshipType).toMatchObject({
      code: 'mentor-of',
      version: 1,
      active: true,
      builtIn: false,
    });
    expect(events).toEqual([
      { type: RELATIONSHIP_TYPE_CHANGED, relationshipType, change: 'created', changedFields: [] },
    ]);
  });

  it('gives a symmetric type one label for both sides', () => {
    const { relationshipType } = decideCreateRelationshipType(
      createCommand({
        code: 'cousin-of',
        labelAToB: 'cousin of',
        labelBToA: undefined,
        symmetric: true,
      }),
      undefined,
      T0,
    );

    expect(relationshipType.labelBToA).toBe('cousin of');
  });

  it('refuses a code that is not a slug', () => {
    const err = failure(() =>
      decideCreateRelationshipType(createCommand({ code: 'Mentor Of' }), undefined, T0),
    );

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['code']);
  });

  it('refuses a symmetric type whose sides take different kinds', () => {
    const err = failure(() =>
      decideCreateRelationshipType(
        createCommand({ symmetric: true, contactKindB: 'organization' }),
        undefined,
        T0,
      ),
    );

    expect(err.fieldErrors.map((e) => e.field)).toEqual(['contactKindB']);
  });

  it('answers ALREADY_EXISTS for the code of a built-in', () => {
    const err = failure(() =>
      decideCreateRelationshipType(createCommand({ code: 'spouse-of' }), builtIn('spouse-of'), T0),
    );

    expect(err.code).toBe(RelationshipTypeErrorCode.ALREADY_EXISTS);
  });
});

describe('changing a type', () => {
  it('deactivates a built-in as the tenant’s version 2', () => {
    const { relationshipType, events } = decideChangeRelationshipType(
      builtIn('volunteer-for'),
      { tenantId: TENANT, code: 'volunteer-for', expectedVersion: 1, active: false },
      T1,
    );

    expect(relationshipType).toMatchObject({
      active: false,
      builtIn: true,
      version: 2,
      createdAt: T1,
    });
    expect(events[0]?.changedFields).toEqual(['active']);
  });

  it('relabels both sides of a symmetric type from its one label', () => {
    const { relationshipType } = decideChangeRelationshipType(
      builtIn('partner-of'),
      { tenantId: TENANT, code: 'partner-of', expectedVersion: 1, labelAToB: 'life partner of' },
      T1,
    );

    expect([relationshipType.labelAToB, relationshipType.labelBToA]).toEqual([
      'life partner of',
      'life partner of',
    ]);
  });

  it('writes nothing when the change sets what is there', () => {
    const current = builtIn('parent-of');

    const decision = decideChangeRelationshipType(
      current,
      { tenantId: TENANT, code: 'parent-of', expectedVersion: 1, active: true },
      T1,
    );

    expect(decision).toEqual({ relationshipType: current, events: [] });
  });

  it('answers VERSION_CONFLICT to a stale version', () => {
    const err = failure(() =>
      decideChangeRelationshipType(
        { ...builtIn('parent-of'), version: 3 },
        { tenantId: TENANT, code: 'parent-of', expectedVersion: 2, active: false },
        T1,
      ),
    );

    expect(err.code).toBe(RelationshipTypeErrorCode.VERSION_CONFLICT);
  });

  it('answers NOT_FOUND for an unknown code', () => {
    const err = failure(() =>
      decideChangeRelationshipType(
        undefined,
        { tenantId: TENANT, code: 'nemesis-of', expectedVersion: 1, active: false },
        T1,
      ),
    );

    expect(err.code).toBe(RelationshipTypeErrorCode.NOT_FOUND);
  });
});
