import type { ContactSnapshot, HouseholdSnapshot } from '@kith/events';
import { projectErasure, projectHouseholdPlaces, projectSnapshot, projectVictim } from '../src';

const reach = (status: 'opted_in' | 'opted_out' | 'unknown', suppressed: boolean) => ({
  status,
  suppressed,
  reasons: [],
});

const snapshot = (extra: Partial<ContactSnapshot> = {}): ContactSnapshot => ({
  id: 'c-1',
  tenantId: 't-1',
  kind: 'person',
  version: 3,
  displayName: 'Ada Lovelace',
  emails: [{ address: 'ada@example.org', type: 'home', primary: true }],
  phones: [],
  tags: [],
  reachability: {
    email: reach('opted_in', false),
    sms: reach('unknown', false),
    phone: reach('opted_out', true),
    mail: reach('unknown', true),
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  ...extra,
});

describe('projectSnapshot', () => {
  it('keeps the id, tenant, kind, version and reachability per channel of a live contact', () => {
    expect(projectSnapshot(snapshot())).toEqual({
      id: 'c-1',
      tenantId: 't-1',
      kind: 'person',
      version: 3,
      status: 'active',
      erased: false,
      reachability: {
        email: { status: 'opted_in', suppressed: false },
        sms: { status: 'unknown', suppressed: false },
        phone: { status: 'opted_out', suppressed: true },
        mail: { status: 'unknown', suppressed: true },
      },
      emails: ['ada@example.org'],
    });
  });

  it('holds no personal value but the email addresses, normalized and once each', () => {
    const projected = projectSnapshot(
      snapshot({
        emails: [
          { address: ' Ada@Example.ORG ', type: 'home', primary: true },
          { address: 'ada@example.org', type: 'work', primary: false },
        ],
      }),
    );
    const { emails, ...rest } = projected;

    expect(emails).toEqual(['ada@example.org']);
    expect(JSON.stringify(rest)).not.toMatch(/Ada|ada@example/i);
  });

  it.each([
    ['deleted', { deletedAt: '2026-01-03T00:00:00.000Z' }, 'deleted'],
    ['merged', { deletedAt: '2026-01-03T00:00:00.000Z', mergedInto: 'c-2' }, 'merged'],
  ] as const)('calls a %s contact %s and suppresses every channel', (_what, extra, status) => {
    const projected = projectSnapshot(snapshot(extra));

    expect(projected.status).toBe(status);
    expect(Object.values(projected.reachability).every((c) => c.suppressed)).toBe(true);
    // A gone contact matches no mail: a merge survivor carries the victim's addresses.
    expect(projected.emails).toEqual([]);
  });

  it('says whom a merge victim went into', () => {
    expect(projectSnapshot(snapshot({ mergedInto: 'c-2' })).mergedInto).toBe('c-2');
  });

  it('suppresses every channel of a contact whose reachability is not known yet', () => {
    const { reachability: _none, ...bare } = snapshot();

    expect(Object.values(projectSnapshot(bare).reachability).every((c) => c.suppressed)).toBe(true);
  });
});

describe('projectErasure', () => {
  it('marks the contact erased at the version the erasure produced, keeping its kind', () => {
    const before = projectSnapshot(snapshot({ kind: 'person' }));

    expect(projectErasure({ contactId: 'c-1', tenantId: 't-1', version: 4 }, before)).toMatchObject(
      {
        id: 'c-1',
        version: 4,
        status: 'erased',
        erased: true,
        reachability: { email: { suppressed: true } },
        emails: [],
      },
    );
  });

  it('keeps where an erased merge victim went', () => {
    const victim = projectSnapshot(snapshot({ mergedInto: 'c-2' }));

    expect(
      projectErasure({ contactId: 'c-1', tenantId: 't-1', version: 5 }, victim).mergedInto,
    ).toBe('c-2');
  });
});

describe('projectVictim', () => {
  it('makes a tombstone one version past what was known when the event carries no victim', () => {
    const known = projectSnapshot(snapshot({ version: 7 }));

    expect(
      projectVictim({ tenantId: 't-1', victimId: 'c-1', survivorId: 'c-2' }, known),
    ).toMatchObject({ version: 8, status: 'merged', mergedInto: 'c-2' });
  });
});

describe('projectHouseholdPlaces', () => {
  const household = (extra: Partial<HouseholdSnapshot> = {}): HouseholdSnapshot => ({
    id: 'h-1',
    tenantId: 't-1',
    version: 4,
    name: 'The Marches',
    greeting: 'Marches',
    members: [
      { contactId: 'c-1', role: 'adult', inheritsAddress: true, joinedAt: '2026-01-01T00:00:00Z' },
      {
        contactId: 'c-2',
        role: 'adult',
        inheritsAddress: true,
        joinedAt: '2026-01-01T00:00:00Z',
        deceased: true,
      },
      {
        contactId: 'c-3',
        role: 'child',
        inheritsAddress: true,
        joinedAt: '2026-01-01T00:00:00Z',
        leftAt: '2026-02-01T00:00:00Z',
      },
    ],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-02-01T00:00:00Z',
    ...extra,
  });

  it('keeps each member current unless they left, with whether they died', () => {
    expect(projectHouseholdPlaces(household())).toEqual([
      { contactId: 'c-1', current: true, deceased: false },
      { contactId: 'c-2', current: true, deceased: true },
      { contactId: 'c-3', current: false, deceased: false },
    ]);
  });

  it('makes nobody current in a deleted household', () => {
    const places = projectHouseholdPlaces(household({ deletedAt: '2026-03-01T00:00:00Z' }));
    expect(places.map((p) => p.current)).toEqual([false, false, false]);
  });
});
