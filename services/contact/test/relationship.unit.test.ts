import {
  isActive,
  normalisePair,
  pairClaimId,
  viewFrom,
  type Relationship,
} from '../src/domain/relationship';
import { builtInRelationshipType } from '../src/domain/relationship-type';

const employeeOf = builtInRelationshipType('employee-of')!;
const spouseOf = builtInRelationshipType('spouse-of')!;

const employment: Relationship = {
  id: 'r-1',
  tenantId: 'tenant-a',
  version: 1,
  typeCode: 'employee-of',
  contactAId: 'p-ada',
  contactBId: 'o-acme',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const TODAY = '2026-03-01';

describe('reading a relationship from each side', () => {
  it('reads "employee of" from the person who is side A', () => {
    const view = viewFrom(
      employment,
      'p-ada',
      employeeOf,
      { id: 'o-acme', kind: 'organization', displayName: 'Acme' },
      TODAY,
    );

    expect(view).toMatchObject({ side: 'a', label: 'employee of', other: { id: 'o-acme' } });
  });

  it('reads "employer of" from the organization who is side B', () => {
    const view = viewFrom(
      employment,
      'o-acme',
      employeeOf,
      { id: 'p-ada', kind: 'person', displayName: 'Ada' },
      TODAY,
    );

    expect(view).toMatchObject({ side: 'b', label: 'employer of', other: { id: 'p-ada' } });
  });

  it('reads the one label of a symmetric type from both sides', () => {
    const marriage = { ...employment, typeCode: 'spouse-of', contactBId: 'p-bea' };

    const labels = [
      viewFrom(
        marriage,
        'p-ada',
        spouseOf,
        { id: 'p-bea', kind: 'person', displayName: 'B' },
        TODAY,
      )?.label,
      viewFrom(
        marriage,
        'p-bea',
        spouseOf,
        { id: 'p-ada', kind: 'person', displayName: 'A' },
        TODAY,
      )?.label,
    ];

    expect(labels).toEqual(['spouse of', 'spouse of']);
  });

  it('gives no view to a contact that is not part of the relationship', () => {
    const view = viewFrom(
      employment,
      'p-zed',
      employeeOf,
      { id: 'o-acme', kind: 'organization', displayName: 'Acme' },
      TODAY,
    );

    expect(view).toBeUndefined();
  });
});

describe('whether a relationship is active', () => {
  it.each([
    ['has no end date', {}, true],
    ['ends after today', { endDate: '2026-03-02' }, true],
    ['ends today', { endDate: TODAY }, false],
    ['ended before today', { endDate: '2025-12-31' }, false],
    ['is deleted', { deletedAt: '2026-02-01T00:00:00.000Z' }, false],
  ])('when it %s: %s', (_when, fields, expected) => {
    expect(isActive({ ...employment, ...fields }, TODAY)).toBe(expected);
  });
});

describe('the pair of a relationship', () => {
  it('puts the smaller id first for a symmetric type', () => {
    expect(normalisePair(spouseOf, 'p-zed', 'p-ada')).toEqual({
      contactAId: 'p-ada',
      contactBId: 'p-zed',
    });
  });

  it('keeps the given order for a directed type', () => {
    expect(normalisePair(employeeOf, 'p-zed', 'o-acme')).toEqual({
      contactAId: 'p-zed',
      contactBId: 'o-acme',
    });
  });

  it('claims tenant, type and pair in one id', () => {
    expect(pairClaimId(employment)).toBe('tenant-a:employee-of:p-ada:o-acme');
  });
});
